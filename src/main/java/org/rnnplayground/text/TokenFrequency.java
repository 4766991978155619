package org.rnnplayground.text;

import java.util.Objects;

/**
 * A token and how often it occurs, one entry of d2l's {@code vocab.token_freqs}.
 *
 * @param token the token
 * @param count how many times it occurs in the counted text, at least 1
 */
public record TokenFrequency(String token, int count) {
    public TokenFrequency {
        Objects.requireNonNull(token, "token");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count + " for '" + token + "'");
        }
    }
}
