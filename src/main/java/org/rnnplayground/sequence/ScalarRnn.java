package org.rnnplayground.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A recurrent regressor for book exercise 8.6.3: the RNN of d2l 8.4 with a scalar input and a
 * linear head. It reads a window {@code x_1, ..., x_tau} one value at a time, {@code H_t =
 * tanh(x_t W_xh + H_{t-1} W_hh + b_h)} from {@code H_0 = 0}, and predicts {@code y_hat = H_tau
 * W_hq + b_q}. The project's character RNN ({@code org.rnnplayground.model}) reads one-hot tokens,
 * so this small sibling reads numbers instead; its gradients are backpropagation through time over
 * the window, written out by hand. Weights Xavier-uniform, biases zero. Not thread-safe.
 */
public final class ScalarRnn implements TrainableRegressor {

    private final INDArray wXh; // [1, num_hiddens]
    private final INDArray wHh; // [num_hiddens, num_hiddens]
    private final INDArray bH; // [num_hiddens]
    private final INDArray wHq; // [num_hiddens, 1]
    private final INDArray bQ; // [1]
    private final int tau;
    private final List<INDArray> grads;

    private ScalarRnn(int tau, INDArray wXh, INDArray wHh, INDArray bH, INDArray wHq, INDArray bQ) {
        this.tau = tau;
        this.wXh = wXh;
        this.wHh = wHh;
        this.bH = bH;
        this.wHq = wHq;
        this.bQ = bQ;
        this.grads = params().stream().map(Nd4j::zerosLike).toList();
    }

    /**
     * A fresh network; weights drawn from {@code SplittableRandom(seed)} in the order {@code W_xh,
     * W_hh, W_hq}.
     *
     * @param tau window length it reads
     * @param numHiddens hidden units
     */
    public static ScalarRnn create(int tau, int numHiddens, long seed) {
        if (tau < 1 || numHiddens < 1) {
            throw new IllegalArgumentException("tau and num_hiddens must be positive");
        }
        SplittableRandom random = new SplittableRandom(seed);
        return new ScalarRnn(
                tau,
                Init.xavierUniform(random, 1, numHiddens),
                Init.xavierUniform(random, numHiddens, numHiddens),
                Nd4j.zeros(DataType.DOUBLE, numHiddens),
                Init.xavierUniform(random, numHiddens, 1),
                Nd4j.zeros(DataType.DOUBLE, 1));
    }

    @Override
    public int tau() {
        return tau;
    }

    public int numHiddens() {
        return (int) wHh.size(0);
    }

    /**
     * The hidden states of all steps.
     *
     * @param features [n, tau]
     * @return {@code H_0, ..., H_tau}, each [n, num_hiddens]
     */
    private List<INDArray> states(INDArray features) {
        long n = features.size(0);
        List<INDArray> hs = new ArrayList<>(tau + 1);
        hs.add(Nd4j.zeros(DataType.DOUBLE, n, numHiddens()));
        for (int t = 0; t < tau; t++) {
            INDArray xT = features.get(NDArrayIndex.all(), NDArrayIndex.interval(t, t + 1)); // [n, 1]
            INDArray a = xT.mmul(wXh) // [n, 1] x [1, num_hiddens]
                    .addi(hs.get(t).mmul(wHh)) // [n, num_hiddens] x [num_hiddens, num_hiddens]
                    .addiRowVector(bH);
            hs.add(Transforms.tanh(a, false)); // [n, num_hiddens]
        }
        return hs;
    }

    /**
     * @param features [n, tau]
     * @return [n, 1]
     */
    @Override
    public INDArray predict(INDArray features) {
        checkWidth(features);
        return states(features).get(tau).mmul(wHq).addiRowVector(bQ); // [n, num_hiddens] x [num_hiddens, 1]
    }

    /**
     * Forward pass over the window, squared loss summed over the minibatch, and backpropagation
     * through time back to {@code H_0 = 0}.
     *
     * @param features [b, tau]
     * @param labels [b, 1]
     * @return {@code sum((y_hat - y)^2)}
     */
    @Override
    public double lossAndGradients(INDArray features, INDArray labels) {
        checkWidth(features);
        List<INDArray> hs = states(features);
        INDArray hTau = hs.get(tau); // [b, num_hiddens]
        INDArray diff = hTau.mmul(wHq).addiRowVector(bQ).subi(labels); // [b, 1], y_hat - y
        double loss = diff.mul(diff).sumNumber().doubleValue();

        INDArray dY = diff.muli(2); // [b, 1]
        grads.get(3).assign(hTau.transpose().mmul(dY)); // dW_hq: [num_hiddens, b] x [b, 1]
        grads.get(4).assign(dY.sum(0)); // db_q: [1]
        INDArray dWxh = grads.get(0).assign(0);
        INDArray dWhh = grads.get(1).assign(0);
        INDArray dBh = grads.get(2).assign(0);
        INDArray dH = dY.mmul(wHq.transpose()); // [b, 1] x [1, num_hiddens]
        for (int t = tau; t >= 1; t--) {
            INDArray h = hs.get(t);
            INDArray dA = dH.mul(h.mul(h).rsubi(1)); // [b, num_hiddens], tanh' = 1 - H_t^2
            INDArray xT = features.get(NDArrayIndex.all(), NDArrayIndex.interval(t - 1, t)); // [b, 1]
            dWxh.addi(xT.transpose().mmul(dA)); // in place on the gradient: [1, b] x [b, num_hiddens]
            dWhh.addi(hs.get(t - 1).transpose().mmul(dA)); // in place: [num_hiddens, b] x [b, num_hiddens]
            dBh.addi(dA.sum(0)); // in place: [num_hiddens]
            dH = dA.mmul(wHh.transpose()); // dH_{t-1}: [b, num_hiddens] x [num_hiddens, num_hiddens]
        }
        return loss;
    }

    private void checkWidth(INDArray features) {
        if (features.rank() != 2 || features.size(1) != tau) {
            throw new IllegalArgumentException(
                    "expected windows [n, " + tau + "], got " + java.util.Arrays.toString(features.shape()));
        }
    }

    /** {@code W_xh, W_hh, b_h, W_hq, b_q}. */
    @Override
    public List<INDArray> params() {
        return List.of(wXh, wHh, bH, wHq, bQ);
    }

    @Override
    public List<INDArray> grads() {
        return grads;
    }

    @Override
    public List<String> names() {
        return List.of("W_xh", "W_hh", "b_h", "W_hq", "b_q");
    }
}
