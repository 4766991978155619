package org.rnnplayground.text;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * From raw text to corpus, as d2l's {@code load_corpus_time_machine} (8.2.5): clean the lines,
 * tokenize them, build the vocabulary over all tokens, and index every token.
 */
public final class TextPipeline {
    private TextPipeline() {}

    /**
     * Processes a text.
     *
     * <p>With {@link TextOptions#bookChars()} on The Time Machine the corpus has 170580 indices
     * and the vocabulary 28 entries; with word tokens, 32775 and 4580.
     *
     * @param rawText the whole text, decoded from UTF-8 (a leading byte-order mark is ignored)
     * @param options cleaning, tokenizer and {@code minFreq}
     * @return lines {@code [numLines]}, tokens {@code [numLines][numTokensInLine]}, vocabulary and
     *     corpus {@code [corpusLength]}
     */
    public static ProcessedText process(String rawText, TextOptions options) {
        return process(rawText, options, () -> false);
    }

    /**
     * As {@link #process(String, TextOptions)}, giving up between its stages (cleaning,
     * tokenizing, counting, indexing) once nobody wants the result any more.
     *
     * @param abandoned asked between stages; when it says true, processing stops
     * @throws CancellationException when {@code abandoned} said true
     */
    public static ProcessedText process(String rawText, TextOptions options, BooleanSupplier abandoned) {
        Objects.requireNonNull(rawText, "rawText");
        Objects.requireNonNull(options, "options");
        List<String> lines = options.cleaning().cleanLines(rawText, options.lowerCase());
        stopIf(abandoned);
        Tokenizer tokenizer = Tokenizer.of(options.tokenizer(), lines, options.bpeMerges());
        stopIf(abandoned);
        TokenizedText tokens = TokenizedText.of(lines, tokenizer);
        stopIf(abandoned);
        Vocabulary vocab = tokens.vocabulary(options.minFreq(), List.of());
        stopIf(abandoned);
        return new ProcessedText(options, lines, tokens, vocab, tokens.encode(vocab));
    }

    private static void stopIf(BooleanSupplier abandoned) {
        if (abandoned.getAsBoolean()) {
            throw new CancellationException("nobody waits for this text any more");
        }
    }

    /**
     * The opening of a text, processed as {@link #process} would, at a cost bounded by {@code
     * maxChars} whatever the text's size: what a page shows while the whole text is still being
     * counted. Its lines and tokens are the whole text's, up to where the opening is cut (the last
     * line may end early, and a word there may be cut); its vocabulary and corpus count only the
     * opening, so its indices and frequencies are not the whole text's. BPE learns its merges from
     * the whole text, so the opening of a BPE text is split into characters (BPE before any merge).
     *
     * @param rawText the whole text
     * @param options cleaning, tokenizer and {@code minFreq}
     * @param maxChars how much of the raw text to read, at least 1 (UTF-16 units; never cut inside a
     *     surrogate pair)
     * @return the opening, processed; its options are {@code options}
     */
    public static ProcessedText opening(String rawText, TextOptions options, int maxChars) {
        Objects.requireNonNull(rawText, "rawText");
        Objects.requireNonNull(options, "options");
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, got " + maxChars);
        }
        int end = Math.min(rawText.length(), maxChars);
        if (end < rawText.length() && Character.isHighSurrogate(rawText.charAt(end - 1))) {
            end--;
        }
        String head = rawText.substring(0, end);
        List<String> lines = options.cleaning().cleanLines(head, options.lowerCase());
        Tokenizer tokenizer = options.tokenizer() == TokenizerKind.BPE
                ? BpeTokenizer.ofMerges(List.of())
                : Tokenizer.of(options.tokenizer(), lines, 0);
        TokenizedText tokens = TokenizedText.of(lines, tokenizer);
        Vocabulary vocab = tokens.vocabulary(0, List.of());
        return new ProcessedText(options, lines, tokens, vocab, tokens.encode(vocab));
    }
}
