package org.rnnplayground.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every buffer one forward and backward pass needs for one (batch_size, num_steps) shape, allocated
 * once and overwritten by each minibatch, with the per-step row views cut once as well.
 *
 * <p>With {@code N = num_steps * batch_size}, rows are time-major: row {@code t * B + i} is step
 * {@code t} of minibatch row {@code i}.
 */
final class RnnWorkspace {

    final int batchSize;
    final int numSteps;
    /** {@code N = num_steps * batch_size}. */
    final int n;

    /** {@code [H_0; H_1; ...; H_T]}, [(T+1)*B, h]; block 0 is the state carried in. */
    final INDArray hAll;
    /** {@code [H_0; ...; H_{T-1}]}, the inputs of {@code W_hh} at each step, [N, h]; a view. */
    final INDArray hPrevAll;
    /** {@code [H_1; ...; H_T]}, the outputs of the recurrence, [N, h]; a view. */
    final INDArray hOutAll;
    /** {@code hStep[t]} = {@code H_t}, [B, h], t = 0..T; views of {@link #hAll}. */
    final INDArray[] hStep;
    /** Host copy of {@link #hAll}, where each step's activation is applied; kept for the backward pass. */
    final HostMirror hHost;

    /** Logits without their bias, {@code O - b_q = H W_hq}, then (in place) dL/dO, [N, V]. */
    final INDArray logits;
    /** Host copy of {@link #logits}, where the softmax, the loss and dL/dO are computed. */
    final HostMirror logitsHost;
    /** The bias {@code b_q}, [1, V], and its host copy. */
    final INDArray bias;

    final HostMirror biasHost;
    /** One-hot labels, [N, V], on the host only ({@link #labelsHost}). */
    final HostMirror labelsHost;
    /** The gradient of {@code W_xh}, [V, h], and its host copy, where the rows of dL/dA are scatter-added. */
    final INDArray inputGrad;

    final HostMirror inputGradHost;
    /** The gradient of {@code b_h}, [1, h], and its host copy, where the rows of dL/dA are summed. */
    final INDArray biasGrad;

    final HostMirror biasGradHost;

    /** dL/dH_t, then (in place) dL/dA_t for the pre-activations, [N, h]. */
    final INDArray dHAll;
    /** Row blocks of {@link #dHAll} per step t = 0..T-1 (step t+1 in H terms), [B, h]. */
    final INDArray[] dHStep;
    /** Host copy of {@link #dHAll}, where each step's {@code dH * phi'(A)} is computed. */
    final HostMirror dHHost;

    /**
     * {@code W_hh} and {@code W_hh^T}, [h, h], copied from the parameters for each pass into matrices
     * that start a cache line ({@link OpenBlas#alignedMatrix}): the per-step products read them as
     * {@code B} not transposed, the fastest way for OpenBLAS's small-matrix kernels.
     */
    final INDArray wHh;

    final INDArray wHhT;

    /** The pieces of steps a {@link Lane} works on while the recurrence goes on. */
    final StepPieces pieces;
    /** Piece {@code k}'s rows of {@link #hOutAll}, [rows, h]. */
    final INDArray[] hOutPiece;
    /** Piece {@code k}'s rows of {@link #hPrevAll}, [rows, h]. */
    final INDArray[] hPrevPiece;
    /** Piece {@code k}'s rows of {@link #logits}, [rows, V]. */
    final INDArray[] logitsPiece;
    /** Piece {@code k}'s rows of {@link #dHAll}, [rows, h]. */
    final INDArray[] dHPiece;
    /** The gradient of {@code b_q} summed piece by piece, [1, V], and its host copy. */
    final INDArray outputBiasGrad;

    final HostMirror outputBiasGradHost;

    RnnWorkspace(int batchSize, int numSteps, int vocabSize, int numHiddens, DataType dataType) {
        this.batchSize = batchSize;
        this.numSteps = numSteps;
        this.n = batchSize * numSteps;
        hAll = Nd4j.zeros(dataType, (long) (numSteps + 1) * batchSize, numHiddens);
        hPrevAll = rows(hAll, 0, n);
        hOutAll = rows(hAll, batchSize, n + batchSize);
        hStep = new INDArray[numSteps + 1];
        for (int t = 0; t <= numSteps; t++) {
            hStep[t] = rows(hAll, t * batchSize, (t + 1) * batchSize);
        }
        logits = Nd4j.zeros(dataType, n, vocabSize);
        logitsHost = new HostMirror(logits);
        bias = Nd4j.zeros(dataType, 1, vocabSize);
        biasHost = new HostMirror(bias);
        labelsHost = new HostMirror(Nd4j.zeros(dataType, n, vocabSize));
        inputGrad = Nd4j.zeros(dataType, vocabSize, numHiddens);
        inputGradHost = new HostMirror(inputGrad);
        biasGrad = Nd4j.zeros(dataType, 1, numHiddens);
        biasGradHost = new HostMirror(biasGrad);
        dHAll = Nd4j.zeros(dataType, n, numHiddens);
        dHStep = new INDArray[numSteps];
        for (int t = 0; t < numSteps; t++) {
            dHStep[t] = rows(dHAll, t * batchSize, (t + 1) * batchSize);
        }
        hHost = new HostMirror(hAll);
        dHHost = new HostMirror(dHAll);
        wHh = OpenBlas.alignedMatrix(dataType, numHiddens, numHiddens);
        wHhT = OpenBlas.alignedMatrix(dataType, numHiddens, numHiddens);
        pieces = StepPieces.of(numSteps, batchSize);
        hOutPiece = new INDArray[pieces.count()];
        hPrevPiece = new INDArray[pieces.count()];
        logitsPiece = new INDArray[pieces.count()];
        dHPiece = new INDArray[pieces.count()];
        for (int k = 0; k < pieces.count(); k++) {
            int from = pieces.start(k) * batchSize;
            int to = pieces.end(k) * batchSize;
            hOutPiece[k] = rows(hOutAll, from, to);
            hPrevPiece[k] = rows(hPrevAll, from, to);
            logitsPiece[k] = rows(logits, from, to);
            dHPiece[k] = rows(dHAll, from, to);
        }
        outputBiasGrad = Nd4j.zeros(dataType, 1, vocabSize);
        outputBiasGradHost = new HostMirror(outputBiasGrad);
    }

    /**
     * Bytes of the buffers the constructor allocates for these sizes, with {@code b} bytes per
     * number: {@code H_0..H_T} and {@code dH}, the logits and the labels, the gradients of {@code
     * W_xh} and {@code b_h} and the bias, all with their host copies, and the copies of {@code W_hh}.
     */
    static double bytes(double batchSize, double numSteps, double vocabSize, double numHiddens, int b) {
        double n = batchSize * numSteps;
        double states = 2 * ((n + batchSize) * numHiddens + n * numHiddens);
        double vocabulary = 4 * n * vocabSize + 4 * vocabSize; // and the bias and b_q's gradient, with host copies
        double gradients = 2 * (vocabSize + 1) * numHiddens;
        double recurrentWeights = 2 * numHiddens * numHiddens;
        return b * (states + vocabulary + gradients + recurrentWeights);
    }

    boolean fits(int batchSize, int numSteps) {
        return this.batchSize == batchSize && this.numSteps == numSteps;
    }

    /** Rows {@code [from, to)} of a c-order matrix: a contiguous view ({@link Rows#of}). */
    static INDArray rows(INDArray matrix, int from, int to) {
        return Rows.of(matrix, from, to);
    }
}
