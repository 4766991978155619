package org.rnnplayground.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The book's windows: {@code features[:, i] = x[i : T - tau + i]}, {@code labels = x[tau:]}. */
class WindowsTest {

    /** A series whose values are easy to tell apart: x at index i is 10 i + 1. */
    static final double[] X = {1, 11, 21, 31, 41, 51, 61};

    @Test
    void rowsAreWindowsAndLabelsTheValueThatFollows() {
        INDArray features = Windows.features(X, 3);
        INDArray labels = Windows.labels(X, 3);
        assertArrayEquals(new long[] {4, 3}, features.shape());
        assertArrayEquals(new long[] {4, 1}, labels.shape());
        // checked by hand: T = 7, tau = 3, so T - tau = 4 examples
        assertArrayEquals(
                new double[][] {{1, 11, 21}, {11, 21, 31}, {21, 31, 41}, {31, 41, 51}}, features.toDoubleMatrix());
        assertArrayEquals(new double[] {31, 41, 51, 61}, labels.reshape(4).toDoubleVector());
    }

    @Test
    void columnsAreTheBooksSlices() {
        int tau = 4;
        double[] x = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.cos(i) * i;
        }
        INDArray features = Windows.features(x, tau);
        for (int i = 0; i < tau; i++) {
            double[] slice = java.util.Arrays.copyOfRange(x, i, x.length - tau + i); // x[i : T - tau + i]
            assertArrayEquals(slice, features.getColumn(i).toDoubleVector(), 0.0, "column " + i);
        }
        assertArrayEquals(
                java.util.Arrays.copyOfRange(x, tau, x.length),
                Windows.labels(x, tau).reshape(x.length - tau).toDoubleVector(),
                0.0);
    }

    @Test
    void tauMustLeaveAnExample() {
        assertThrows(IllegalArgumentException.class, () -> Windows.features(X, 7));
        assertThrows(IllegalArgumentException.class, () -> Windows.features(X, 0));
    }
}
