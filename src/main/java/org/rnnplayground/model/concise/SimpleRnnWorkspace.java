package org.rnnplayground.model.concise;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnplayground.model.HostMirror;
import org.rnnplayground.model.OpenBlas;

/**
 * The buffers of one forward and backward pass of {@link CarriedStateSimpleRnn} for one (batch_size,
 * num_steps) shape, allocated once and overwritten by every pass, with the per-step row blocks cut
 * once as well.
 *
 * <p>Rows are time-major, as in the from-scratch model: with {@code N = num_steps * batch_size}, row
 * {@code t * B + i} is step {@code t} of minibatch row {@code i}, so one step is a contiguous block
 * of {@code B} rows and the blocks of all steps stack into one matrix for the products over time.
 */
final class SimpleRnnWorkspace {

    final int batchSize;
    final int numSteps;

    /** The input copied time-major when it is not a time-major view already, [N, n_in]. */
    final INDArray xCopy;
    /** {@code [H_0; H_1; ...; H_T]}, [(T+1)*B, h]; block 0 is the state carried in. */
    final INDArray hAll;
    /** {@code [H_0; ...; H_{T-1}]}, the inputs of {@code RW} at each step, [N, h]; a view. */
    final INDArray hPrevAll;
    /** {@code [H_1; ...; H_T]}, the layer's outputs, [N, h]; a view. */
    final INDArray hOutAll;
    /** {@code hStep[t]} = {@code H_t}, [B, h], t = 0..T; views of {@link #hAll}. */
    final INDArray[] hStep;
    /** Host copy of {@link #hAll}, where each step's activation is applied; kept for the backward pass. */
    final HostMirror hHost;

    /** dL/dH_t, then (in place) dL/dZ_t for the pre-activations, [N, h]. */
    final INDArray dHAll;
    /** Row blocks of {@link #dHAll} per step t = 0..T-1 (step t+1 in H terms), [B, h]. */
    final INDArray[] dHStep;
    /** Host copy of {@link #dHAll}, where each step's {@code dH * phi'(Z)} is computed. */
    final HostMirror dHHost;
    /** dL/dX, time-major, [N, n_in]. */
    final INDArray dX;

    /** For one-hot inputs: {@code W + b}, then (in place) the gradient of {@code W}, [n_in, h], c-order. */
    final INDArray inputRows;
    /** Host copy of {@link #inputRows}: rows gathered by the forward pass, scatter-added by the backward pass. */
    final HostMirror inputRowsHost;
    /** The bias gradient {@code 1^T dZ}, [1, h], and its host copy. */
    final INDArray biasGrad;

    final HostMirror biasGradHost;

    /**
     * {@code RW} and {@code RW^T}, [h, h], c-order, copied from DL4J's column-major view for each pass
     * into matrices that start a cache line ({@link OpenBlas#alignedMatrix}): the per-step products
     * read them as {@code B} not transposed, the fastest way for OpenBLAS's small-matrix kernels.
     */
    final INDArray rw;

    final INDArray rwT;

    SimpleRnnWorkspace(int batchSize, int numSteps, int nIn, int numHiddens, DataType dataType) {
        this.batchSize = batchSize;
        this.numSteps = numSteps;
        int n = batchSize * numSteps;
        xCopy = Nd4j.zeros(dataType, n, nIn);
        hAll = Nd4j.zeros(dataType, (long) (numSteps + 1) * batchSize, numHiddens);
        hPrevAll = TimeMajor.rows(hAll, 0, n);
        hOutAll = TimeMajor.rows(hAll, batchSize, n + batchSize);
        hStep = new INDArray[numSteps + 1];
        for (int t = 0; t <= numSteps; t++) {
            hStep[t] = TimeMajor.rows(hAll, t * batchSize, (t + 1) * batchSize);
        }
        dHAll = Nd4j.zeros(dataType, n, numHiddens);
        dHStep = new INDArray[numSteps];
        for (int t = 0; t < numSteps; t++) {
            dHStep[t] = TimeMajor.rows(dHAll, t * batchSize, (t + 1) * batchSize);
        }
        dX = Nd4j.zeros(dataType, n, nIn);
        hHost = new HostMirror(hAll);
        dHHost = new HostMirror(dHAll);
        inputRows = Nd4j.zeros(dataType, nIn, numHiddens);
        inputRowsHost = new HostMirror(inputRows);
        biasGrad = Nd4j.zeros(dataType, 1, numHiddens);
        biasGradHost = new HostMirror(biasGrad);
        rw = OpenBlas.alignedMatrix(dataType, numHiddens, numHiddens);
        rwT = OpenBlas.alignedMatrix(dataType, numHiddens, numHiddens);
    }

    /**
     * Bytes of the buffers the constructor allocates for these sizes, with {@code b} bytes per
     * number, host copies included, and the token indices of one-hot inputs ({@code N} ints).
     */
    static double bytes(double batchSize, double numSteps, double nIn, double numHiddens, int b) {
        double n = batchSize * numSteps;
        double matrices = 2 * n * nIn // xCopy, dX
                + 2 * (n + batchSize) * numHiddens // hAll and its host copy
                + 2 * n * numHiddens // dHAll and its host copy
                + 2 * nIn * numHiddens // inputRows and its host copy
                + 2 * numHiddens // biasGrad and its host copy
                + 2 * numHiddens * numHiddens; // rw, rwT
        return b * matrices + n * Integer.BYTES;
    }

    boolean fits(int batchSize, int numSteps) {
        return this.batchSize == batchSize && this.numSteps == numSteps;
    }
}
