package org.rnnplayground.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Backpropagation through time against central finite differences, in float64, for every element of
 * every parameter, with the state carried in held constant (the gradient stops there).
 */
class GradientCheckTest {

    static final int V = 5;
    static final int H = 4;
    static final int B = 3;
    static final int T = 4;
    static final double EPS = 1e-5;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void analyticGradientMatchesFiniteDifferences(Activation activation) {
        Fixture f = new Fixture(activation, 7);
        StepResult r = f.model.lossAndGradients(f.x, f.y, f.h0, TrainHyper.unclipped(1));
        assertFalse(r.clipped());
        List<INDArray> numeric = f.numericGradients();
        List<INDArray> analytic = f.model.grads().arrays();
        for (int p = 0; p < numeric.size(); p++) {
            assertRelativeError(RnnParams.names().get(p), analytic.get(p), numeric.get(p));
        }
        assertEquals(norm(numeric), r.gradNorm(), 1e-6 * r.gradNorm(), "global norm before clipping");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void clippingScalesTheGradientToTheta(Activation activation) {
        Fixture f = new Fixture(activation, 11);
        List<INDArray> numeric = f.numericGradients();
        double fdNorm = norm(numeric);
        double theta = fdNorm / 3;
        StepResult r = f.model.lossAndGradients(f.x, f.y, f.h0, TrainHyper.clipped(1, theta));
        assertTrue(r.clipped());
        assertEquals(fdNorm, r.gradNorm(), 1e-6 * fdNorm, "reported norm is the one before clipping");
        List<INDArray> clipped = f.model.grads().arrays();
        for (int p = 0; p < numeric.size(); p++) {
            assertRelativeError(
                    RnnParams.names().get(p), clipped.get(p), numeric.get(p).mul(theta / r.gradNorm()));
        }
        assertEquals(theta, f.model.grads().globalNorm(), 1e-12 * theta, "clipped norm is theta");

        StepResult loose = f.model.lossAndGradients(f.x, f.y, f.h0, TrainHyper.clipped(1, fdNorm * 2));
        assertFalse(loose.clipped(), "no clipping below theta");
        for (int p = 0; p < numeric.size(); p++) {
            assertRelativeError(
                    RnnParams.names().get(p), f.model.grads().arrays().get(p), numeric.get(p));
        }
    }

    static void assertRelativeError(String name, INDArray analytic, INDArray numeric) {
        double diff = analytic.sub(numeric).norm2Number().doubleValue();
        double scale =
                analytic.norm2Number().doubleValue() + numeric.norm2Number().doubleValue();
        assertTrue(scale > 1e-8, name + " gradient is (nearly) zero, the check would be vacuous");
        double rel = diff / scale;
        assertTrue(rel < 1e-6, name + ": relative error " + rel + "\nanalytic " + analytic + "\nnumeric " + numeric);
        for (long i = 0; i < analytic.length(); i++) {
            double a = analytic.getDouble(i);
            double n = numeric.getDouble(i);
            assertEquals(n, a, 1e-6 * (Math.abs(n) + Math.abs(a)) + 1e-9, name + " element " + i);
        }
    }

    static double norm(List<INDArray> arrays) {
        double s = 0;
        for (INDArray a : arrays) {
            double n = a.norm2Number().doubleValue();
            s += n * n;
        }
        return Math.sqrt(s);
    }

    /** A tiny float64 model with weights large enough to leave the linear regime, and a random state. */
    static final class Fixture {
        final ScratchRnn model;
        final int[][] x = new int[B][T];
        final int[][] y = new int[B][T];
        final State h0;

        Fixture(Activation activation, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            RnnParams p = RnnParams.init(V, H, DataType.DOUBLE, seed);
            for (INDArray a : p.arrays()) {
                for (long i = 0; i < a.length(); i++) {
                    a.putScalar(i, random.nextGaussian() * 0.7); // weights and biases
                }
            }
            model = new ScratchRnn(p, activation);
            for (int i = 0; i < B; i++) {
                for (int t = 0; t < T; t++) {
                    x[i][t] = random.nextInt(V);
                    y[i][t] = random.nextInt(V);
                }
            }
            x[0][1] = x[1][2] = x[2][3] = 2; // a repeated token: its W_xh row sums several steps
            INDArray h = Nd4j.zeros(DataType.DOUBLE, B, H);
            for (long i = 0; i < h.length(); i++) {
                h.putScalar(i, random.nextDouble(-0.5, 0.5));
            }
            h0 = State.of(h);
        }

        List<INDArray> numericGradients() {
            return model.params().arrays().stream().map(this::numeric).toList();
        }

        private INDArray numeric(INDArray p) {
            INDArray g = Nd4j.zerosLike(p);
            for (long i = 0; i < p.length(); i++) {
                double v = p.getDouble(i);
                p.putScalar(i, v + EPS);
                double plus = model.loss(x, y, h0);
                p.putScalar(i, v - EPS);
                double minus = model.loss(x, y, h0);
                p.putScalar(i, v);
                g.putScalar(i, (plus - minus) / (2 * EPS));
            }
            return g;
        }
    }
}
