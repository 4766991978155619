package org.rnnplayground.sampling;

import java.util.List;

/**
 * The whole layout of one epoch: where the offset cut the corpus, and which corpus spans each row
 * of each minibatch covers. Built by {@link Samplers#epoch}.
 *
 * <p>Every corpus position falls in exactly one of: the discarded head ({@code [0, offset)}), the
 * partitioned region, or the discarded tail ({@code [corpusLength - discardedTail,
 * corpusLength)}). Inside the partitioned region, random sampling leaves the subsequences that do
 * not fill a last minibatch unused, and sequential partitioning leaves the end of each row that
 * does not fill {@code num_steps} columns unused; {@link #unusedTokens()} counts all positions never
 * used as an input.
 *
 * @param kind how the corpus was cut
 * @param batchSize rows per minibatch, {@code batch_size}
 * @param numSteps time steps per row, {@code num_steps}
 * @param offset the random offset drawn for this epoch, in {@code [0, kind.maxOffset(numSteps)]}
 * @param discardedHead tokens skipped by the offset at the start of the corpus; equals {@code
 *     offset}
 * @param discardedTail tokens after the partitioned region; never an input, at least 1 (the last
 *     token can only be a label)
 * @param minibatches the epoch's minibatches in order, at least one
 * @param corpusLength number of tokens in the corpus
 */
public record EpochLayout(
        SamplerKind kind,
        int batchSize,
        int numSteps,
        int offset,
        int discardedHead,
        int discardedTail,
        List<Minibatch> minibatches,
        int corpusLength) {

    public EpochLayout {
        if (offset < 0 || offset > kind.maxOffset(numSteps)) {
            throw new IllegalArgumentException(
                    "offset must be between 0 and " + kind.maxOffset(numSteps) + ", was " + offset);
        }
        if (discardedHead != offset) {
            throw new IllegalArgumentException("discardedHead must equal offset " + offset + ", was " + discardedHead);
        }
        if (discardedTail < 1 || offset + discardedTail > corpusLength) {
            throw new IllegalArgumentException("discardedTail " + discardedTail + " does not fit a corpus of "
                    + corpusLength + " tokens with offset " + offset);
        }
        minibatches = List.copyOf(minibatches);
    }

    /** Number of minibatches in this epoch. */
    public int numBatches() {
        return minibatches.size();
    }

    /** Positions used as an input token this epoch: {@code numBatches * batchSize * numSteps}. */
    public int inputTokens() {
        return numBatches() * batchSize * numSteps;
    }

    /** Positions never used as an input this epoch: head, tail and unused pieces in between. */
    public int unusedTokens() {
        return corpusLength - inputTokens();
    }

    /**
     * How many times each corpus position is an input ({@code X}) token this epoch: 0 or 1.
     *
     * @return counts, [corpus_length]
     */
    public int[] coverage() {
        int[] counts = new int[corpusLength];
        for (Minibatch batch : minibatches) {
            for (int start : batch.rowStarts()) {
                for (int t = 0; t < numSteps; t++) {
                    counts[start + t]++;
                }
            }
        }
        return counts;
    }
}
