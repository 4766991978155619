package org.rnnplayground.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.BackwardProbe;
import org.rnnplayground.model.Channel;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.ScratchRnn;
import org.rnnplayground.model.State;
import org.rnnplayground.model.TrainHyper;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.ConciseRnn;

/**
 * The per-step gradients the models hand their probe are the gradients of the minibatch's loss with
 * respect to each {@code H_t}: checked against central finite differences in float64, where {@code
 * H_t} is perturbed as a node (for the LSTM with {@code C_t} held fixed) and the loss recomputed from it
 * by the model's own forward pass over the remaining steps.
 */
class GradientsThroughTimeTest {

    static final int V = 5, H = 4, B = 2, T = 4;
    static final double EPS = 1e-5;

    enum Kind {
        SCRATCH_TANH,
        SCRATCH_RELU,
        CONCISE_RNN,
        LSTM,
        GRU
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void hiddenGradientsEqualFiniteDifferences(Kind kind) {
        CharModel model = model(kind);
        SplittableRandom random = new SplittableRandom(3);
        int[][] x = tokens(random), y = tokens(random);
        Map<Integer, INDArray> probed = new HashMap<>();
        GradientsThroughTime g = GradientsThroughTime.measure(model, x, y, TrainHyper.unclipped(1));
        model.probeGradients(x, y, model.beginState(B), TrainHyper.unclipped(1), new BackwardProbe() {
            @Override
            public void hiddenGradient(int layer, int step, INDArray dH) {
                probed.put(step, dH.dup());
            }

            @Override
            public void recurrentGradient(int layer, int step, INDArray hPrev, INDArray dZ) {}
        });
        assertEquals(T, probed.size(), "one gradient per step");
        List<Channel> channels = model.channels(x, model.beginState(B));
        for (int t = 1; t <= T; t++) {
            INDArray numeric = numericHiddenGradient(model, kind, channels, x, y, t);
            INDArray analytic = probed.get(t);
            double scale = numeric.norm2Number().doubleValue();
            assertTrue(scale > 1e-8, "dL/dH_" + t + " is (nearly) zero: the check would be vacuous");
            double diff = analytic.sub(numeric).norm2Number().doubleValue();
            assertTrue(diff < 1e-6 * scale, kind + " dL/dH_" + t + ": " + analytic + " against " + numeric);
            assertEquals(scale, g.layers().get(0).hidden()[t - 1], 1e-6 * scale, "the figure's norm at step " + t);
        }
    }

    /** The shares of the recurrent weight's gradient add up to it. */
    @ParameterizedTest
    @EnumSource(
            value = CellType.class,
            names = {"RNN", "LSTM", "GRU"})
    void recurrentSharesSumToTheRecurrentWeightGradient(CellType cell) {
        ConciseRnn model =
                ConciseRnn.create(new ConciseRnn.Architecture(V, H, cell, 2, 0, Activation.TANH, DataType.DOUBLE, 9));
        SplittableRandom random = new SplittableRandom(5);
        int[][] x = tokens(random), y = tokens(random);
        Map<Integer, INDArray> sums = new HashMap<>();
        Map<String, Double> norms = new HashMap<>();
        model.probeGradients(x, y, model.beginState(B), TrainHyper.unclipped(1), new BackwardProbe() {
            @Override
            public void hiddenGradient(int layer, int step, INDArray dH) {}

            @Override
            public void recurrentGradient(int layer, int step, INDArray hPrev, INDArray dZ) {
                INDArray share = hPrev.transpose().mmul(dZ); // [h, gates*h]
                sums.merge(layer, share, INDArray::add);
                norms.put(layer + "/" + step, share.norm2Number().doubleValue());
            }
        });
        GradientsThroughTime g = GradientsThroughTime.measure(model, x, y, TrainHyper.unclipped(1));
        for (int layer = 0; layer < 2; layer++) {
            for (int t = 2; t <= T; t++) { // at t = 1 the share is H_0^T dZ_1 = 0 from the zero state
                double expected = norms.get(layer + "/" + t);
                assertTrue(expected > 0, "vacuous");
                assertEquals(expected, g.layers().get(layer).recurrent()[t - 1], 1e-9 * expected, "the figure's share");
            }
        }
        for (int layer = 0; layer < 2; layer++) {
            INDArray expected = model.gradient(layer + "_RW");
            double diff = expected.sub(sums.get(layer)).norm2Number().doubleValue();
            double scale = expected.norm2Number().doubleValue();
            assertTrue(scale > 1e-10, "vacuous");
            assertTrue(diff < 1e-10 * scale, cell + " layer " + layer + ": shares differ by " + diff);
        }
    }

