package org.rnnplayground.model.concise;

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
        double[] data = new double[b * vocabSize * t];
        for (int i = 0; i < b; i++) {
            for (int s = 0; s < t; s++) {
                data[(i * vocabSize + check(m[i][s], vocabSize)) * t + s] = 1;
            }
        }
        return Nd4j.create(data, new long[] {b, vocabSize, t}, 'c').castTo(dataType); // [B, V, T]
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
