package org.rnnplayground.sampling;

import java.util.Optional;

/**
 * A validated {@code batch_size} and {@code num_steps}.
 *
 * <p>A corpus of {@code L} tokens fits when both methods give at least one minibatch whatever
 * offset is drawn. The worst offsets are {@code num_steps - 1} for random sampling, which needs
 * {@code L >= (batch_size + 1) * num_steps}, and {@code num_steps} for sequential partitioning,
 * which needs one more token; so {@code L >= (batch_size + 1) * num_steps + 1}. The static methods
 * give the ranges and a message the UI can show next to the field.
 *
 * @param batchSize rows per minibatch, {@code batch_size >= 1}
 * @param numSteps time steps per row, {@code num_steps >= 1}
 */
public record SamplerConfig(int batchSize, int numSteps) {

    /** Shortest corpus with one minibatch at all: {@code batch_size = num_steps = 1}. */
    public static final int MIN_CORPUS_LENGTH = 3;

    public SamplerConfig {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be at least 1, was " + batchSize);
        }
        if (numSteps < 1) {
            throw new IllegalArgumentException("num_steps must be at least 1, was " + numSteps);
        }
    }

    /**
     * A config checked against a corpus.
     *
     * @throws IllegalArgumentException with {@link #problem}'s message when it does not fit
     */
    public static SamplerConfig of(int corpusLength, int batchSize, int numSteps) {
        requireFits(corpusLength, batchSize, numSteps);
        return new SamplerConfig(batchSize, numSteps);
    }

    /** Checks this config against a corpus, as {@link #requireFits}. */
    public SamplerConfig checkFits(int corpusLength) {
        requireFits(corpusLength, batchSize, numSteps);
        return this;
    }

    /** Whether this config gives at least one minibatch for both methods and every offset. */
    public boolean fits(int corpusLength) {
        return problem(corpusLength, batchSize, numSteps).isEmpty();
    }

    /**
     * Shortest corpus for which both methods give at least one minibatch for every offset: {@code
     * (batch_size + 1) * num_steps + 1}, as a long since it may exceed {@code int}.
     */
    public static long minCorpusLength(int batchSize, int numSteps) {
        return ((long) batchSize + 1) * numSteps + 1;
    }

    /**
     * Largest valid {@code batch_size} for this corpus and {@code num_steps >= 1}: {@code
     * (L - 1) / num_steps - 1}; below 1 when no batch size fits.
     */
    public static int maxBatchSize(int corpusLength, int numSteps) {
        if (numSteps < 1) {
            throw new IllegalArgumentException("num_steps must be at least 1, was " + numSteps);
        }
        return (corpusLength - 1) / numSteps - 1;
    }

    /**
     * Largest valid {@code num_steps} for this corpus and {@code batch_size >= 1}: {@code
     * (L - 1) / (batch_size + 1)}; below 1 when no number of steps fits.
     */
    public static int maxNumSteps(int corpusLength, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be at least 1, was " + batchSize);
        }
        return (int) ((corpusLength - 1L) / ((long) batchSize + 1));
    }

    /**
     * What is wrong with these values for a corpus, or empty when they fit. The message names the
     * field to change and its valid range, e.g. "batch_size must be between 1 and 5 for a corpus of
     * 35 tokens with num_steps=5". {@code num_steps} is checked first, against its range with
     * {@code batch_size=1}; then {@code batch_size} against its range for the given {@code
     * num_steps}.
     */
    public static Optional<String> problem(int corpusLength, int batchSize, int numSteps) {
        if (corpusLength < MIN_CORPUS_LENGTH) {
            return Optional.of("the corpus has " + corpusLength + " tokens; at least " + MIN_CORPUS_LENGTH
                    + " are needed for one minibatch (batch_size=1, num_steps=1)");
        }
        int maxNumSteps = maxNumSteps(corpusLength, 1);
        if (numSteps < 1 || numSteps > maxNumSteps) {
            return Optional.of("num_steps must be between 1 and " + maxNumSteps + " for a corpus of " + corpusLength
                    + " tokens (with batch_size=1)");
        }
        int maxBatchSize = maxBatchSize(corpusLength, numSteps);
        if (batchSize < 1 || batchSize > maxBatchSize) {
            return Optional.of("batch_size must be between 1 and " + maxBatchSize + " for a corpus of " + corpusLength
                    + " tokens with num_steps=" + numSteps);
        }
        return Optional.empty();
    }

    /**
     * @throws IllegalArgumentException with {@link #problem}'s message when the values do not fit
     */
    public static void requireFits(int corpusLength, int batchSize, int numSteps) {
        problem(corpusLength, batchSize, numSteps).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
    }
}
