package org.rnnplayground.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of the n-grams of one order n over a flattened token sequence (d2l 8.3.2): the tokens of
 * all lines joined in order, so n-grams run across line ends, as the book's
 * {@code zip(corpus[:-1], corpus[1:])} over {@code [token for line in tokens for token in line]}.
 *
 * <p>Entries are ranked by descending count, ties in order of first appearance, like d2l's
 * {@code Vocab(bigram_tokens).token_freqs}. Ranks are 1-based. Immutable and thread-safe.
 *
 * <p>Counting works on integer token ids: an n-gram is the pair (id of its leading (n-1)-gram, id
 * of its last token) packed into one {@code long}, so no string is built per n-gram.
 */
public final class NGramCounts {
    private final int order;
    private final TokenizedText text;
    private final int[] counts; // [distinct], by rank
    private final int[] starts; // [distinct], position of the first occurrence, by rank

    private NGramCounts(int order, TokenizedText text, int[] counts, int[] starts) {
        this.order = order;
        this.text = text;
        this.counts = counts;
        this.starts = starts;
    }

    /**
     * Counts the n-grams of one order.
     *
     * @param tokenLines tokens per line, {@code [numLines][numTokensInLine]}, counted flattened
     * @param order n: 1 for unigrams, 2 for bigrams, 3 for trigrams, ...
     */
    public static NGramCounts count(List<? extends List<String>> tokenLines, int order) {
        return countUpTo(tokenLines, order).get(order - 1);
    }

    /**
     * Counts unigrams, bigrams, ... up to {@code maxOrder} in one pass per order.
     *
     * @param tokenLines tokens per line, {@code [numLines][numTokensInLine]}, counted flattened
     * @param maxOrder the largest n, {@code >= 1}
     * @return the counts for n = 1..maxOrder, {@code [maxOrder]}
     */
    public static List<NGramCounts> countUpTo(List<? extends List<String>> tokenLines, int maxOrder) {
        if (maxOrder < 1) {
            throw new IllegalArgumentException("n-gram order must be >= 1, got " + maxOrder);
        }
        TokenizedText text = TokenizedText.of(tokenLines);
        int[] ids = text.ids(); // [numTokens]
        List<NGramCounts> result = new ArrayList<>(maxOrder);

        // Unigrams: type ids already number tokens by first appearance.
        int numTypes = text.numTypes();
        int[] unigramCounts = new int[numTypes];
        int[] unigramStarts = new int[numTypes];
        for (int t = 0, i = 0; t < numTypes; t++) {
            unigramCounts[t] = text.typeCount(t);
            while (ids[i] != t) {
                i++;
            }
            unigramStarts[t] = i;
        }
        result.add(ranked(1, text, unigramCounts, unigramStarts, numTypes));

        int[] prefixIds = ids; // id of the (n-1)-gram starting at each position
        for (int n = 2; n <= maxOrder; n++) {
            int numGrams = Math.max(0, ids.length - n + 1);
            int[] gramIds = new int[numGrams];
            LongIntMap index = new LongIntMap(1024);
            int[] gramCounts = new int[1024];
            int[] gramStarts = new int[1024];
            int distinct = 0;
            for (int i = 0; i < numGrams; i++) {
                int id = index.putIfAbsent(LongIntMap.pack(prefixIds[i], ids[i + n - 1]), distinct);
                if (id < 0) {
                    id = distinct++;
                    if (id == gramCounts.length) {
                        gramCounts = Arrays.copyOf(gramCounts, id * 2);
                        gramStarts = Arrays.copyOf(gramStarts, id * 2);
                    }
                    gramStarts[id] = i;
                }
                gramCounts[id]++;
                gramIds[i] = id;
            }
            result.add(ranked(n, text, gramCounts, gramStarts, distinct));
            prefixIds = gramIds;
        }
        return List.copyOf(result);
    }

    /** Sorts ids (numbered by first appearance) by descending count, ties by id. */
    private static NGramCounts ranked(int order, TokenizedText text, int[] counts, int[] starts, int distinct) {
        long[] keys = new long[distinct];
        for (int id = 0; id < distinct; id++) {
            keys[id] = LongIntMap.pack(Integer.MAX_VALUE - counts[id], id);
        }
        Arrays.sort(keys);
        int[] rankedCounts = new int[distinct];
        int[] rankedStarts = new int[distinct];
        for (int r = 0; r < distinct; r++) {
            int id = (int) keys[r];
            rankedCounts[r] = counts[id];
            rankedStarts[r] = starts[id];
        }
        return new NGramCounts(order, text, rankedCounts, rankedStarts);
    }

    /** @return n */
    public int order() {
        return order;
    }

    /** @return the number of distinct n-grams, the highest rank */
    public int distinct() {
        return counts.length;
    }

    /** @return the number of n-gram occurrences, {@code max(0, numTokens - n + 1)} */
    public long total() {
        return Math.max(0, text.numTokens() - order + 1L);
    }

    /**
     * @param rank 1-based rank, {@code 1 <= rank <= distinct()}
     * @return the n-gram at that rank with its count
     */
    public NGram atRank(int rank) {
        if (rank < 1 || rank > counts.length) {
            throw new IndexOutOfBoundsException("rank " + rank + " is outside [1, " + counts.length + "]");
        }
        int start = starts[rank - 1];
        List<String> tokens = new ArrayList<>(order);
        for (int k = 0; k < order; k++) {
            tokens.add(text.type(text.ids()[start + k]));
        }
        return new NGram(tokens, counts[rank - 1]);
    }

    /** @return the {@code min(n, distinct())} most frequent n-grams, rank order */
    public List<NGram> top(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        List<NGram> top = new ArrayList<>();
        for (int rank = 1; rank <= Math.min(n, counts.length); rank++) {
            top.add(atRank(rank));
        }
        return List.copyOf(top);
    }

    /** @return the count at a 1-based rank */
    public int frequencyAt(int rank) {
        if (rank < 1 || rank > counts.length) {
            throw new IndexOutOfBoundsException("rank " + rank + " is outside [1, " + counts.length + "]");
        }
        return counts[rank - 1];
    }

    /** @return all counts in rank order, {@code [distinct()]}, a copy */
    public int[] frequencies() {
        return counts.clone();
    }

    /**
     * Frequency against rank for a log-log chart, at most {@code maxPoints} points: every rank when
     * there are few, otherwise ranks spaced evenly in {@code ln rank}, always with the first and the
     * last rank.
     *
     * @param maxPoints at most this many points, {@code >= 2}
     * @return points in increasing rank
     */
    public List<RankFrequency> rankFrequencies(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be >= 2, got " + maxPoints);
        }
        int n = counts.length;
        List<RankFrequency> points = new ArrayList<>(Math.min(n, maxPoints));
        int lastRank = 0;
        for (int k = 0; k < Math.min(n, maxPoints); k++) {
            int rank = n <= maxPoints ? k + 1 : (int) Math.round(Math.exp(Math.log(n) * k / (maxPoints - 1)));
            if (rank > lastRank) {
                points.add(new RankFrequency(rank, counts[rank - 1]));
                lastRank = rank;
            }
        }
        return List.copyOf(points);
    }

    /**
     * Fits Zipf's law to the most frequent share of the ranks ({@link ZipfFit#fit(int[], double)}).
     *
     * @param share fraction of ranks to fit, {@code 0 < share <= 1}
     */
    public ZipfFit zipfFit(double share) {
        return ZipfFit.fit(counts, share);
    }

    @Override
    public String toString() {
        return "NGramCounts[order=" + order + ", distinct=" + distinct() + ", total=" + total() + "]";
    }
}
