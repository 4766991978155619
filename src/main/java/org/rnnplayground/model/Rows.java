package org.rnnplayground.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Row blocks of matrices whose rows are contiguous, as views. */
public final class Rows {

    private Rows() {}

    /**
     * Rows {@code [from, to)} of {@code matrix}, a view built from its buffer, offset and row
     * stride. (ND4J 1.0.0-M2.1's {@code get(interval, all)} returns an empty array for the last rows
     * of some views of rows, and costs more.)
     *
     * @param matrix [rows, cols] with contiguous rows (row stride {@code cols}, column stride 1), a
     *     whole matrix or a view
     * @return [to - from, cols]
     */
    public static INDArray of(INDArray matrix, int from, int to) {
        long cols = matrix.size(1);
        if (matrix.rank() != 2 || matrix.stride(1) != 1 || (matrix.size(0) > 1 && matrix.stride(0) != cols)) {
            throw new IllegalArgumentException(
                    "needs a matrix with contiguous rows, got " + matrix.shapeInfoToString());
        }
        if (from < 0 || to < from || to > matrix.size(0)) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") of a matrix of " + matrix.size(0));
        }
        return Nd4j.create(
                matrix.data(), new long[] {to - from, cols}, new long[] {cols, 1}, matrix.offset() + from * cols, 'c');
    }
}
