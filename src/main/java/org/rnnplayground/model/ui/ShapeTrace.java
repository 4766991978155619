package org.rnnplayground.model.ui;

import java.util.List;
import java.util.Optional;
import org.rnnplayground.model.TensorShape;
import org.rnnplayground.model.TensorShape.Role;

/**
 * What one real forward pass over one real minibatch reported, for the Shapes page.
 *
 * @param request the sizes it ran with
 * @param vocabSize {@code vocab_size} of the text
 * @param seed the seed of the sampler's offset and of the initial parameters
 * @param rowStart the corpus position of the first token of row 0 of {@code X}
 * @param firstRow the token indices of row 0 of {@code X}, [num_steps]
 * @param firstRowTokens the same tokens as text, [num_steps]
 * @param tensors every tensor of the pass with its shape, in the model's order ({@code
 *     CharModel.traceShapes})
 * @param parameterCount the model's trainable scalars, as the model counts them
 */
public record ShapeTrace(
        ShapeRequest request,
        int vocabSize,
        long seed,
        int rowStart,
        int[] firstRow,
        List<String> firstRowTokens,
        List<TensorShape> tensors,
        long parameterCount) {

    public ShapeTrace {
        firstRow = firstRow.clone();
        firstRowTokens = List.copyOf(firstRowTokens);
        tensors = List.copyOf(tensors);
    }

    /** A tensor that is not per step ({@code X}, {@code one-hot}, {@code outputs}, {@code W_hh}, ...). */
    public Optional<TensorShape> tensor(String name) {
        return tensors.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** A per-step tensor ({@code X_t}, {@code H_t}, {@code O_t}) at step {@code step}, from 1. */
    public Optional<TensorShape> atStep(String name, int step) {
        return tensors.stream()
                .filter(s -> s.name().equals(name) && s.step() == step)
                .findFirst();
    }

    /**
     * The hidden state going into step {@code step}: {@code H_0} for the first step, else {@code H_t}
     * of the step before.
     */
    public Optional<TensorShape> stateBefore(int step) {
        return step <= 1 ? tensor("H_0") : atStep("H_t", step - 1);
    }

    /** The parameters in the model's order ({@code W_xh, W_hh, b_h, W_hq, b_q}). */
    public List<TensorShape> parameters() {
        return tensors.stream().filter(s -> s.role() == Role.PARAMETER).toList();
    }

    /** Whether the model is built from library layers (else it is the from-scratch RNN). */
    public boolean library() {
        return request.implementation().library();
    }

    /** The number of time steps the pass ran. */
    public int numSteps() {
        return request.numSteps();
    }
}
