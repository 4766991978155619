package org.rnnplayground.model.concise;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnplayground.model.HostMirror;
import org.rnnplayground.model.OpenBlas;

/**
 * The buffers of one forward and backward pass of {@link CarriedStateLstm} for one (batch_size,
 * num_steps) shape, allocated once and overwritten by every pass, with the per-step row blocks cut
 * once as well.
 *
 * <p>Rows are time-major, as in {@link GruWorkspace}: with {@code N = num_steps * batch_size}, row
 * {@code t * B + i} is step {@code t} of minibatch row {@code i}. The gate columns are DL4J's: block
 * input {@code A} (tanh), forget {@code F}, output {@code O} and input gate {@code G} (sigmoids),
 * each {@code h} wide. The matrices the products read or write are native ND4J arrays; those the
 * cell computes on elementwise have a {@link HostMirror} copy in the network's type; {@code tanh(C_t)}
 * and {@code dL/dC} are used on the host only.
 */
final class LstmWorkspace {

    /** Gate blocks per row: A, F, O, G. */
    static final int GATES = 4;

    final int batchSize;
    final int numSteps;
    final int numHiddens;
    /** A column of ones, [N, 1]: adds the bias to every row as a product. */
    final INDArray ones;
    /** The pieces of steps whose weight gradients a {@link org.rnnplayground.model.Lane} makes. */
    final LaneGradients laneGradients;
    /**
     * {@code RW^T}, [4h, h], c-order in a matrix that starts a cache line ({@link OpenBlas#alignedMatrix}),
     * copied from DL4J's column-major {@code RW} (the same numbers in the same order) by each forward
     * pass, and read by the backward pass that uses that forward pass's cache (the parameters change
     * only between steps):
     * the per-step products read it as {@code B^T} forwards and as {@code B} backwards, at the
     * rates of aligned operands.
     */
    final INDArray rwT;
    /** The bias gradient {@code 1^T dZ}, [1, 4h], summed on the host step by step. */
    final HostMirror biasGrad;
    /** The input copied time-major when it is not a time-major view already, [N, n_in]. */
    final INDArray xCopy;
    /** {@code X W + b}, then (native, per step) {@code + H_{t-1} RW}; on the host {@code A | F | O | G}, [N, 4h]. */
    final HostMirror gates;
    /** Row blocks of {@link #gates} per step, [B, 4h]. */
    final INDArray[] gatesStep;
    /** {@code [H_0; H_1; ...; H_T]}, [(T+1)*B, h]; block 0 is the state carried in. */
    final HostMirror h;
    /** {@code hStep[t]} = {@code H_t}, [B, h], t = 0..T; views of {@link #h}. */
    final INDArray[] hStep;
    /** {@code [H_0; ...; H_{T-1}]}, the inputs of {@code RW} at each step, [N, h]; a view. */
    final INDArray hPrevAll;
    /** {@code [H_1; ...; H_T]}, the layer's outputs, [N, h]; a view. */
    final INDArray hOutAll;
    /** {@code [C_0; C_1; ...; C_T]}, [(T+1)*B, h]; block 0 is the state carried in; the last block is pushed. */
    final HostMirror c;
    /** {@code tanh(C_t)} for t = 1..T (row block t-1), used on the host only, [N, h]. */
    final HostMirror tanhC;

    /** dL/dH_t for t = 1..T (row block t-1): from above, plus step t+1's product {@code dZ RW^T}. */
    final HostMirror dH;
    /** Row blocks of {@link #dH} per step, [B, h]. */
    final INDArray[] dHStep;
    /** dL/dC_{t+1} of the step after the current one, used on the host only, [B, h]. */
    final HostMirror dCNext;
    /** dL/dZ of every step, {@code Z = X W + H_{t-1} RW + b}, [N, 4h]. */
    final HostMirror dGates;
    /** Row blocks of {@link #dGates} per step, [B, 4h]. */
    final INDArray[] dGatesStep;
    /** dL/dX, time-major, [N, n_in]. */
    final INDArray dX;

    /** For one-hot input: {@code W + b}, then the gradient of {@code W}, [n_in, 4h], c-order. */
    final HostMirror inputRows;

    LstmWorkspace(int batchSize, int numSteps, int nIn, int numHiddens, DataType dataType) {
        this.batchSize = batchSize;
        this.numSteps = numSteps;
        this.numHiddens = numHiddens;
        int n = batchSize * numSteps;
        int gateCols = GATES * numHiddens;
        long stateRows = (long) (numSteps + 1) * batchSize;
        // the buffers outlive any DL4J workspace that may be open around the first pass
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            ones = Nd4j.ones(dataType, n, 1);
            laneGradients = new LaneGradients(batchSize, numSteps);
            rwT = OpenBlas.alignedMatrix(dataType, GATES * numHiddens, numHiddens);
            biasGrad = new HostMirror(Nd4j.zeros(dataType, 1, GATES * numHiddens));
            xCopy = Nd4j.zeros(dataType, n, nIn);
            gates = new HostMirror(Nd4j.zeros(dataType, n, gateCols));
            h = new HostMirror(Nd4j.zeros(dataType, stateRows, numHiddens));
            c = new HostMirror(Nd4j.zeros(dataType, stateRows, numHiddens));
            dH = new HostMirror(Nd4j.zeros(dataType, n, numHiddens));
            dGates = new HostMirror(Nd4j.zeros(dataType, n, gateCols));
            dX = Nd4j.zeros(dataType, n, nIn);
            inputRows = new HostMirror(Nd4j.zeros(dataType, nIn, gateCols));
            tanhC = new HostMirror(Nd4j.zeros(dataType, n, numHiddens));
            dCNext = new HostMirror(Nd4j.zeros(dataType, batchSize, numHiddens));
        }
        hPrevAll = TimeMajor.rows(h.matrix(), 0, n);
        hOutAll = TimeMajor.rows(h.matrix(), batchSize, n + batchSize);
        hStep = steps(h.matrix(), numSteps + 1);
        gatesStep = steps(gates.matrix(), numSteps);
        dHStep = steps(dH.matrix(), numSteps);
        dGatesStep = steps(dGates.matrix(), numSteps);
    }

    /**
     * Bytes of the buffers the constructor allocates for these sizes, with {@code b} bytes per
     * number, and the token indices of one-hot inputs ({@code N} ints).
     */
    static double bytes(double batchSize, double numSteps, double nIn, double numHiddens, int b) {
        double n = batchSize * numSteps;
        double gateCols = GATES * numHiddens;
        double plain = n + 2 * n * nIn + gateCols * numHiddens; // ones, xCopy, dX, rwT
        double hosted = 2 * n * gateCols // gates, dGates
                + 2 * (n + batchSize) * numHiddens // h, c
                + n * numHiddens // dH
                + nIn * gateCols // inputRows
                + gateCols // biasGrad
                + (n + batchSize) * numHiddens; // tanhC, dCNext
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
                hPrevAll, dGates.matrix(), rwGrad, xRows, dGates.matrix(), dGates, tokens, inputRows, wGrad);
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
