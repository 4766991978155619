package org.rnnplayground.model.concise;

import org.rnnplayground.model.Activation;

/**
 * The gates' nonlinearities, {@code sigmoid} and {@code tanh}, over a range of a host copy ({@link
 * org.rnnplayground.model.HostMirror}), in place; the array's type picks the function.
 *
 * <p>Float64 networks (the gradient checks and the 1e-12 equivalence tests) use {@code Math.exp}
 * and {@code Math.tanh}. Float32 networks use the float32 {@code tanh} of {@link
 * Activation#tanh(float)}, with {@code sigmoid(x) = (1 + tanh(x / 2)) / 2}: plain arithmetic that
 * the JIT vectorises, where a call of {@code Math.exp} or {@code Math.tanh} per element dominated
 * the GRU's and the LSTM's cells.
 */
final class GateMath {

    private GateMath() {}

    /** {@code a[i] = sigmoid(a[i])} for {@code i} in {@code [from, to)}, exactly. */
    static void sigmoid(double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = 1 / (1 + Math.exp(-a[i]));
        }
    }

    /** {@code a[i] = sigmoid(a[i])} for {@code i} in {@code [from, to)}, within a few float32 ulp. */
    static void sigmoid(float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = 0.5f + 0.5f * Activation.tanh(0.5f * a[i]);
        }
    }

    /** {@code a[i] = tanh(a[i])} for {@code i} in {@code [from, to)}, exactly. */
    static void tanh(double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = Math.tanh(a[i]);
        }
    }

    /** {@code a[i] = tanh(a[i])} for {@code i} in {@code [from, to)}, within a few float32 ulp. */
    static void tanh(float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = Activation.tanh(a[i]);
        }
    }
}
