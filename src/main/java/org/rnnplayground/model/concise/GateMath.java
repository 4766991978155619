package org.rnnplayground.model.concise;

import org.nd4j.linalg.api.buffer.DataType;
import org.rnnplayground.model.Activation;

/**
 * The gates' nonlinearities, {@code sigmoid} and {@code tanh}, over a range of a {@link
 * org.rnnplayground.model.HostMirror#widened widened} host copy, in place.
 *
 * <p>Float64 networks (the gradient checks and the 1e-12 equivalence tests) use {@code Math.exp}
 * and {@code Math.tanh}. A float32 network's numbers are rounded to float32 after every step, so
 * there the float32 {@code tanh} of {@link Activation#tanh(float)} does, with {@code sigmoid(x) =
 * (1 + tanh(x / 2)) / 2}: plain arithmetic that the JIT vectorises, where a call of {@code Math.exp} or
 * {@code Math.tanh} per element dominated the GRU's and the LSTM's cells.
 */
enum GateMath {
    EXACT {
        @Override
        void sigmoid(double[] a, int from, int to) {
            for (int i = from; i < to; i++) {
                a[i] = 1 / (1 + Math.exp(-a[i]));
            }
        }

        @Override
        void tanh(double[] a, int from, int to) {
            for (int i = from; i < to; i++) {
                a[i] = Math.tanh(a[i]);
            }
        }
    },
    FLOAT32 {
        @Override
        void sigmoid(double[] a, int from, int to) {
            for (int i = from; i < to; i++) {
                a[i] = 0.5 + 0.5 * Activation.tanh((float) (0.5 * a[i]));
            }
        }

        @Override
        void tanh(double[] a, int from, int to) {
            for (int i = from; i < to; i++) {
                a[i] = Activation.tanh((float) a[i]);
            }
        }
    };

    /** The exact functions for float64 networks, the approximation for float32 ones. */
    static GateMath of(DataType dataType) {
        return dataType == DataType.FLOAT ? FLOAT32 : EXACT;
    }

    /** {@code a[i] = sigmoid(a[i])} for {@code i} in {@code [from, to)}. */
    abstract void sigmoid(double[] a, int from, int to);

    /** {@code a[i] = tanh(a[i])} for {@code i} in {@code [from, to)}. */
    abstract void tanh(double[] a, int from, int to);
}
