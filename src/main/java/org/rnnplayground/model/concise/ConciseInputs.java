package org.rnnplayground.model.concise;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Token indices to DL4J's input and label arrays. */
final class ConciseInputs {

    private ConciseInputs() {}

    /**
     * One-hot vectors in DL4J's recurrent layout.
     *
     * @param m token indices, [batch_size, num_steps]
     * @return [batch_size, vocab_size, num_steps]
     */
    static INDArray oneHot(int[][] m, int vocabSize, DataType dataType) {
        int b = m.length, t = steps(m);
        long[] shape = {b, vocabSize, t};
        if (dataType == DataType.FLOAT) {
            float[] data = new float[b * vocabSize * t];
            for (int i = 0; i < b; i++) {
                for (int s = 0; s < t; s++) {
                    data[(i * vocabSize + check(m[i][s], vocabSize)) * t + s] = 1f;
                }
            }
            return Nd4j.create(data, shape, 'c'); // [B, V, T]
        }
        double[] data = new double[b * vocabSize * t];
        for (int i = 0; i < b; i++) {
            for (int s = 0; s < t; s++) {
                data[(i * vocabSize + check(m[i][s], vocabSize)) * t + s] = 1;
            }
        }
        return Nd4j.create(data, shape, 'c').castTo(dataType); // [B, V, T]; the same array for float64
    }

    /**
     * The tokens behind a one-hot array, as its maker knows them.
     *
     * @param array the one-hot array, [batch_size, vocab_size, num_steps]
     * @param timeMajor element {@code t * B + i} is the token of row {@code i} at step {@code t}, [T*B]
     */
    record OneHotTokens(INDArray array, int[] timeMajor) {}

    /**
     * The token indices behind one-hot inputs, time-major: from {@code known} when it describes this
     * very array, else read back from it ({@link #tokens(INDArray)}).
     */
    static int[] tokens(INDArray x, OneHotTokens known) {
        return known != null && known.array() == x ? known.timeMajor() : tokens(x);
    }

    /**
     * A one-hot array rewritten in place for every minibatch of one shape: allocating and filling a
     * fresh native array per minibatch cost more than the rest of the input handling. Only the ones
     * of the previous minibatch are reset. Each minibatch's array is the same object with new
     * contents, so it is valid until the next {@link #of}. Not thread-safe.
     */
    static final class Reused {
        private final DataType dataType;
        private INDArray array;
        /** Flat indices of the ones currently set, [B*T]. */
        private int[] ones;
        /** The tokens of the current contents, or null. */
        private OneHotTokens tokens;

        Reused(DataType dataType) {
            this.dataType = dataType;
        }

        /**
         * @param m token indices, [batch_size, num_steps]
         * @return {@code oneHot(m)}, [batch_size, vocab_size, num_steps]; a fresh array for types
         *     other than float32 and float64
         */
        INDArray of(int[][] m, int vocabSize) {
            int b = m.length, t = steps(m);
            if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
                return oneHot(m, vocabSize, dataType);
            }
            if (array == null || array.size(0) != b || array.size(1) != vocabSize || array.size(2) != t) {
                array = Nd4j.zeros(dataType, b, vocabSize, t); // [B, V, T]
                ones = null;
            }
            int[] next = new int[b * t];
            int[] timeMajor = new int[b * t];
            for (int i = 0; i < b; i++) {
                for (int s = 0; s < t; s++) {
                    next[i * t + s] = (i * vocabSize + check(m[i][s], vocabSize)) * t + s;
                    timeMajor[s * b + i] = m[i][s];
                }
            }
            put(ones, 0); // in place on the reused array
            put(next, 1);
            ones = next;
            tokens = new OneHotTokens(array, timeMajor);
            return array;
        }

        /** The tokens of the array the last {@link #of} returned (for float32 and float64), or null. */
        OneHotTokens tokens() {
            return tokens;
        }

        /** Drops the array; the next {@link #of} allocates one again. */
        void release() {
            array = null;
            ones = null;
            tokens = null;
        }

        private void put(int[] at, double value) {
            if (at == null) {
                return;
            }
            if (dataType == DataType.FLOAT) {
                FloatBuffer floats = array.data().asNioFloat();
                for (int k : at) {
                    floats.put(k, (float) value);
                }
            } else {
                DoubleBuffer doubles = array.data().asNioDouble();
                for (int k : at) {
                    doubles.put(k, value);
                }
            }
        }
    }

    /**
     * The token indices behind one-hot inputs, time-major, or null when {@code x} is not exactly
     * one-hot (every vector a single 1 among 0s) or not a whole c-order float32 or float64 array. The
     * inverse of {@link #oneHot}, which lets a layer gather rows of its weights instead of
     * multiplying by {@code x}.
     *
     * @param x [batch_size, vocab_size, num_steps]
     * @return element {@code t * B + i} is the token of row {@code i} at step {@code t}, [T*B]; or null
     */
    static int[] tokens(INDArray x) {
        if (x.rank() != 3 || x.isView() || x.ordering() != 'c' || x.offset() != 0) {
            return null;
        }
        FloatBuffer floats = x.dataType() == DataType.FLOAT ? x.data().asNioFloat() : null;
        DoubleBuffer doubles = x.dataType() == DataType.DOUBLE ? x.data().asNioDouble() : null;
        if (floats == null && doubles == null) {
            return null;
        }
        int b = (int) x.size(0), v = (int) x.size(1), t = (int) x.size(2);
        int[] tokens = new int[b * t];
        Arrays.fill(tokens, -1);
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < v; k++) {
                int at = (i * v + k) * t;
                for (int s = 0; s < t; s++) {
                    double value = floats != null ? floats.get(at + s) : doubles.get(at + s);
                    if (value == 0) {
                        continue;
                    }
                    if (value != 1 || tokens[s * b + i] >= 0) {
                        return null;
                    }
                    tokens[s * b + i] = k;
                }
            }
        }
        for (int token : tokens) {
            if (token < 0) {
                return null;
            }
        }
        return tokens;
    }

    /**
     * Indices as numbers, the input of {@code EmbeddingSequenceLayer}.
     *
     * @param m token indices, [batch_size, num_steps]
     * @return [batch_size, num_steps]
     */
    static INDArray indices(int[][] m, int vocabSize, DataType dataType) {
        int b = m.length, t = steps(m);
        double[] data = new double[b * t];
        for (int i = 0; i < b; i++) {
            for (int s = 0; s < t; s++) {
                data[i * t + s] = check(m[i][s], vocabSize);
            }
        }
        return Nd4j.create(data, new long[] {b, t}, 'c').castTo(dataType); // [B, T]
    }

    private static int steps(int[][] m) {
        if (m.length == 0 || m[0].length == 0) {
            throw new IllegalArgumentException("a minibatch needs at least one row and one step");
        }
        for (int i = 0; i < m.length; i++) {
            if (m[i].length != m[0].length) {
                throw new IllegalArgumentException(
                        "ragged minibatch: row " + i + " has " + m[i].length + " steps, row 0 has " + m[0].length);
            }
        }
        return m[0].length;
    }

    private static int check(int token, int vocabSize) {
        if (token < 0 || token >= vocabSize) {
            throw new IllegalArgumentException(
                    "token index " + token + " outside the vocabulary [0, " + vocabSize + ")");
        }
        return token;
    }
}
