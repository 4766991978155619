package org.rnnplayground.model;

/**
 * What a model costs before it is built: its parameters, the memory it needs, and its
 * multiply-adds, for one (vocab_size, num_hiddens, batch_size, num_steps, precision). Each model
 * computes its own from the buffers it allocates ({@link ScratchRnn#footprint}, {@code
 * ConciseRnn.footprint}); {@code ModelSpec.footprint} picks the model. Byte counts are upper bounds
 * of what the model really allocates, ND4J's native buffers and Java arrays together.
 *
 * @param parameters trainable scalars, exactly as the built model reports them
 * @param bytesPerNumber 4 for float32, 8 for float64
 * @param modelBytes the parameters, their gradients and the temporaries of initialising them: what
 *     a built model holds before (and, after {@link CharModel#releaseWorkingMemory}, after) training
 * @param trainingBytes the per-minibatch buffers of one training step (forward, loss, backward)
 * @param traceBytes the buffers of one forward pass that lists its tensors (the Shapes page)
 * @param multiplyAddsPerToken multiply-adds of the forward pass per row and step; a training step
 *     takes about three times as many (forward, and two products per product backwards)
 * @param tokensPerStep {@code batch_size * num_steps}
 */
public record Footprint(
        long parameters,
        int bytesPerNumber,
        long modelBytes,
        long trainingBytes,
        long traceBytes,
        long multiplyAddsPerToken,
        long tokensPerStep) {

    /** Multiply-adds of a training step relative to its forward pass. */
    public static final int TRAINING_STEP_FACTOR = 3;

    public Footprint {
        if (parameters < 1 || modelBytes < 0 || trainingBytes < 0 || traceBytes < 0 || multiplyAddsPerToken < 0) {
            throw new IllegalArgumentException("a footprint counts positive amounts");
        }
    }

    /** Memory of a training run: the model and one step's buffers. */
    public long trainingTotalBytes() {
        return saturatingAdd(modelBytes, trainingBytes);
    }

    /** Memory of a traced forward pass: the model and the pass's buffers. */
    public long traceTotalBytes() {
        return saturatingAdd(modelBytes, traceBytes);
    }

    /** Multiply-adds of one forward pass over a minibatch. */
    public long forwardMultiplyAdds() {
        return saturatingMultiply(multiplyAddsPerToken, tokensPerStep);
    }

    /** Multiply-adds of one training step: forward and backward over a minibatch. */
    public long trainingStepMultiplyAdds() {
        return saturatingMultiply(forwardMultiplyAdds(), TRAINING_STEP_FACTOR);
    }

    /** Multiply-adds of generating: one row, one token at a time, for {@code tokens} tokens. */
    public long generationMultiplyAdds(long tokens) {
        return saturatingMultiply(multiplyAddsPerToken, tokens);
    }

    /**
     * A byte count from a sum computed in {@code double} (exact up to 2^53, and never wrapping
     * around as a {@code long} product of large sizes would), rounded up.
     */
    public static long bytes(double amount) {
        return amount >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(amount);
    }

    static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    static long saturatingMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
    }
}
