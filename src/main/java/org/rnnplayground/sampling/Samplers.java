package org.rnnplayground.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The book's two minibatch iterators, {@code seq_data_iter_random} and {@code
 * seq_data_iter_sequential} (d2l 8.3.4).
 *
 * <p>Each epoch draws, from the given generator and in this order: the offset ({@code
 * rng.nextInt(maxOffset + 1)}), then for random sampling a Fisher–Yates shuffle of the subsequence
 * starts ({@code rng.nextInt(i + 1)} for {@code i} from the last index down to 1, as Python's {@code
 * random.shuffle}). The same generator state therefore gives the same layout, whether it is
 * materialised by {@link #epoch} or walked by {@link #iterator}.
 *
 * <p>The corpus array is read, never copied or changed; it must not change while an iterator is in
 * use.
 */
public final class Samplers {

    private Samplers() {}

    /**
     * The generator this app uses for a seed the user can see: {@code new SplittableRandom(seed)},
     * whose algorithm is specified by the JDK, so a seed gives the same layouts on every JDK.
     */
    public static RandomGenerator rng(long seed) {
        return new SplittableRandom(seed);
    }

    /**
     * One epoch's whole layout, with a freshly drawn offset.
     *
     * @param corpus token indices, [corpus_length]
     * @param rng source of the offset and, for random sampling, the shuffle
     * @throws IllegalArgumentException with {@link SamplerConfig#problem}'s message when the corpus is
     *     too short for {@code batchSize} and {@code numSteps}
     */
    public static EpochLayout epoch(SamplerKind kind, int[] corpus, int batchSize, int numSteps, RandomGenerator rng) {
        requireValid(kind, corpus, batchSize, numSteps, rng);
        return layout(kind, corpus, batchSize, numSteps, plan(kind, corpus.length, batchSize, numSteps, rng));
    }

    /**
     * One epoch's whole layout with a chosen offset, e.g. to show every offset of the book's example.
     * For random sampling {@code rng} still shuffles the subsequences.
     *
     * @param corpus token indices, [corpus_length]
     * @param offset in {@code [0, kind.maxOffset(numSteps)]}
     */
    public static EpochLayout epoch(
            SamplerKind kind, int[] corpus, int batchSize, int numSteps, int offset, RandomGenerator rng) {
        requireValid(kind, corpus, batchSize, numSteps, rng);
        requireOffset(kind, numSteps, offset);
        return layout(kind, corpus, batchSize, numSteps, plan(kind, corpus.length, batchSize, numSteps, offset, rng));
    }

    /**
     * One epoch for training: the offset and shuffle are drawn now (as {@link #epoch} would draw
     * them), the token arrays of each minibatch only when it is reached.
     *
     * @param corpus token indices, [corpus_length]; must not change while iterating
     */
    public static Iterator<Minibatch> iterator(
            SamplerKind kind, int[] corpus, int batchSize, int numSteps, RandomGenerator rng) {
        requireValid(kind, corpus, batchSize, numSteps, rng);
        EpochPlan plan = plan(kind, corpus.length, batchSize, numSteps, rng);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < plan.numBatches();
            }

            @Override
            public Minibatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int index = next++;
                return minibatch(index, corpus, plan.rowStarts()[index], numSteps);
            }
        };
    }

    /**
     * Number of minibatches the book's formulas give for a given offset: {@code ((L - offset - 1) //
     * num_steps) // batch_size} for random sampling, {@code ((L - offset - 1) // batch_size) //
     * num_steps} for sequential partitioning.
     */
    public static int numBatches(SamplerKind kind, int corpusLength, int batchSize, int numSteps, int offset) {
        int usable = corpusLength - offset - 1;
        return switch (kind) {
            case RANDOM -> (usable / numSteps) / batchSize;
            case SEQUENTIAL -> (usable / batchSize) / numSteps;
        };
    }

    /**
     * How many times each corpus position is an input ({@code X}) token over {@code epochs} epochs
     * drawn from {@link #rng(long) rng(seed)}.
     *
     * @return counts, [corpus_length]
     */
    public static int[] coverage(
            SamplerKind kind, int corpusLength, int batchSize, int numSteps, int epochs, long seed) {
        return coverageStats(kind, corpusLength, batchSize, numSteps, epochs, seed)
                .counts();
    }

    /**
     * Coverage counts together with each epoch's offset (the tokens it discarded) and input count.
     * Epoch {@code e} is the layout {@link #epoch} gives for the {@code e}-th call on one {@link
     * #rng(long) rng(seed)}.
     */
    public static Coverage coverageStats(
            SamplerKind kind, int corpusLength, int batchSize, int numSteps, int epochs, long seed) {
        Objects.requireNonNull(kind, "kind");
        SamplerConfig.requireFits(corpusLength, batchSize, numSteps);
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be at least 0, was " + epochs);
        }
        RandomGenerator rng = rng(seed);
        int[] counts = new int[corpusLength];
        int[] offsets = new int[epochs];
        int[] inputTokens = new int[epochs];
        for (int e = 0; e < epochs; e++) {
            EpochPlan plan = plan(kind, corpusLength, batchSize, numSteps, rng);
            offsets[e] = plan.offset();
            inputTokens[e] = plan.numBatches() * batchSize * numSteps;
            for (int[] batch : plan.rowStarts()) {
                for (int start : batch) {
                    for (int t = 0; t < numSteps; t++) {
                        counts[start + t]++; // in place: this method's own array
                    }
                }
            }
        }
        return new Coverage(kind, batchSize, numSteps, seed, counts, offsets, inputTokens);
    }

    static EpochPlan plan(SamplerKind kind, int corpusLength, int batchSize, int numSteps, RandomGenerator rng) {
        int offset = rng.nextInt(kind.maxOffset(numSteps) + 1);
        return plan(kind, corpusLength, batchSize, numSteps, offset, rng);
    }

    static EpochPlan plan(
            SamplerKind kind, int corpusLength, int batchSize, int numSteps, int offset, RandomGenerator rng) {
        return switch (kind) {
            case RANDOM -> planRandom(corpusLength, batchSize, numSteps, offset, rng);
            case SEQUENTIAL -> planSequential(corpusLength, batchSize, numSteps, offset);
        };
    }

    /** {@code seq_data_iter_random}, positions only. */
    private static EpochPlan planRandom(
            int corpusLength, int batchSize, int numSteps, int offset, RandomGenerator rng) {
        // corpus = corpus[offset:]; the -1 leaves room for the last label
        int numSubseqs = (corpusLength - offset - 1) / numSteps;
        // initial_indices, as positions in the original corpus: offset + k * num_steps
        int[] initialIndices = new int[numSubseqs];
        for (int k = 0; k < numSubseqs; k++) {
            initialIndices[k] = offset + k * numSteps;
        }
        shuffle(initialIndices, rng);
        int numBatches = numSubseqs / batchSize;
        int[][] rowStarts = new int[numBatches][]; // [num_batches][batch_size]
        for (int k = 0; k < numBatches; k++) {
            rowStarts[k] = Arrays.copyOfRange(initialIndices, k * batchSize, (k + 1) * batchSize);
        }
        return new EpochPlan(offset, corpusLength - offset - numSubseqs * numSteps, rowStarts);
    }

    /** {@code seq_data_iter_sequential}, positions only. */
    private static EpochPlan planSequential(int corpusLength, int batchSize, int numSteps, int offset) {
        int numTokens = ((corpusLength - offset - 1) / batchSize) * batchSize;
        int rowLength = numTokens / batchSize; // Xs.shape[1] after reshape(batch_size, -1)
        int numBatches = rowLength / numSteps;
        int[][] rowStarts = new int[numBatches][batchSize]; // [num_batches][batch_size]
        for (int k = 0; k < numBatches; k++) {
            for (int i = 0; i < batchSize; i++) {
                rowStarts[k][i] = offset + i * rowLength + k * numSteps; // Xs[i, k*num_steps]
            }
        }
        return new EpochPlan(offset, corpusLength - offset - numTokens, rowStarts);
    }

    /** Fisher–Yates, in place on {@code values}, in the order of Python's {@code random.shuffle}. */
    private static void shuffle(int[] values, RandomGenerator rng) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private static EpochLayout layout(SamplerKind kind, int[] corpus, int batchSize, int numSteps, EpochPlan plan) {
        List<Minibatch> minibatches = new ArrayList<>(plan.numBatches());
        for (int k = 0; k < plan.numBatches(); k++) {
            minibatches.add(minibatch(k, corpus, plan.rowStarts()[k], numSteps));
        }
        return new EpochLayout(
                kind,
                batchSize,
                numSteps,
                plan.offset(),
                plan.offset(),
                plan.discardedTail(),
                minibatches,
                corpus.length);
    }

    /**
     * @param rowStarts [batch_size]
     * @return X and Y, each [batch_size][num_steps], Y shifted one position right of X
     */
    private static Minibatch minibatch(int index, int[] corpus, int[] rowStarts, int numSteps) {
        int[][] x = new int[rowStarts.length][];
        int[][] y = new int[rowStarts.length][];
        for (int i = 0; i < rowStarts.length; i++) {
            int start = rowStarts[i];
            x[i] = Arrays.copyOfRange(corpus, start, start + numSteps);
            y[i] = Arrays.copyOfRange(corpus, start + 1, start + 1 + numSteps);
        }
        return new Minibatch(index, x, y, rowStarts);
    }

    private static void requireValid(SamplerKind kind, int[] corpus, int batchSize, int numSteps, RandomGenerator rng) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(rng, "rng");
        SamplerConfig.requireFits(corpus.length, batchSize, numSteps);
    }

    private static void requireOffset(SamplerKind kind, int numSteps, int offset) {
        if (offset < 0 || offset > kind.maxOffset(numSteps)) {
            throw new IllegalArgumentException("offset must be between 0 and " + kind.maxOffset(numSteps) + " for "
                    + kind + " with num_steps=" + numSteps + ", was " + offset);
        }
    }
}
