package org.rnnplayground.sequence;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma and Ba), as {@code torch.optim.Adam} with its defaults {@code beta_1 = 0.9},
 * {@code beta_2 = 0.999}, {@code eps = 1e-8}: {@code m = beta_1 m + (1 - beta_1) g}, {@code v =
 * beta_2 v + (1 - beta_2) g^2}, {@code theta -= lr * m_hat / (sqrt(v_hat) + eps)} with the bias
 * corrections {@code m_hat = m / (1 - beta_1^t)}, {@code v_hat = v / (1 - beta_2^t)}. Not
 * thread-safe.
 */
public final class Adam {

    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPS = 1e-8;

    private final double lr;
    private final List<INDArray> m;
    private final List<INDArray> v;
    private int t;

    /**
     * @param lr learning rate, positive
     * @param params the parameters it will update (only their shapes are read here)
     */
    public Adam(double lr, List<INDArray> params) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("lr must be positive, got " + lr);
        }
        this.lr = lr;
        this.m = params.stream().map(Nd4j::zerosLike).toList();
        this.v = params.stream().map(Nd4j::zerosLike).toList();
    }

    /** Updates each parameter in place from its gradient (same order and shapes as at construction). */
    public void step(List<INDArray> params, List<INDArray> grads) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int p = 0; p < params.size(); p++) {
            INDArray g = grads.get(p);
            m.get(p).muli(BETA1).addi(g.mul(1 - BETA1)); // in place on the first moment
            v.get(p).muli(BETA2).addi(g.mul(g).muli(1 - BETA2)); // in place on the second moment
            INDArray denom = Transforms.sqrt(v.get(p).div(c2), false).addi(EPS); // sqrt(v_hat) + eps
            params.get(p).subi(m.get(p).div(c1).muli(lr).divi(denom)); // in place on the parameter
        }
    }

    /** Number of steps taken. */
    public int steps() {
        return t;
    }
}
