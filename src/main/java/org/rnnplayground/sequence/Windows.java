package org.rnnplayground.sequence;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The book's autoregressive data set: each example is a window of {@code tau} past values, its
 * label the value that follows.
 *
 * <pre>
 * features = zeros((T - tau, tau))
 * for i in range(tau): features[:, i] = x[i : T - tau + i]
 * labels = x[tau:].reshape((-1, 1))
 * </pre>
 */
public final class Windows {

    private Windows() {}

    /**
     * @param x the series, length {@code T}
     * @param tau window length, in [1, T - 1]
     * @return features, [T - tau, tau]; row {@code j} is {@code x[j : j + tau]}
     */
    public static INDArray features(double[] x, int tau) {
        checkTau(x.length, tau);
        int n = x.length - tau;
        double[] flat = new double[n * tau];
        for (int i = 0; i < tau; i++) {
            for (int j = 0; j < n; j++) {
                flat[j * tau + i] = x[i + j]; // features[:, i] = x[i : T - tau + i]
            }
        }
        return Nd4j.create(flat, new long[] {n, tau}, DataType.DOUBLE); // [T - tau, tau]
    }

    /**
     * @param x the series, length {@code T}
     * @param tau window length, in [1, T - 1]
     * @return labels {@code x[tau:]}, [T - tau, 1]
     */
    public static INDArray labels(double[] x, int tau) {
        checkTau(x.length, tau);
        double[] y = java.util.Arrays.copyOfRange(x, tau, x.length);
        return Nd4j.create(y, new long[] {y.length, 1}, DataType.DOUBLE); // [T - tau, 1]
    }

    /**
     * One window as a batch of one.
     *
     * @param x the values
     * @param from the window's first index
     * @param tau window length
     * @return {@code x[from : from + tau]}, [1, tau]
     */
    public static INDArray window(double[] x, int from, int tau) {
        double[] w = java.util.Arrays.copyOfRange(x, from, from + tau);
        return Nd4j.create(w, new long[] {1, tau}, DataType.DOUBLE); // [1, tau]
    }

    private static void checkTau(int length, int tau) {
        if (tau < 1 || tau >= length) {
            throw new IllegalArgumentException("tau must be in [1, T - 1] = [1, " + (length - 1) + "], got " + tau);
        }
    }
}
