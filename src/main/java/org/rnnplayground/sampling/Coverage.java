package org.rnnplayground.sampling;

import java.util.Arrays;

/**
 * How often each corpus position is an input token over several epochs (d2l exercise 8.3.5). Built
 * by {@link Samplers#coverageStats}.
 *
 * <p>The arrays are shared, not copied: callers must not mutate them.
 *
 * @param kind how the corpus was cut
 * @param batchSize rows per minibatch
 * @param numSteps time steps per row
 * @param seed the seed of {@link Samplers#rng(long)} that drew the epochs
 * @param counts times each position was an input ({@code X}) token, [corpus_length]
 * @param offsets the offset drawn each epoch, i.e. the leading tokens it discarded, [epochs]
 * @param inputTokensPerEpoch input positions per epoch, {@code num_batches * batch_size *
 *     num_steps}, [epochs]
 */
public record Coverage(
        SamplerKind kind,
        int batchSize,
        int numSteps,
        long seed,
        int[] counts,
        int[] offsets,
        int[] inputTokensPerEpoch) {

    public Coverage {
        if (offsets.length != inputTokensPerEpoch.length) {
            throw new IllegalArgumentException("offsets and inputTokensPerEpoch must have one entry per epoch");
        }
    }

    /** Number of epochs counted. */
    public int epochs() {
        return offsets.length;
    }

    /** Number of tokens in the corpus. */
    public int corpusLength() {
        return counts.length;
    }

    /** Mean number of leading tokens the offset discarded per epoch; 0 for no epochs. */
    public double meanDiscardedHead() {
        return Arrays.stream(offsets).average().orElse(0);
    }

    /** Positions that were never an input in any of the epochs. */
    public int neverUsed() {
        return (int) Arrays.stream(counts).filter(c -> c == 0).count();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Coverage other
                && kind == other.kind
                && batchSize == other.batchSize
                && numSteps == other.numSteps
                && seed == other.seed
                && Arrays.equals(counts, other.counts)
                && Arrays.equals(offsets, other.offsets)
                && Arrays.equals(inputTokensPerEpoch, other.inputTokensPerEpoch);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + Arrays.hashCode(counts)) + Arrays.hashCode(offsets);
    }

    @Override
    public String toString() {
        return "Coverage[kind=" + kind + ", batchSize=" + batchSize + ", numSteps=" + numSteps + ", seed=" + seed
                + ", epochs=" + epochs() + ", corpusLength=" + corpusLength() + ", meanDiscardedHead="
                + meanDiscardedHead() + "]";
    }
}
