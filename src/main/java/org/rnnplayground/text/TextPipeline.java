package org.rnnplayground.text;

import java.util.List;
import java.util.Objects;

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
        Objects.requireNonNull(rawText, "rawText");
        Objects.requireNonNull(options, "options");
        List<String> lines = options.cleaning().cleanLines(rawText, options.lowerCase());
        Tokenizer tokenizer = Tokenizer.of(options.tokenizer(), lines, options.bpeMerges());
        TokenizedText tokens = TokenizedText.of(lines, tokenizer);
        Vocabulary vocab = tokens.vocabulary(options.minFreq(), List.of());
        return new ProcessedText(options, lines, tokens, vocab, tokens.encode(vocab));
    }
}
