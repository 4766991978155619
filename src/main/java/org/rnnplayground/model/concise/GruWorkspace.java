package org.rnnplayground.model.concise;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnplayground.model.HostMirror;
import org.rnnplayground.model.OpenBlas;

/**
 * The buffers of one forward and backward pass of {@link GruLayer} for one (batch_size, num_steps)
 * shape, allocated once and overwritten by every pass, with the per-step row blocks cut once as
 * well.
 *
 * <p>Rows are time-major, as in {@link SimpleRnnWorkspace}: with {@code N = num_steps * batch_size},
 * row {@code t * B + i} is step {@code t} of minibatch row {@code i}, so one step is a contiguous
 * block of {@code B} rows. The gate columns are {@link GruParams}'s: reset, update, candidate, each
 * {@code h} wide. The matrices the products read or write are native ND4J arrays; those the cell
 * computes on elementwise have a {@link HostMirror} copy in the network's type.
 */
final class GruWorkspace {

    final int batchSize;
    final int numSteps;
    final int numHiddens;
    /** A column of ones, [N, 1]: adds the bias to every row as a product. */
    final INDArray ones;
    /** The pieces of steps whose weight gradients a {@link org.rnnplayground.model.Lane} makes. */
    final LaneGradients laneGradients;
    /**
     * {@code RW^T}, [3h, h], c-order in a matrix that starts a cache line ({@link OpenBlas#alignedMatrix}),
     * copied from DL4J's column-major {@code RW} (the same numbers in the same order) by each forward
     * pass, and read by the backward pass that uses that forward pass's cache (the parameters change
     * only between steps):
     * the per-step products read it as {@code B^T} forwards and as {@code B} backwards, at the
     * rates of aligned operands.
     */
    final INDArray rwT;
    /** The bias gradient {@code 1^T dZ}, [1, 3h], summed on the host step by step. */
    final HostMirror biasGrad;
    /** The input copied time-major when it is not a time-major view already, [N, n_in]. */
    final INDArray xCopy;
    /** {@code X W + b} of every step (native), then per step {@code R | Z | N} (host only), [N, 3h]. */
    final HostMirror gates;
    /** {@code H_{t-1} RW} of every step, [N, 3h]: the reset gate needs its candidate block again backwards. */
    final HostMirror recurrent;
    /** Row blocks of {@link #recurrent} per step, [B, 3h]. */
    final INDArray[] recurrentStep;
    /** {@code [H_0; H_1; ...; H_T]}, [(T+1)*B, h]; block 0 is the state carried in. */
    final HostMirror h;
    /** {@code hStep[t]} = {@code H_t}, [B, h], t = 0..T; views of {@link #h}. */
    final INDArray[] hStep;
    /** {@code [H_0; ...; H_{T-1}]}, the inputs of {@code RW} at each step, [N, h]; a view. */
    final INDArray hPrevAll;
    /** {@code [H_1; ...; H_T]}, the layer's outputs, [N, h]; a view. */
    final INDArray hOutAll;

    /** dL/dH_t for t = 1..T (row block t-1): from above, from step t+1's gates and its product. */
    final HostMirror dH;
    /** Row blocks of {@link #dH} per step, [B, h]. */
    final INDArray[] dHStep;
    /** dL/d(X_t W + b) of every step, [N, 3h]. */
    final HostMirror dGates;
    /** dL/d(H_{t-1} RW) of every step, [N, 3h]: {@link #dGates} with the candidate block times R. */
    final HostMirror dRecurrent;
    /** Row blocks of {@link #dRecurrent} per step, [B, 3h]. */
    final INDArray[] dRecurrentStep;
    /** Used on the host only, [B, h]: one step's {@code dH * Z} backwards, one row's {@code H_t} forwards. */
    final HostMirror carry;
    /** dL/dX, time-major, [N, n_in]. */
    final INDArray dX;
    /** For one-hot input: {@code W + b}, then the gradient of {@code W}, [n_in, 3h], c-order. */
    final HostMirror inputRows;

