package org.rnnplayground.sequence;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The book's three kinds of prediction (d2l 8.1.3). */
public final class Predictions {

    private Predictions() {}

    /**
     * One-step-ahead predictions, {@code onestep_preds = net(features)}: each from {@code tau} true
     * values.
     *
     * @param x the series, length {@code T}
     * @return length {@code T - tau}; element {@code j} predicts {@code x[tau + j]}
     */
    public static double[] oneStep(Regressor net, double[] x) {
        INDArray preds = net.predict(Windows.features(x, net.tau())); // [T - tau, 1]
        return preds.dup().reshape(preds.length()).toDoubleVector();
    }

    /**
     * Multistep predictions: the first {@code n_train + tau} values are the data; from index
     * {@code n_train + tau} on each value is predicted from the {@code tau} values before it, which
     * soon are all predictions themselves:
     *
     * <pre>
     * multistep_preds[:n_train + tau] = x[:n_train + tau]
     * for i in range(n_train + tau, T):
     *     multistep_preds[i] = net(multistep_preds[i - tau:i].reshape((1, -1)))
     * </pre>
     *
     * @param x the series, length {@code T}; only {@code x[:n_train + tau]} is read
     * @param stop checked every 256 steps; true ends with a {@link CancellationException}
     * @return length {@code T}
     */
    public static double[] multistep(Regressor net, double[] x, int nTrain, BooleanSupplier stop) {
        int tau = net.tau();
        int cut = nTrain + tau;
        if (nTrain < 0 || cut > x.length) {
            throw new IllegalArgumentException("n_train + tau = " + cut + " exceeds T = " + x.length);
        }
        double[] preds = new double[x.length];
        System.arraycopy(x, 0, preds, 0, cut);
        for (int i = cut; i < x.length; i++) {
            preds[i] = net.predict(Windows.window(preds, i - tau, tau)).getDouble(0); // [1, tau] -> [1, 1]
            if ((i - cut) % 256 == 255 && stop.getAsBoolean()) {
                throw new CancellationException("stopped at step " + i);
            }
        }
        return preds;
    }

    /**
     * k-step-ahead predictions for horizons up to {@code max_steps}, as the book builds them:
     *
     * <pre>
     * features = zeros((T - tau - max_steps + 1, tau + max_steps))
     * for i in range(tau):                    features[:, i] = x[i : i + T - tau - max_steps + 1]
     * for i in range(tau, tau + max_steps):   features[:, i] = net(features[:, i - tau:i]).reshape(-1)
     * </pre>
     *
     * @param x the series, length {@code T >= tau + max_steps}
     * @param steps horizons to keep, each in [1, max_steps]
     */
    public static KStep kStep(Regressor net, double[] x, int maxSteps, int... steps) {
        int tau = net.tau();
        int rows = x.length - tau - maxSteps + 1;
        if (rows < 1) {
            throw new IllegalArgumentException(
                    "k-step predictions need T >= tau + max_steps = " + (tau + maxSteps) + ", T = " + x.length);
        }
        INDArray features = Nd4j.zeros(DataType.DOUBLE, rows, tau + maxSteps); // [rows, tau + max_steps]
        for (int i = 0; i < tau; i++) {
            double[] column = java.util.Arrays.copyOfRange(x, i, i + rows);
            features.putColumn(i, Nd4j.create(column, new long[] {rows, 1}, DataType.DOUBLE)); // [rows, 1]
        }
        for (int i = tau; i < tau + maxSteps; i++) {
            INDArray window = features.get(NDArrayIndex.all(), NDArrayIndex.interval(i - tau, i))
                    .dup(); // [rows, tau]
            features.putColumn(i, net.predict(window)); // [rows, 1]
        }
        double[][] kept = new double[steps.length][];
        for (int s = 0; s < steps.length; s++) {
            int k = steps[s];
            if (k < 1 || k > maxSteps) {
                throw new IllegalArgumentException("horizon " + k + " outside [1, " + maxSteps + "]");
            }
            kept[s] = features.getColumn(tau + k - 1).dup().toDoubleVector(); // [rows]
        }
        return new KStep(tau, maxSteps, steps, kept);
    }
}
