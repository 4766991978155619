package org.rnnplayground.sampling;

/** The two ways d2l 8.3.4 cuts a corpus into minibatches. */
public enum SamplerKind {
    /**
     * Random sampling ({@code seq_data_iter_random}): subsequences are shuffled, so adjacent
     * minibatches are not adjacent in the corpus and the hidden state starts from zero for every
     * minibatch.
     */
    RANDOM,

    /**
     * Sequential partitioning ({@code seq_data_iter_sequential}): row {@code i} of minibatch {@code
     * k + 1} continues row {@code i} of minibatch {@code k}, so the hidden state may carry over.
     */
    SEQUENTIAL;

    /**
     * Largest random offset the book draws: {@code random.randint(0, num_steps - 1)} for random
     * sampling, {@code random.randint(0, num_steps)} for sequential partitioning (both inclusive).
     */
    public int maxOffset(int numSteps) {
        return this == RANDOM ? numSteps - 1 : numSteps;
    }

    /** Expected number of leading tokens the offset discards per epoch, {@code maxOffset / 2}. */
    public double meanOffset(int numSteps) {
        return maxOffset(numSteps) / 2.0;
    }

    /** Whether the hidden state may be carried from one minibatch to the next. */
    public boolean carriesState() {
        return this == SEQUENTIAL;
    }
}