    GruWorkspace(int batchSize, int numSteps, int nIn, int numHiddens, DataType dataType) {
        this.batchSize = batchSize;
        this.numSteps = numSteps;
        this.numHiddens = numHiddens;
        int n = batchSize * numSteps;
        int gateCols = GruParams.GATES * numHiddens;
        // the buffers outlive any DL4J workspace that may be open around the first pass
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            ones = Nd4j.ones(dataType, n, 1);
            laneGradients = new LaneGradients(batchSize, numSteps);
            rwT = OpenBlas.alignedMatrix(dataType, GruParams.GATES * numHiddens, numHiddens);
            biasGrad = new HostMirror(Nd4j.zeros(dataType, 1, GruParams.GATES * numHiddens));
            xCopy = Nd4j.zeros(dataType, n, nIn);
            gates = new HostMirror(Nd4j.zeros(dataType, n, gateCols));
            recurrent = new HostMirror(Nd4j.zeros(dataType, n, gateCols));
            h = new HostMirror(Nd4j.zeros(dataType, (long) (numSteps + 1) * batchSize, numHiddens));
            dH = new HostMirror(Nd4j.zeros(dataType, n, numHiddens));
            dGates = new HostMirror(Nd4j.zeros(dataType, n, gateCols));
            dRecurrent = new HostMirror(Nd4j.zeros(dataType, n, gateCols));
            dX = Nd4j.zeros(dataType, n, nIn);
            inputRows = new HostMirror(Nd4j.zeros(dataType, nIn, gateCols));
            carry = new HostMirror(Nd4j.zeros(dataType, batchSize, numHiddens));
        }
        hPrevAll = TimeMajor.rows(h.matrix(), 0, n);
        hOutAll = TimeMajor.rows(h.matrix(), batchSize, n + batchSize);
        hStep = steps(h.matrix(), numSteps + 1);
        recurrentStep = steps(recurrent.matrix(), numSteps);
        dHStep = steps(dH.matrix(), numSteps);
        dRecurrentStep = steps(dRecurrent.matrix(), numSteps);
    }

    /** Bytes of the buffers the constructor allocates for these sizes, with {@code b} bytes per number. */
    static double bytes(double batchSize, double numSteps, double nIn, double numHiddens, int b) {
        double n = batchSize * numSteps;
        double gateCols = GruParams.GATES * numHiddens;
        double plain = n + 2 * n * nIn + gateCols * numHiddens; // ones, xCopy, dX, rwT
        double hosted = 4 * n * gateCols // gates, recurrent, dGates, dRecurrent
                + (n + batchSize) * numHiddens // h
                + n * numHiddens // dH
                + nIn * gateCols // inputRows
                + gateCols // biasGrad
                + batchSize * numHiddens; // carry
        return b * plain + 2 * b * hosted + n * Integer.BYTES; // a hosted element: native and host copy
    }

    boolean fits(int batchSize, int numSteps) {
        return this.batchSize == batchSize && this.numSteps == numSteps;
    }

    /** The first row of step {@code t}'s block. */
    /**
     * What a backward pass would give a lane ({@link LaneGradients}): this workspace's {@code H_prev}
     * and {@code dL/dZ} with the layer's gradients and inputs.
     */
    LaneGradients.Operands laneOperands(INDArray rwGrad, INDArray xRows, int[] tokens, INDArray wGrad) {
        return new LaneGradients.Operands(
                hPrevAll, dRecurrent.matrix(), rwGrad, xRows, dGates.matrix(), dGates, tokens, inputRows, wGrad);
    }

    int row(int t) {
        return t * batchSize;
    }

    /** Row blocks {@code 0..count-1} of {@code matrix}, [B, cols] each; views. */
    private INDArray[] steps(INDArray matrix, int count) {
        INDArray[] blocks = new INDArray[count];
        for (int t = 0; t < count; t++) {
            blocks[t] = TimeMajor.rows(matrix, row(t), row(t + 1));
        }
        return blocks;
    }
}
