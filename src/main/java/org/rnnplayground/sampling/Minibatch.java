package org.rnnplayground.sampling;

import java.util.Arrays;

/**
 * One minibatch of a language-model epoch.
 *
 * <p>The arrays are shared, not copied, for speed: callers must not mutate them.
 *
 * @param index position of this minibatch within its epoch, from 0
 * @param x inputs, token indices, [batch_size][num_steps]
 * @param y labels, token indices, [batch_size][num_steps]; {@code y[i][t]} is the corpus token
 *     right after {@code x[i][t]}, i.e. {@code corpus[rowStarts[i] + t + 1]}
 * @param rowStarts corpus position of {@code x[i][0]}, [batch_size]; an index into the original
 *     corpus (before the random offset was cut off), so row {@code i} of {@code x} covers positions
 *     {@code [rowStarts[i], rowStarts[i] + num_steps)} and row {@code i} of {@code y} the same span
 *     shifted by one
 */
public record Minibatch(int index, int[][] x, int[][] y, int[] rowStarts) {

    public Minibatch {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, was " + index);
        }
        if (x.length == 0 || x.length != y.length || x.length != rowStarts.length) {
            throw new IllegalArgumentException("x, y and rowStarts must have the same positive length, were " + x.length
                    + ", " + y.length + ", " + rowStarts.length);
        }
        int numSteps = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != numSteps || y[i].length != numSteps) {
                throw new IllegalArgumentException("row " + i + " of x or y does not have " + numSteps + " steps");
            }
        }
    }

    /** Number of rows, {@code batch_size}. */
    public int batchSize() {
        return x.length;
    }

    /** Number of columns, {@code num_steps}. */
    public int numSteps() {
        return x[0].length;
    }

    /** Compares contents, not array identities. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Minibatch other
                && index == other.index
                && Arrays.equals(rowStarts, other.rowStarts)
                && Arrays.deepEquals(x, other.x)
                && Arrays.deepEquals(y, other.y);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * index + Arrays.hashCode(rowStarts)) + Arrays.deepHashCode(x)) + Arrays.deepHashCode(y);
    }

    /** Prints the arrays as the book does, row by row. */
    @Override
    public String toString() {
        return "Minibatch[index=" + index + ", X=" + Arrays.deepToString(x) + ", Y=" + Arrays.deepToString(y)
                + ", rowStarts=" + Arrays.toString(rowStarts) + "]";
    }
}
