package org.rnnplayground.inside;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnnplayground.text.TokenCodec;

/**
 * A passage of a run's text, as tokens of its vocabulary, at most {@link
 * InsideLimits#MAX_PASSAGE_TOKENS}.
 *
 * @param tokens vocabulary indices, [n], n at least 2 (a token and the one it predicts)
 * @param shown each token as a reader sees it, [n]
 */
public record Passage(int[] tokens, List<String> shown) {

    public Passage {
        if (tokens.length < 2) {
            throw new IllegalArgumentException("a passage needs at least 2 tokens, got " + tokens.length);
        }
        if (tokens.length > InsideLimits.MAX_PASSAGE_TOKENS) {
            throw new IllegalArgumentException(
                    "a passage has at most " + InsideLimits.MAX_PASSAGE_TOKENS + " tokens, got " + tokens.length);
        }
        if (shown.size() != tokens.length) {
            throw new IllegalArgumentException("one shown token per token");
        }
        tokens = tokens.clone();
        shown = List.copyOf(shown);
    }

    /** The last {@code length} tokens of the run's text (fewer if it is shorter). */
    public static Passage endOf(int[] corpus, TokenCodec codec, int length) {
        int n = Math.min(Math.min(length, InsideLimits.MAX_PASSAGE_TOKENS), corpus.length);
        return of(Arrays.copyOfRange(corpus, corpus.length - n, corpus.length), codec);
    }

    /**
     * Tokens of the text's vocabulary, cut to {@link InsideLimits#MAX_PASSAGE_TOKENS}.
     *
     * @param tokens vocabulary indices, [n]
     */
    public static Passage of(int[] tokens, TokenCodec codec) {
        int[] kept = Arrays.copyOf(tokens, Math.min(tokens.length, InsideLimits.MAX_PASSAGE_TOKENS));
        List<String> shown = new ArrayList<>(kept.length);
        for (int t : kept) {
            shown.add(codec.vocab().tokenAt(t));
        }
        return new Passage(kept, shown);
    }

    public int length() {
        return tokens.length;
    }

    /** The model's inputs: every token but the last, one row, [1, n-1]. */
    int[][] inputs() {
        return new int[][] {Arrays.copyOf(tokens, tokens.length - 1)};
    }

    /** The labels: every token but the first, one row, [1, n-1]. */
    int[][] labels() {
        return new int[][] {Arrays.copyOfRange(tokens, 1, tokens.length)};
    }
}
