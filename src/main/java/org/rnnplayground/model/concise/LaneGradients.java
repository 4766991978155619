package org.rnnplayground.model.concise;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnplayground.model.HostMirror;
import org.rnnplayground.model.Lane;
import org.rnnplayground.model.OpenBlas;
import org.rnnplayground.model.Rows;
import org.rnnplayground.model.StepPieces;

/**
 * A recurrent layer's weight gradients made piece by piece on a {@link Lane} while the layer's own
 * thread runs the recurrence backwards: as soon as the backward pass has a piece of steps' {@code
 * dL/dZ}, the lane adds that piece's share of {@code RW}'s gradient ({@code H_prev^T dZ}) and of
 * {@code W}'s ({@code X^T dZ}, or a scatter-add of rows for one-hot inputs). The pieces are {@link
 * StepPieces}; the last piece is given first and overwrites the gradients, the others add to them.
 *
 * <p>The lane reads rows the backward pass is done with and writes only the gradients (and the
 * host copy of {@code W}'s gradient for one-hot inputs), which nothing else touches before the
 * step joins the lane.
 */
final class LaneGradients {

    /**
     * What one backward pass multiplies.
     *
     * @param hPrev {@code [H_0; ...; H_{T-1}]}, [N, h], contiguous rows
     * @param dRecurrent the gradient at {@code H_{t-1} RW}, [N, g h], contiguous rows
     * @param rwGrad {@code RW}'s gradient, [h, g h] (DL4J's column-major view)
     * @param xRows the input rows, [N, n_in], or null for one-hot inputs
     * @param dInput the gradient at {@code X W + b}, [N, g h], contiguous rows, and its host copy
     * @param tokens the one-hot inputs' tokens, time-major, [N], or null
     * @param inputRows for one-hot inputs, the host copy where {@code W}'s gradient is scatter-added,
     *     [n_in, g h]; else null
     * @param wGrad {@code W}'s gradient, [n_in, g h] (DL4J's column-major view)
     */
    record Operands(
            INDArray hPrev,
            INDArray dRecurrent,
            INDArray rwGrad,
            INDArray xRows,
            INDArray dInput,
            HostMirror dInputHost,
            int[] tokens,
            HostMirror inputRows,
            INDArray wGrad) {}

    private final int batchSize;
    private final StepPieces pieces;

    LaneGradients(int batchSize, int numSteps) {
        this.batchSize = batchSize;
        this.pieces = StepPieces.of(numSteps, batchSize);
    }

    /**
     * What a backward pass gives {@code lane}, or null when it makes its weight gradients itself:
     * without a second thread, for a truncated window ({@code end > 0}), or when the layer is too
     * small for a lane to pay ({@link Lane#pays}, {@code gates} blocks of {@code h x h}).
     */
    static Operands onLane(Lane lane, int end, int gates, int numHiddens, Operands operands) {
        boolean pays = Lane.pays((long) gates * numHiddens * numHiddens);
        return lane.parallel() && end == 0 && pays ? operands : null;
    }

    /**
     * Gives the lane the piece that starts at step {@code t}, once the backward pass has its rows of
     * {@code dL/dZ} (host and native); nothing for other steps.
     */
    void afterStep(Lane lane, int t, Operands o) {
        int k = pieces.of(t);
        if (t != pieces.start(k)) {
            return;
        }
        int from = pieces.start(k) * batchSize;
        int to = pieces.end(k) * batchSize;
        boolean first = pieces.last(k);
        lane.submit(() -> {
            double beta = first ? 0 : 1;
            OpenBlas.gemm(
                    Rows.of(o.hPrev(), from, to), true, Rows.of(o.dRecurrent(), from, to), false, o.rwGrad(), beta);
            if (o.tokens() != null) {
                if (first) {
                    o.inputRows().clear();
                }
                o.dInputHost().scatterAddRows(from, to, o.tokens(), o.inputRows()); // one-hot(X)^T dZ
            } else {
                OpenBlas.gemm(
                        Rows.of(o.xRows(), from, to), true, Rows.of(o.dInput(), from, to), false, o.wGrad(), beta);
            }
        });
    }

    /** After the last piece: for one-hot inputs, {@code W}'s gradient from its host copy. */
    void finish(Lane lane, Operands o) {
        if (o.tokens() != null) {
            lane.submit(() -> {
                o.inputRows().push(0, (int) o.wGrad().size(0));
                o.wGrad().assign(o.inputRows().matrix()); // [n_in, g h], in place on the gradient
            });
        }
    }
}
