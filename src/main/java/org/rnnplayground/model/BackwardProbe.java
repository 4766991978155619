package org.rnnplayground.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Watches backpropagation through time step by step (d2l 8.7): what a recurrent layer's backward
 * pass holds at each step, handed over while it runs, for the gradients-through-time figure.
 *
 * <p>Steps are numbered as the book's {@code H_t}: {@code t = 1..num_steps}, called from the last step
 * to the first. Layers are numbered from 0 at the input. The arrays are views of the model's working
 * memory, valid only during the call: copy what you keep. Values are gradients of the minibatch's mean
 * cross-entropy, before clipping.
 */
public interface BackwardProbe {

    /**
     * The whole {@code dL/dH_t} of one layer: from the layer above (or the output) at step {@code t}
     * and from step {@code t + 1} through the recurrence.
     *
     * @param dH [batch_size, num_hiddens]
     */
    void hiddenGradient(int layer, int step, INDArray dH);

    /**
     * Step {@code t}'s share of the recurrent weight's gradient: {@code dL/dW_hh} is the sum over steps
     * of {@code H_{t-1}^T dZ_t}.
     *
     * @param hPrev {@code H_{t-1}}, [batch_size, num_hiddens]
     * @param dZ {@code dL/dZ_t} of the recurrent product {@code Z_t = H_{t-1} W_hh} (for gated cells all
     *     its blocks), [batch_size, gates * num_hiddens]
     */
    void recurrentGradient(int layer, int step, INDArray hPrev, INDArray dZ);

    /** A probe that scales every gradient it passes on by {@code factor} (for models that sum where the book takes means). */
    default BackwardProbe scaled(double factor) {
        BackwardProbe inner = this;
        return new BackwardProbe() {
            @Override
            public void hiddenGradient(int layer, int step, INDArray dH) {
                inner.hiddenGradient(layer, step, dH.mul(factor)); // a scaled copy
            }

            @Override
            public void recurrentGradient(int layer, int step, INDArray hPrev, INDArray dZ) {
                inner.recurrentGradient(layer, step, hPrev, dZ.mul(factor)); // a scaled copy
            }
        };
    }
}
