package org.rnnplayground.inside;

/** What one request of the Inside page may cost, checked on the server whatever the browser sends. */
public final class InsideLimits {

    /** Tokens of a passage: steps of its forward pass and spans of its text. */
    public static final int MAX_PASSAGE_TOKENS = 300;

    /** Units drawn in the heatmap and listed by "find units". */
    public static final int MAX_UNITS_SHOWN = 128;

    /** Next tokens listed per position. */
    public static final int TOP_K = 5;

    private InsideLimits() {}
}
