package org.rnnplayground.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Minibatch stochastic gradient descent, d2l's {@code sgd(params, lr, batch_size)} (3.2.7): {@code p
 * -= lr * grad} for every parameter. The gradients here are already means over the minibatch (the
 * loss is a mean), so there is no division by {@code batch_size}. Both models call it.
 */
public final class Sgd {

    private Sgd() {}

    /**
     * Updates every parameter in place.
     *
     * @param params the parameters, updated in place
     * @param grads their gradients, the same shapes, in the same order
     */
    public static void sgd(List<INDArray> params, List<INDArray> grads, double lr) {
        if (params.size() != grads.size()) {
            throw new IllegalArgumentException(params.size() + " parameters but " + grads.size() + " gradients");
        }
        for (int i = 0; i < params.size(); i++) {
            INDArray p = params.get(i);
            Nd4j.getBlasWrapper().level1().axpy(p.length(), -lr, grads.get(i), p); // in place on the parameter
        }
    }
}
