package org.rnnplayground.sequence;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The book's autoregressive MLP: {@code y_hat = relu(X W_1 + b_1) W_2 + b_2}, {@code tau ->
 * num_hiddens -> 1} (d2l 8.1.2, {@code nn.Sequential(nn.Linear(4, 10), nn.ReLU(), nn.Linear(10,
 * 1))}). Weights are initialised Xavier-uniform as in the book's {@code init_weights}; biases start
 * at zero. Not thread-safe.
 */
public final class Mlp implements TrainableRegressor {

    private final INDArray w1; // [tau, num_hiddens]
    private final INDArray b1; // [num_hiddens]
    private final INDArray w2; // [num_hiddens, 1]
    private final INDArray b2; // [1]
    private final List<INDArray> grads;

    private Mlp(INDArray w1, INDArray b1, INDArray w2, INDArray b2) {
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
        this.grads = List.of(Nd4j.zerosLike(w1), Nd4j.zerosLike(b1), Nd4j.zerosLike(w2), Nd4j.zerosLike(b2));
    }

    /**
     * A fresh network; weights drawn from {@code SplittableRandom(seed)}, {@code W_1} then {@code W_2}.
     *
     * @param tau inputs (window length)
     * @param numHiddens hidden units
     */
    public static Mlp create(int tau, int numHiddens, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Mlp(
                Init.xavierUniform(random, tau, numHiddens),
                Nd4j.zeros(DataType.DOUBLE, numHiddens),
                Init.xavierUniform(random, numHiddens, 1),
                Nd4j.zeros(DataType.DOUBLE, 1));
    }

    @Override
    public int tau() {
        return (int) w1.size(0);
    }

    public int numHiddens() {
        return (int) w1.size(1);
    }

    /**
     * @param features [n, tau]
     * @return [n, 1]
     */
    @Override
    public INDArray predict(INDArray features) {
        INDArray h = Transforms.relu(hiddenPreActivation(features), false); // [n, num_hiddens]
        return h.mmul(w2).addiRowVector(b2); // [n, num_hiddens] x [num_hiddens, 1] = [n, 1]
    }

    /** {@code X W_1 + b_1}: features [n, tau] to [n, num_hiddens]. */
    private INDArray hiddenPreActivation(INDArray features) {
        return features.mmul(w1).addiRowVector(b1); // [n, tau] x [tau, num_hiddens] = [n, num_hiddens]
    }

    /**
     * Forward pass, squared loss summed over the minibatch, and its gradients by the chain rule.
     *
     * @param features [b, tau]
     * @param labels [b, 1]
     * @return {@code sum((y_hat - y)^2)}
     */
    @Override
    public double lossAndGradients(INDArray features, INDArray labels) {
        INDArray z = hiddenPreActivation(features); // [b, num_hiddens]
        INDArray h = Transforms.relu(z, true); // [b, num_hiddens]
        INDArray yHat = h.mmul(w2).addiRowVector(b2); // [b, 1]
        INDArray diff = yHat.subi(labels); // [b, 1], y_hat - y (yHat reused in place)
        double loss = diff.mul(diff).sumNumber().doubleValue();

        INDArray dYHat = diff.muli(2); // [b, 1], dl/dy_hat = 2 (y_hat - y)
        grads.get(2).assign(h.transpose().mmul(dYHat)); // dW_2 = H^T dY: [num_hiddens, b] x [b, 1]
        grads.get(3).assign(dYHat.sum(0)); // db_2 = sum over rows: [1]
        INDArray dZ = dYHat.mmul(w2.transpose()) // dH = dY W_2^T: [b, 1] x [1, num_hiddens]
                .muli(h.gt(0).castTo(DataType.DOUBLE)); // relu'(z): 1 where z > 0 (h > 0 iff z > 0)
        grads.get(0).assign(features.transpose().mmul(dZ)); // dW_1 = X^T dZ: [tau, b] x [b, num_hiddens]
        grads.get(1).assign(dZ.sum(0)); // db_1: [num_hiddens]
        return loss;
    }

    /** {@code W_1, b_1, W_2, b_2}. */
    @Override
    public List<INDArray> params() {
        return List.of(w1, b1, w2, b2);
    }

    @Override
    public List<INDArray> grads() {
        return grads;
    }

    @Override
    public List<String> names() {
        return List.of("W_1", "b_1", "W_2", "b_2");
    }
}
