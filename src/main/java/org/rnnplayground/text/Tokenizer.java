package org.rnnplayground.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one cleaned line into tokens (d2l 8.2.2, {@code tokenize}).
 *
 * <p>Implementations are immutable and thread-safe: {@link CharTokenizer}, {@link WordTokenizer}
 * and {@link BpeTokenizer}.
 */
public sealed interface Tokenizer permits CharTokenizer, WordTokenizer, BpeTokenizer {

    /**
     * Tokenizes one line.
     *
     * @param line a line, usually cleaned by a {@link CleaningMode}
     * @return its tokens in order, {@code [numTokensInLine]}; empty for an empty line
     */
    List<String> tokenize(String line);

    /**
     * Tokenizes every line, as d2l's {@code tokenize(lines, token)}.
     *
     * @param lines the lines, {@code [numLines]}
     * @return one token list per line, {@code [numLines][numTokensInLine]}
     */
    default List<List<String>> tokenizeLines(List<String> lines) {
        List<List<String>> tokens = new ArrayList<>(lines.size());
        for (String line : lines) {
            tokens.add(tokenize(line));
        }
        return List.copyOf(tokens);
    }

    /**
     * The tokenizer of a kind; {@link TokenizerKind#BPE} learns its merges from {@code lines}.
     *
     * @param kind which tokenizer
     * @param lines cleaned lines to learn BPE merges from (unused for char and word)
     * @param bpeMerges number of BPE merges to learn (unused for char and word)
     * @return the tokenizer
     */
    static Tokenizer of(TokenizerKind kind, List<String> lines, int bpeMerges) {
        return switch (kind) {
            case CHAR -> new CharTokenizer();
            case WORD -> new WordTokenizer();
            case BPE -> BpeTokenizer.learn(lines, bpeMerges);
        };
    }
}
