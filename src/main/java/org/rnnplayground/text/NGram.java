package org.rnnplayground.text;

import java.util.List;
import java.util.Objects;

/**
 * An n-gram and its count, one entry of d2l's {@code bigram_vocab.token_freqs} (8.3.2).
 *
 * @param tokens the n tokens in order
 * @param count how many times they occur in a row in the flattened token sequence, at least 1
 */
public record NGram(List<String> tokens, int count) {
    public NGram {
        tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("an n-gram has at least one token");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
    }

    /** @return the tokens joined by single spaces, e.g. {@code "of the"} */
    public String text() {
        return String.join(" ", tokens);
    }

    /** @return n, the number of tokens */
    public int order() {
        return tokens.size();
    }
}
