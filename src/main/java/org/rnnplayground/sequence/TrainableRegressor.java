package org.rnnplayground.sequence;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A regressor trained by gradient descent on the book's squared loss {@code l = (y_hat - y)^2},
 * summed over a minibatch ({@code l.sum().backward()}).
 */
public interface TrainableRegressor extends Regressor {

    /**
     * Forward and backward pass on one minibatch; the gradients land in {@link #grads()}.
     *
     * @param features windows, [b, tau]
     * @param labels the values that follow, [b, 1]
     * @return the summed squared loss of the minibatch
     */
    double lossAndGradients(INDArray features, INDArray labels);

    /** The live parameters, updated in place by the optimiser. */
    List<INDArray> params();

    /** Gradients of the last {@link #lossAndGradients}, shaped as {@link #params()}. */
    List<INDArray> grads();

    /** The parameters' names, in the order of {@link #params()}. */
    List<String> names();
}
