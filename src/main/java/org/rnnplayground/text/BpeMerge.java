package org.rnnplayground.text;

import java.util.Objects;

/**
 * One learned byte-pair-encoding merge: the adjacent pair of symbols {@code (left, right)} that was
 * the most frequent when it was chosen, and the symbol they became.
 *
 * @param left the left symbol
 * @param right the right symbol
 * @param merged the new symbol, {@code left + right}
 * @param count how many times the pair occurred in the text when it was chosen, at least 1
 */
public record BpeMerge(String left, String right, String merged, int count) {
    public BpeMerge {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(merged, "merged");
        if (left.isEmpty() || right.isEmpty()) {
            throw new IllegalArgumentException("BPE symbols must not be empty, got ('" + left + "', '" + right + "')");
        }
        if (!merged.equals(left + right)) {
            throw new IllegalArgumentException(
                    "merged symbol must be left + right = '" + left + right + "', got '" + merged + "'");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
    }

    /** A merge of {@code left} and {@code right} seen {@code count} times. */
    public static BpeMerge of(String left, String right, int count) {
        return new BpeMerge(left, right, left + right, count);
    }
}
