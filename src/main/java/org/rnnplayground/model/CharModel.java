package org.rnnplayground.model;

import java.util.List;

/**
 * A character-level (or any token-level) language model trained with truncated backpropagation
 * through time, as in d2l 8.5 and 8.6.
 *
 * <p>Inputs are token indices {@code x[batch_size][num_steps]}; labels {@code y} have the same shape
 * and are the inputs shifted by one token. An implementation is not thread-safe: one thread drives
 * one model.
 */
public interface CharModel {

    int vocabSize();

    int numHiddens();

    /** The number of trainable scalars. */
    long parameterCount();

    /** A zero state for {@code batchSize} rows (d2l {@code begin_state}). */
    State beginState(int batchSize);

    /**
     * Runs the model over a minibatch without training it.
     *
     * @param x token indices, [batch_size, num_steps]
     * @param state the state carried in, [batch_size, num_hiddens]; not modified
     */
    Forward forward(int[][] x, State state);

    /**
     * One step of minibatch SGD: forward, mean cross-entropy, backpropagation through time down to the
     * carried-in {@code state} (the gradient stops there), optional clipping, update.
     *
     * @param x token indices, [batch_size, num_steps]
     * @param y label indices, [batch_size, num_steps]
     * @param state the state carried in, [batch_size, num_hiddens]; treated as a constant (detached)
     *     and not modified
     */
    StepResult trainStep(int[][] x, int[][] y, State state, TrainHyper hyper);

    /**
     * {@link #trainStep(int[][], int[][], State, TrainHyper)} with a second thread for the work that
     * does not wait on the recurrence, when {@code lane} has one; the same step, to float rounding
     * (sums may be added in another order). Models that cannot use it ignore it.
     */
    default StepResult trainStep(int[][] x, int[][] y, State state, TrainHyper hyper, Lane lane) {
        return trainStep(x, y, state, hyper);
    }

    /**
     * Runs a real forward pass over {@code x} and lists every tensor it meets with its shape, inputs
     * first, then per step, then outputs, then the parameters.
     *
     * @param x token indices, [batch_size, num_steps]
     */
    List<TensorShape> traceShapes(int[][] x);

    /**
     * Drops the per-minibatch buffers kept from one step to the next (at 256 hidden units, batch 32
     * and 35 steps, tens of megabytes for a GRU layer); the next forward pass or step allocates what
     * it needs again. For a model that is done training and only generates, as a finished run's.
     */
    default void releaseWorkingMemory() {}

    /**
     * A copy of this model's parameters as they are now, with working memory of its own: the model
     * to generate from while this one goes on training. Call it on the thread that trains this
     * model, between two steps.
     */
    default CharModel snapshot() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be copied");
    }

    /**
     * The parameters as one flat vector in a fixed order, exactly (float32 values widen to double
     * without loss): what a checkpoint keeps.
     *
     * @return [parameterCount]
     */
    default double[] parameters() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot export its parameters");
    }

    /**
     * Sets the parameters from {@link #parameters()} of a model of the same kind and sizes.
     *
     * @param values [parameterCount]
     * @throws IllegalArgumentException when the length does not match
     */
    default void loadParameters(double[] values) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot load parameters");
    }

    /**
     * Runs the model over {@code x} without training it and copies out what every recurrent layer
     * computed at every step: each layer's {@code H}, then (for gated cells) its memory cell and gates.
     *
     * @param x token indices, [batch_size, num_steps]
     * @param state the state carried in; not modified
     * @return per layer from the input up, {@code H} first; each [num_steps, batch_size, num_hiddens]
     */
    default List<Channel> channels(int[][] x, State state) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot show its internals");
    }

    /**
     * Forward, mean cross-entropy and backpropagation through time as {@link #trainStep} computes them,
     * without the update, handing {@code probe} each step's gradients on the way (d2l 8.7). The
     * parameters are not changed; the gradients left behind are clipped as {@code hyper} says.
     *
     * @param x token indices, [batch_size, num_steps]
     * @param y label indices, [batch_size, num_steps]
     * @param state the state carried in (constant), not modified
     */
    default StepResult probeGradients(int[][] x, int[][] y, State state, TrainHyper hyper, BackwardProbe probe) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot show its gradients");
    }
}
