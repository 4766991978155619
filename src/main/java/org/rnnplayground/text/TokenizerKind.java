package org.rnnplayground.text;

/**
 * Which tokenizer turns a cleaned line into tokens (d2l 8.2.2 and exercise 8.2.1).
 *
 * <ul>
 *   <li>{@link #CHAR}: every Unicode code point is a token, the space included.
 *   <li>{@link #WORD}: whitespace-separated words, as Python's {@code line.split()}.
 *   <li>{@link #BPE}: byte-pair encoding learned from the text with a chosen number of merges;
 *       see {@link BpeTokenizer} for the rules.
 * </ul>
 */
public enum TokenizerKind {
    CHAR,
    WORD,
    BPE
}
