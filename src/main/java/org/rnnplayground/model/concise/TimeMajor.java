package org.rnnplayground.model.concise;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnplayground.model.Rows;

/**
 * Between DL4J's recurrent layout {@code [batch_size, n, num_steps]} and the time-major matrices
 * {@code [num_steps * batch_size, n]} our layers compute on (row {@code t * B + i} is step {@code t}
 * of minibatch row {@code i}, as in the from-scratch model).
 */
final class TimeMajor {

    private TimeMajor() {}

    /**
     * A time-major matrix seen in DL4J's recurrent layout: a new view object on every call, no copy.
     *
     * @param m time-major rows, [T*B, n], c-order
     * @return the same numbers as [batch_size, n, num_steps]
     */
    static INDArray toNcw(INDArray m, int batchSize, int numSteps) {
        return m.reshape('c', numSteps, batchSize, m.size(1)).permute(1, 2, 0); // [T, B, n] -> [B, n, T]
    }

    /**
     * The time-major matrix behind a recurrent array: a view when {@code ncw} is one (as {@link
     * #toNcw} returns), else a copy into {@code buffer}, in place on it.
     *
     * @param ncw [batch_size, n, num_steps]
     * @param buffer a whole c-order [T*B, n] matrix for the copy
     * @return [T*B, n], c-order rows
     */
    static INDArray rows(INDArray ncw, INDArray buffer) {
        INDArray view = rowsView(ncw);
        if (view != null) {
            return view;
        }
        copy(ncw, buffer);
        return buffer;
    }

    /**
     * Copies a recurrent array into a time-major matrix, in place on {@code into}: a copy of
     * contiguous rows when {@code ncw} is a time-major view, else a permuting copy.
     *
     * @param ncw [batch_size, n, num_steps]
     * @param into a whole c-order matrix, [T*B, n]
     */
    static void copy(INDArray ncw, INDArray into) {
        INDArray view = rowsView(ncw);
        if (view != null) {
            into.assign(view); // [T*B, n], both c-order
            return;
        }
        INDArray steps = into.reshape('c', ncw.size(2), ncw.size(0), ncw.size(1)); // [T, B, n], a view
        steps.assign(ncw.permute(2, 0, 1)); // [B, n, T] -> [T, B, n]
    }

    /** The time-major rows behind {@code ncw}, [T*B, n], when it is a view of them (as {@link #toNcw} returns); else null. */
    private static INDArray rowsView(INDArray ncw) {
        long batchSize = ncw.size(0), n = ncw.size(1), numSteps = ncw.size(2);
        INDArray steps = ncw.permute(2, 0, 1); // [T, B, n]
        if (steps.stride(2) == 1 && steps.stride(1) == n && steps.stride(0) == batchSize * n) {
            return steps.reshape('c', numSteps * batchSize, n); // contiguous: a view
        }
        return null;
    }

    /** Rows {@code [from, to)} of a c-order matrix: a contiguous view ({@link Rows#of}). */
    static INDArray rows(INDArray matrix, int from, int to) {
        return Rows.of(matrix, from, to);
    }
}
