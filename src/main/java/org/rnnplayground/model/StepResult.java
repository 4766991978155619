package org.rnnplayground.model;

/**
 * What one training step on one minibatch measured.
 *
 * @param loss mean cross-entropy over the minibatch's {@code tokens} predictions, in nats
 * @param tokens predictions made, batch_size * num_steps
 * @param gradNorm global L2 norm of the gradient BEFORE clipping
 * @param clipped whether the gradient was scaled down to norm {@code theta}
 * @param finite whether loss and gradient norm were finite; if not, the parameters were NOT updated
 * @param state the state after the last step, [batch_size, num_hiddens]; a fresh copy
 */
public record StepResult(double loss, int tokens, double gradNorm, boolean clipped, boolean finite, State state) {

    /** {@code exp(loss)}. */
    public double perplexity() {
        return Math.exp(loss);
    }
}
