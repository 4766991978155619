package org.rnnplayground.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnplayground.model.TensorShape.Role;

class ScratchRnnTest {

    /** The book's equations in plain double loops, as an independent reference. */
    static double[][] referenceLogits(RnnParams p, Activation act, int[][] x, double[][] h0) {
        double[][] wXh = p.wXh().toDoubleMatrix(),
                wHh = p.wHh().toDoubleMatrix(),
                wHq = p.wHq().toDoubleMatrix();
        double[] bH = p.bH().toDoubleVector(), bQ = p.bQ().toDoubleVector();
        int b = x.length, steps = x[0].length, h = bH.length, v = bQ.length;
        double[][] state = h0;
        double[][] out = new double[steps * b][v];
        for (int t = 0; t < steps; t++) {
            double[][] next = new double[b][h];
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < h; j++) {
                    double a = wXh[x[i][t]][j] + bH[j];
                    for (int k = 0; k < h; k++) {
                        a += state[i][k] * wHh[k][j];
                    }
                    next[i][j] = act == Activation.TANH ? Math.tanh(a) : Math.max(0, a);
                }
                for (int q = 0; q < v; q++) {
                    double o = bQ[q];
                    for (int j = 0; j < h; j++) {
                        o += next[i][j] * wHq[j][q];
                    }
                    out[t * b + i][q] = o; // time-major, as torch.cat(outputs)
                }
            }
            state = next;
        }
        return out;
    }

    static double referenceLoss(double[][] logits, int[][] y) {
        int b = y.length;
        double sum = 0;
        for (int r = 0; r < logits.length; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double o : logits[r]) max = Math.max(max, o);
            double z = 0;
            for (double o : logits[r]) z += Math.exp(o - max);
            int label = y[r % b][r / b]; // Y.T.reshape(-1)
            sum += -(logits[r][label] - max - Math.log(z));
        }
        return sum / logits.length;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardAndLossMatchTheBooksEquations(Activation act) {
        GradientCheckTest.Fixture f = new GradientCheckTest.Fixture(act, 3);
        double[][] expected =
                referenceLogits(f.model.params(), act, f.x, f.h0.h().toDoubleMatrix());
        Forward fw = f.model.forward(f.x, f.h0);
        assertArrayEquals(
                new long[] {GradientCheckTest.T * GradientCheckTest.B, GradientCheckTest.V},
                fw.outputs().shape());
        double[][] actual = fw.outputs().toDoubleMatrix();
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], actual[r], 1e-12, "row " + r);
        }
        assertEquals(referenceLoss(expected, f.y), f.model.loss(f.x, f.y, f.h0), 1e-12);
    }

    @Test
    void float32AgreesWithFloat64() {
        GradientCheckTest.Fixture f = new GradientCheckTest.Fixture(Activation.TANH, 5);
        ScratchRnn single = new ScratchRnn(f.model.params().castTo(DataType.FLOAT), Activation.TANH);
        State h0 = State.of(f.h0.h().castTo(DataType.FLOAT));
        assertEquals(f.model.loss(f.x, f.y, f.h0), single.loss(f.x, f.y, h0), 1e-5);
    }

    @Test
    void perplexityAtInitialisationIsCloseToVocabSize() {
        int v = 28;
        ScratchRnn model = ScratchRnn.create(v, 64, Activation.TANH, DataType.FLOAT, 0);
        int[][] x = randomTokens(8, 10, v, 1), y = randomTokens(8, 10, v, 2);
        double ppl = Math.exp(model.loss(x, y, model.beginState(8)));
        assertEquals(v, ppl, 0.02 * v, "perplexity at init " + ppl);
    }

    @Test
    void trainStepReturnsTheLastHiddenStateAndLeavesTheInputStateAlone() {
        GradientCheckTest.Fixture f = new GradientCheckTest.Fixture(Activation.TANH, 9);
        double[][] before = f.h0.h().toDoubleMatrix();
        Forward fw = f.model.forward(f.x, f.h0);
        StepResult r = f.model.trainStep(f.x, f.y, f.h0, TrainHyper.clipped(0.1, 1));
        assertTrue(fw.state().h().equalsWithEps(r.state().h(), 0), "state = H_T of the same forward pass");
        assertArrayEquals(before, f.h0.h().toDoubleMatrix());
        assertEquals(GradientCheckTest.B * GradientCheckTest.T, r.tokens());
    }

    @Test
    void sgdMovesEveryParameterByMinusLrTimesTheGradient() {
        GradientCheckTest.Fixture f = new GradientCheckTest.Fixture(Activation.TANH, 13);
        RnnParams before = f.model.params().copy();
        f.model.lossAndGradients(f.x, f.y, f.h0, TrainHyper.unclipped(0.5));
        RnnParams grads = f.model.grads().copy();
        f.model.trainStep(f.x, f.y, f.h0, TrainHyper.unclipped(0.5));
        for (int i = 0; i < 5; i++) {
            INDArray expected = before.arrays().get(i).sub(grads.arrays().get(i).mul(0.5));
            assertTrue(
                    expected.equalsWithEps(f.model.params().arrays().get(i), 1e-15),
                    RnnParams.names().get(i));
        }
    }

    /**
     * With sequential partitioning the state is carried as a constant: the gradient of minibatch 2
     * equals the finite-difference gradient of its loss with H_0 held fixed, and differs from the
     * gradient of the same loss when H_0 is recomputed from the parameters (full BPTT into
     * minibatch 1).
     */
    @Test
    void gradientStopsAtTheMinibatchBoundary() {
        GradientCheckTest.Fixture f = new GradientCheckTest.Fixture(Activation.TANH, 17);
        int[][] x2 = randomTokens(GradientCheckTest.B, GradientCheckTest.T, GradientCheckTest.V, 4);
        int[][] y2 = randomTokens(GradientCheckTest.B, GradientCheckTest.T, GradientCheckTest.V, 5);
        State carried = f.model.forward(f.x, f.h0).state(); // H_T of minibatch 1
        f.model.lossAndGradients(x2, y2, carried, TrainHyper.unclipped(1));
        double analytic = f.model.grads().wHh().getDouble(1, 2);
        // same values, no history
        f.model.lossAndGradients(x2, y2, State.of(carried.h().dup()), TrainHyper.unclipped(1));
        assertEquals(analytic, f.model.grads().wHh().getDouble(1, 2), 0.0);

        INDArray w = f.model.params().wHh();
        double e = 1e-5, v0 = w.getDouble(1, 2);
        w.putScalar(1, 2, v0 + e);
        double fixedPlus = f.model.loss(x2, y2, carried);
        double fullPlus = f.model.loss(x2, y2, f.model.forward(f.x, f.h0).state());
        w.putScalar(1, 2, v0 - e);
        double fixedMinus = f.model.loss(x2, y2, carried);
        double fullMinus = f.model.loss(x2, y2, f.model.forward(f.x, f.h0).state());
        w.putScalar(1, 2, v0);
        double fixed = (fixedPlus - fixedMinus) / (2 * e);
        double full = (fullPlus - fullMinus) / (2 * e);
        assertEquals(fixed, analytic, 1e-7 * Math.abs(fixed) + 1e-10);
        assertNotEquals(full, analytic, 1e-4 * Math.abs(full), "the full-history gradient must differ");
    }

    @Test
    void shapesComeFromARealForwardPass() {
        ScratchRnn model = ScratchRnn.create(28, 16, Activation.TANH, DataType.FLOAT, 0);
        List<TensorShape> shapes = model.traceShapes(randomTokens(2, 5, 28, 3));
        assertEquals(List.of(2L, 5L), find(shapes, "X", -1).shape());
        assertEquals(List.of(5L, 2L, 28L), find(shapes, "one-hot", -1).shape());
        assertEquals(List.of(2L, 28L), find(shapes, "X_t", 3).shape());
        assertEquals(List.of(2L, 16L), find(shapes, "H_t", 5).shape());
        assertEquals(List.of(2L, 28L), find(shapes, "O_t", 1).shape());
        assertEquals(List.of(10L, 28L), find(shapes, "outputs", -1).shape());
        assertEquals(List.of(28L, 16L), find(shapes, "W_xh", -1).shape());
        assertEquals(List.of(16L), find(shapes, "b_h", -1).shape());
        assertEquals("(16,)", find(shapes, "b_h", -1).shapeText());
        long params = shapes.stream()
                .filter(s -> s.role() == Role.PARAMETER)
                .mapToLong(TensorShape::elementCount)
                .sum();
        assertEquals(28 * 16 + 16 * 16 + 16 + 16 * 28 + 28, params);
        assertEquals(params, model.parameterCount());
    }

    @Test
    void rejectsTokensOutsideTheVocabularyAndWrongStates() {
        ScratchRnn model = ScratchRnn.create(5, 4, Activation.TANH, DataType.FLOAT, 0);
        assertThrows(IllegalArgumentException.class, () -> model.forward(new int[][] {{5}}, model.beginState(1)));
        assertThrows(IllegalArgumentException.class, () -> model.forward(new int[][] {{1}}, model.beginState(2)));
    }

    @Test
    void initialisationIsSeededAndScaled() {
        RnnParams a = RnnParams.init(28, 64, DataType.DOUBLE, 42), b = RnnParams.init(28, 64, DataType.DOUBLE, 42);
        assertTrue(a.wHh().equalsWithEps(b.wHh(), 0));
        assertEquals(0.01, a.wHh().stdNumber().doubleValue(), 0.001);
        assertEquals(0, a.bH().norm2Number().doubleValue());
        assertEquals(0, a.bQ().norm2Number().doubleValue());
        assertNotEquals(
                a.wXh().getDouble(0, 0),
                RnnParams.init(28, 64, DataType.DOUBLE, 43).wXh().getDouble(0, 0));
    }

    static TensorShape find(List<TensorShape> shapes, String name, int step) {
        return shapes.stream()
                .filter(s -> s.name().equals(name) && (step < 0 || s.step() == step))
                .findFirst()
                .orElseThrow();
    }

    static int[][] randomTokens(int b, int t, int v, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] m = new int[b][t];
        for (int[] row : m) {
            for (int j = 0; j < t; j++) row[j] = r.nextInt(v);
        }
        return m;
    }
}