    private static CharModel model(Kind kind) {
        return switch (kind) {
            case SCRATCH_TANH -> ScratchRnn.create(V, H, Activation.TANH, DataType.DOUBLE, 7);
            case SCRATCH_RELU -> ScratchRnn.create(V, H, Activation.RELU, DataType.DOUBLE, 7);
            case CONCISE_RNN -> concise(CellType.RNN);
            case LSTM -> concise(CellType.LSTM);
            case GRU -> concise(CellType.GRU);
        };
    }

    private static ConciseRnn concise(CellType cell) {
        ConciseRnn m =
                ConciseRnn.create(new ConciseRnn.Architecture(V, H, cell, 1, 0, Activation.TANH, DataType.DOUBLE, 7));
        // larger weights than the default initialisation, so that every step's gradient is far from zero
        for (INDArray p : m.paramTable().values()) {
            p.muli(4); // in place on the parameters
        }
        return m;
    }

    /**
     * {@code dL/dH_t} by central differences: the loss as a function of {@code H_t} is step {@code t}'s
     * cross-entropy from the output layer plus the remaining steps' from the state {@code (H_t, C_t)}.
     */
    private static INDArray numericHiddenGradient(
            CharModel model, Kind kind, List<Channel> channels, int[][] x, int[][] y, int t) {
        INDArray h = stateAt(channels, "H", t);
        INDArray c = kind == Kind.LSTM ? stateAt(channels, "C", t) : null;
        INDArray numeric = Nd4j.zeros(DataType.DOUBLE, B, H);
        for (int i = 0; i < B; i++) {
            for (int j = 0; j < H; j++) {
                double saved = h.getDouble(i, j);
                h.putScalar(i, j, saved + EPS);
                double plus = loss(model, kind, h, c, x, y, t);
                h.putScalar(i, j, saved - EPS);
                double minus = loss(model, kind, h, c, x, y, t);
                h.putScalar(i, j, saved);
                numeric.putScalar(i, j, (plus - minus) / (2 * EPS));
            }
        }
        return numeric;
    }

    /** The mean cross-entropy over all B*T predictions, with {@code H_t} (and {@code C_t}) given. */
    private static double loss(CharModel model, Kind kind, INDArray h, INDArray c, int[][] x, int[][] y, int t) {
        INDArray wHq, bQ;
        if (model instanceof ScratchRnn s) {
            wHq = s.params().wHq();
            bQ = s.params().bQ();
        } else {
            ConciseRnn m = (ConciseRnn) model;
            wHq = m.paramTable().get("1_W");
            bQ = m.paramTable().get("1_b");
        }
        double sum = 0;
        INDArray logits = h.mmul(wHq).addRowVector(bQ.reshape(1, V)); // [B, V]
        for (int i = 0; i < B; i++) {
            double[] logProbs = NextTokenOdds.logSoftmax(logits.getRow(i).toDoubleVector());
            sum -= logProbs[y[i][t - 1]];
        }
        if (t < T) {
            int[][] xs = suffix(x, t), ys = suffix(y, t);
            State state = model instanceof ScratchRnn
                    ? State.of(h.dup())
                    : c == null
                            ? State.of(h.reshape(1, B, H).dup())
                            : State.of(
                                    h.reshape(1, B, H).dup(), c.reshape(1, B, H).dup());
            double mean = model instanceof ScratchRnn s
                    ? s.loss(xs, ys, state)
                    : ((ConciseRnn) model)
                            .lossAndGradients(xs, ys, state, TrainHyper.unclipped(1))
                            .loss();
            sum += mean * B * (T - t);
        }
        return sum / (B * T);
    }

    private static INDArray stateAt(List<Channel> channels, String name, int t) {
        Channel ch =
                channels.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        INDArray out = Nd4j.zeros(DataType.DOUBLE, B, H);
        for (int i = 0; i < B; i++) {
            for (int j = 0; j < H; j++) {
                out.putScalar(i, j, ch.value(t - 1, i, j));
            }
        }
        return out;
    }

    private static int[][] suffix(int[][] m, int from) {
        int[][] out = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(m[i], from, m[i].length);
        }
        return out;
    }

    private static int[][] tokens(SplittableRandom random) {
        int[][] m = new int[B][T];
        for (int[] row : m) {
            for (int t = 0; t < T; t++) {
                row[t] = random.nextInt(V);
            }
        }
        return m;
    }
}
