package org.rnnplayground.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Which text, processed how: a raw text named by the SHA-256 of its UTF-8 bytes, with the options
 * it is cleaned and tokenized with. Small and immutable, so it can name a text anywhere (in a run's
 * spec, in the store, on another machine) without carrying it; {@link TextPipeline#process} turns
 * the raw text and these options into the same tokens wherever it runs.
 *
 * @param sha256 the SHA-256 of the raw text's UTF-8 bytes, 64 lower-case hex digits
 * @param options how the text is cleaned, tokenized and counted
 */
public record TextRef(String sha256, TextOptions options) {

    public TextRef {
        Objects.requireNonNull(options, "options");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a text is named by 64 lower-case hex digits, got " + sha256);
        }
    }

    /** The reference of {@code raw} processed with {@code options}. */
    public static TextRef of(String raw, TextOptions options) {
        return new TextRef(sha256(raw), options);
    }

    /** The key of a raw text: the SHA-256 of its UTF-8 bytes in lower-case hex. */
    public static String sha256(String raw) {
        return sha256(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #sha256(String)}, of the raw text's UTF-8 bytes. */
    public static String sha256(byte[] utf8) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
