package org.rnnplayground.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient clipping by global norm, d2l's {@code grad_clipping(net, theta)} (8.5.3): when the L2
 * norm of all gradients together exceeds {@code theta}, every gradient is scaled by {@code theta /
 * norm}, so that the step keeps its direction and has length {@code theta}. Both models call it, the
 * from-scratch one on its five arrays, the library one on the network's flat gradient vector.
 */
public final class GradClipping {

    /**
     * What clipping found and did.
     *
     * @param norm the global norm of the gradients before clipping
     * @param clipped whether they were scaled down to {@code theta}
     */
    public record Clip(double norm, boolean clipped) {}

    private GradClipping() {}

    /**
     * Clips {@code grads} in place when {@code enabled}, their global norm is finite and it exceeds
     * {@code theta}.
     *
     * @param grads the gradients, any shapes; scaled in place
     * @param enabled false to only measure (no clipping, or a step whose loss is not finite)
     */
    public static Clip gradClipping(List<INDArray> grads, double theta, boolean enabled) {
        double norm = globalNorm(grads);
        boolean clipped = enabled && Double.isFinite(norm) && norm > theta;
        if (clipped) {
            for (INDArray g : grads) {
                g.muli(theta / norm); // in place on the gradient
            }
        }
        return new Clip(norm, clipped);
    }

    /** {@code sqrt(sum_p ||p||^2)} over all arrays, in double. */
    public static double globalNorm(List<INDArray> arrays) {
        double sumSquares = 0;
        for (INDArray a : arrays) {
            double n = a.norm2Number().doubleValue();
            sumSquares += n * n;
        }
        return Math.sqrt(sumSquares);
    }
}
