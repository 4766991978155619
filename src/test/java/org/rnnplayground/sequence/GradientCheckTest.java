package org.rnnplayground.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Hand-written backpropagation against central finite differences of the summed squared loss, in
 * float64, for every element of every parameter of a tiny network (tau = 3, 4 hidden units, a
 * minibatch of 5).
 */
class GradientCheckTest {

    static final double EPS = 1e-6;

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void analyticGradientsMatchFiniteDifferences(ModelKind kind) {
        TrainableRegressor net = kind.create(new FitConfig(3, 1, 4, 1, 0.01, 5, 7));
        SplittableRandom random = new SplittableRandom(11);
        // move the biases off zero so that their gradients and the ReLU's kinks are exercised
        for (INDArray p : net.params()) {
            p.addi(Nd4j.create(random.doubles(p.length(), -0.5, 0.5).toArray(), p.shape(), DataType.DOUBLE));
        }
        INDArray x = Nd4j.create(random.doubles(15, -1, 1).toArray(), new long[] {5, 3}, DataType.DOUBLE);
        INDArray y = Nd4j.create(random.doubles(5, -1, 1).toArray(), new long[] {5, 1}, DataType.DOUBLE);

        double loss = net.lossAndGradients(x, y);
        INDArray diff = net.predict(x).sub(y);
        assertEquals(diff.mul(diff).sumNumber().doubleValue(), loss, 1e-12, "loss is the summed squared error");
        List<INDArray> analytic = net.grads().stream().map(INDArray::dup).toList();

        for (int p = 0; p < net.params().size(); p++) {
            INDArray param = net.params().get(p);
            INDArray numeric = Nd4j.zerosLike(param);
            for (long i = 0; i < param.length(); i++) {
                double saved = param.getDouble(i);
                param.putScalar(i, saved + EPS);
                double plus = net.lossAndGradients(x, y);
                param.putScalar(i, saved - EPS);
                double minus = net.lossAndGradients(x, y);
                param.putScalar(i, saved);
                numeric.putScalar(i, (plus - minus) / (2 * EPS));
            }
            assertClose(net.names().get(p), analytic.get(p), numeric);
        }
    }

    static void assertClose(String name, INDArray analytic, INDArray numeric) {
        double scale =
                analytic.norm2Number().doubleValue() + numeric.norm2Number().doubleValue();
        assertTrue(scale > 1e-6, name + ": gradient is (nearly) zero, the check would be vacuous");
        double rel = analytic.sub(numeric).norm2Number().doubleValue() / scale;
        assertTrue(rel < 1e-7, name + ": relative error " + rel + "\nanalytic " + analytic + "\nnumeric " + numeric);
    }

    /** Adam's first two steps against the formula evaluated by hand, element by element. */
    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void adamStepsFollowTheFormula(ModelKind kind) {
        TrainableRegressor net = kind.create(new FitConfig(3, 1, 4, 1, 0.01, 5, 3));
        SplittableRandom random = new SplittableRandom(5);
        double lr = 0.05;
        Adam adam = new Adam(lr, net.params());
        List<double[]> theta = new ArrayList<>();
        List<double[]> m = new ArrayList<>();
        List<double[]> v = new ArrayList<>();
        for (INDArray p : net.params()) {
            theta.add(p.dup().reshape(p.length()).toDoubleVector());
            m.add(new double[(int) p.length()]);
            v.add(new double[(int) p.length()]);
        }
        for (int t = 1; t <= 2; t++) {
            INDArray x = Nd4j.create(random.doubles(12, -1, 1).toArray(), new long[] {4, 3}, DataType.DOUBLE);
            INDArray y = Nd4j.create(random.doubles(4, -1, 1).toArray(), new long[] {4, 1}, DataType.DOUBLE);
            net.lossAndGradients(x, y);
            for (int p = 0; p < theta.size(); p++) {
                INDArray g = net.grads().get(p);
                for (int i = 0; i < theta.get(p).length; i++) {
                    double gi = g.getDouble(i);
                    m.get(p)[i] = 0.9 * m.get(p)[i] + 0.1 * gi;
                    v.get(p)[i] = 0.999 * v.get(p)[i] + 0.001 * gi * gi;
                    double mHat = m.get(p)[i] / (1 - Math.pow(0.9, t));
                    double vHat = v.get(p)[i] / (1 - Math.pow(0.999, t));
                    theta.get(p)[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
                    if (t == 1 && Math.abs(gi) > 1e-6) {
                        // the first step moves every weight by lr against the sign of its gradient
                        double moved = theta.get(p)[i] - net.params().get(p).getDouble(i);
                        assertEquals(
                                -lr * Math.signum(gi),
                                moved,
                                1e-6,
                                "first step of " + net.names().get(p));
                    }
                }
            }
            adam.step(net.params(), net.grads());
            for (int p = 0; p < theta.size(); p++) {
                double[] actual =
                        net.params().get(p).dup().reshape(theta.get(p).length).toDoubleVector();
                for (int i = 0; i < actual.length; i++) {
                    assertEquals(theta.get(p)[i], actual[i], 1e-12, net.names().get(p) + " after step " + t);
                }
            }
        }
        assertEquals(2, adam.steps());
    }
}
