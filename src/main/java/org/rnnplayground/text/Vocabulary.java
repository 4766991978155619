package org.rnnplayground.text;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * d2l's {@code Vocab} (8.2.3): a two-way map between tokens and indices.
 *
 * <p>Index 0 is {@value #UNK}; then come the reserved tokens in the order given; then the counted
 * tokens by descending frequency, ties in order of first appearance, which is exactly Python's
 * stable {@code sorted(counter.items(), key=lambda x: x[1], reverse=True)} over a {@code Counter}
 * built by iterating the tokens in order. Tokens with a count below {@code minFreq} are left out
 * (d2l: {@code if freq < min_freq: break}) and map to index 0; so do tokens never seen. A counted
 * token equal to {@code <unk>} or to a reserved token keeps its earlier index.
 *
 * <p>Immutable and thread-safe.
 */
public final class Vocabulary {
    /** The unknown token, always at index {@value #UNK_INDEX}. */
    public static final String UNK = "<unk>";

    /** Index of {@link #UNK}. */
    public static final int UNK_INDEX = 0;

    private final List<String> idxToToken;
    /** Every counted token, most frequent first, ties by first appearance: d2l's {@code token_freqs}. */
    private final String[] rankedTokens;

    private final int[] rankedCounts;
    /** Counted token to its place in {@link #rankedTokens}. */
    private final StringIntMap rankOf;
    /** Index of each counted token, or -1 when it is left out (below {@code minFreq}). */
    private final int[] indexOfRank;
    /** {@code <unk>} and the reserved tokens to their indices. */
    private final StringIntMap fixedIndex;

    private final int[] frequencyOfIndex;
    private final int minFreq;
    private final List<String> reservedTokens;

    private Vocabulary(
            List<String> idxToToken,
            String[] rankedTokens,
            int[] rankedCounts,
            StringIntMap rankOf,
            int[] indexOfRank,
            StringIntMap fixedIndex,
            int minFreq,
            List<String> reservedTokens) {
        this.idxToToken = idxToToken;
        this.rankedTokens = rankedTokens;
        this.rankedCounts = rankedCounts;
        this.rankOf = rankOf;
        this.indexOfRank = indexOfRank;
        this.fixedIndex = fixedIndex;
        this.minFreq = minFreq;
        this.reservedTokens = reservedTokens;
        this.frequencyOfIndex = new int[idxToToken.size()];
        for (int i = 0; i < frequencyOfIndex.length; i++) {
            frequencyOfIndex[i] = frequency(idxToToken.get(i));
        }
    }

    /**
     * d2l's {@code Vocab(tokens, min_freq, reserved_tokens)} over a 2D token list, counted
     * flattened (line by line, token by token).
     *
     * @param lines tokens per line, {@code [numLines][numTokensInLine]}
     * @param minFreq tokens seen fewer times are left out; 0 or 1 keeps all
     * @param reservedTokens tokens placed right after {@code <unk>}, distinct and not {@code <unk>}
     * @return the vocabulary
     */
    public static Vocabulary of(List<? extends List<String>> lines, int minFreq, List<String> reservedTokens) {
        if (lines instanceof TokenizedText text) {
            return text.vocabulary(minFreq, reservedTokens);
        }
        Map<String, int[]> counter = new LinkedHashMap<>();
        for (List<String> line : lines) {
            for (String token : line) {
                counter.computeIfAbsent(token, t -> new int[1])[0]++;
            }
        }
        return fromCounter(counter, minFreq, reservedTokens);
    }

    /** {@link #of(List, int, List)} with {@code minFreq} 0 and no reserved tokens. */
    public static Vocabulary of(List<? extends List<String>> lines) {
        return of(lines, 0, List.of());
    }

    /**
     * d2l's {@code Vocab} over a flat token list (d2l 8.3 builds its vocabularies this way).
     *
     * @param tokens the tokens in order, {@code [numTokens]}
     * @param minFreq tokens seen fewer times are left out
     * @param reservedTokens tokens placed right after {@code <unk>}
     * @return the vocabulary
     */
    public static Vocabulary ofTokens(List<String> tokens, int minFreq, List<String> reservedTokens) {
        return of(List.of(tokens), minFreq, reservedTokens);
    }

    private static Vocabulary fromCounter(Map<String, int[]> counter, int minFreq, List<String> reservedTokens) {
        String[] types = new String[counter.size()];
        int[] typeCounts = new int[counter.size()];
        int t = 0;
        for (Map.Entry<String, int[]> entry : counter.entrySet()) {
            types[t] = entry.getKey();
            typeCounts[t++] = entry.getValue()[0];
        }
        return fromCounter(types, typeCounts, minFreq, reservedTokens);
    }

    /**
     * Builds the vocabulary from a counter.
     *
     * @param types distinct tokens in order of first appearance, {@code [numTypes]}
     * @param typeCounts their counts, each at least 1, {@code [numTypes]}
     */
    static Vocabulary fromCounter(String[] types, int[] typeCounts, int minFreq, List<String> reservedTokens) {
        if (minFreq < 0) {
            throw new IllegalArgumentException("minFreq must be >= 0 (d2l min_freq), got " + minFreq);
        }
        List<String> reserved = checkReserved(reservedTokens);
        // Sort by descending count, ties by first appearance: pack (MAX - count, typeId) into a long.
        long[] order = new long[types.length];
        for (int t = 0; t < types.length; t++) {
            order[t] = LongIntMap.pack(Integer.MAX_VALUE - typeCounts[t], t);
        }
        Arrays.sort(order);

        List<String> idxToToken = new ArrayList<>(types.length + 1 + reserved.size());
        idxToToken.add(UNK);
        idxToToken.addAll(reserved);
        StringIntMap fixedIndex = new StringIntMap(idxToToken.size());
        for (int i = 0; i < idxToToken.size(); i++) {
            fixedIndex.putIfAbsent(idxToToken.get(i), i);
        }
        String[] rankedTokens = new String[types.length];
        int[] rankedCounts = new int[types.length];
        int[] indexOfRank = new int[types.length];
        StringIntMap rankOf = new StringIntMap(types.length);
        for (int r = 0; r < order.length; r++) {
            int t = (int) order[r];
            rankedTokens[r] = types[t];
            rankedCounts[r] = typeCounts[t];
            rankOf.putIfAbsent(types[t], r);
            int fixed = fixedIndex.get(types[t]);
            if (fixed != StringIntMap.ABSENT) {
                indexOfRank[r] = fixed; // keeps its earlier index
            } else if (typeCounts[t] >= minFreq) {
                indexOfRank[r] = idxToToken.size();
                idxToToken.add(types[t]);
            } else {
                indexOfRank[r] = -1;
            }
        }
        return new Vocabulary(
                Collections.unmodifiableList(idxToToken),
                rankedTokens,
                rankedCounts,
                rankOf,
                indexOfRank,
                fixedIndex,
                minFreq,
                reserved);
    }

    private static List<String> checkReserved(List<String> reservedTokens) {
        Objects.requireNonNull(reservedTokens, "reservedTokens (use List.of() for none)");
        Set<String> seen = new HashSet<>();
        for (String token : reservedTokens) {
            if (token == null || token.isEmpty()) {
                throw new IllegalArgumentException("reserved tokens must be non-empty strings, got " + reservedTokens);
            }
            if (token.equals(UNK)) {
                throw new IllegalArgumentException(
                        UNK + " is always index 0; do not list it among the reserved tokens");
            }
            if (!seen.add(token)) {
                throw new IllegalArgumentException(
                        "reserved token '" + token + "' is listed twice in " + reservedTokens);
            }
        }
        return List.copyOf(reservedTokens);
    }

    /** @return {@code vocabSize}, d2l's {@code len(vocab)}: {@code <unk>}, reserved and kept tokens */
    public int vocabSize() {
        return idxToToken.size();
    }

    /**
     * d2l's {@code vocab[token]}.
     *
     * @return the token's index, or {@link #UNK_INDEX} for a token not in the vocabulary
     */
    public int indexOf(String token) {
        int index = ownIndex(token);
        return index >= 0 ? index : UNK_INDEX;
    }

    /** @return whether {@code token} has an index of its own */
    public boolean contains(String token) {
        return ownIndex(token) >= 0;
    }

    /** The token's own index, or -1 when it has none. */
    private int ownIndex(String token) {
        int rank = rankOf.get(token);
        if (rank != StringIntMap.ABSENT) {
            return indexOfRank[rank];
        }
        return fixedIndex.get(token);
    }

    /**
     * d2l's {@code vocab[tokens]}.
     *
     * @param tokens tokens, {@code [n]}
     * @return their indices, {@code [n]}
     */
    public int[] encode(List<String> tokens) {
        int[] indices = new int[tokens.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = indexOf(tokens.get(i));
        }
        return indices;
    }

    /**
     * d2l's {@code vocab.to_tokens(index)}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < vocabSize}
     */
    public String tokenAt(int index) {
        if (index < 0 || index >= idxToToken.size()) {
            throw new IndexOutOfBoundsException(
                    "index " + index + " is outside the vocabulary [0, " + vocabSize() + ")");
        }
        return idxToToken.get(index);
    }

    /**
     * d2l's {@code vocab.to_tokens(indices)}.
     *
     * @param indices indices, {@code [n]}
     * @return their tokens, {@code [n]}
     */
    public List<String> decode(int[] indices) {
        List<String> tokens = new ArrayList<>(indices.length);
        for (int index : indices) {
            tokens.add(tokenAt(index));
        }
        return List.copyOf(tokens);
    }

    /** @return how often {@code token} occurs in the counted text (0 if never), kept or not */
    public int frequency(String token) {
        int rank = rankOf.get(token);
        return rank == StringIntMap.ABSENT ? 0 : rankedCounts[rank];
    }

    /** @return how often the token at {@code index} occurs in the counted text (0 for an unseen {@code <unk>}) */
    public int frequencyAt(int index) {
        tokenAt(index); // the same bounds check
        return frequencyOfIndex[index];
    }

    /** @return all tokens, index order, {@code [vocabSize]}; d2l's {@code idx_to_token} */
    public List<String> idxToToken() {
        return idxToToken;
    }

    /**
     * @return every counted token with its count, most frequent first, ties by first appearance,
     *     including those below {@code minFreq}; d2l's {@code token_freqs}
     */
    public List<TokenFrequency> tokenFreqs() {
        return new AbstractList<>() {
            @Override
            public TokenFrequency get(int rank) {
                return new TokenFrequency(rankedTokens[rank], rankedCounts[rank]);
            }

            @Override
            public int size() {
                return rankedTokens.length;
            }
        };
    }

    public int minFreq() {
        return minFreq;
    }

    public List<String> reservedTokens() {
        return reservedTokens;
    }

    @Override
    public String toString() {
        return "Vocabulary[vocabSize=" + vocabSize() + ", minFreq=" + minFreq + ", reservedTokens=" + reservedTokens
                + "]";
    }
}
