package org.rnnplayground.text;

/**
 * How a text is turned into a corpus: cleaning, tokenizer, vocabulary cut-off. Validates itself.
 *
 * @param cleaning how lines are cleaned
 * @param lowerCase whether to lower-case; must be {@code true} with {@link CleaningMode#BOOK},
 *     which always lower-cases as d2l does
 * @param tokenizer which tokenizer
 * @param bpeMerges number of BPE merges to learn, {@code 0..}{@value #MAX_BPE_MERGES}; must be 0
 *     unless the tokenizer is {@link TokenizerKind#BPE}
 * @param minFreq d2l's {@code min_freq}: tokens seen fewer times map to {@code <unk>}; 0 keeps all
 */
public record TextOptions(
        CleaningMode cleaning, boolean lowerCase, TokenizerKind tokenizer, int bpeMerges, int minFreq) {

    /** The most BPE merges one may ask for. */
    public static final int MAX_BPE_MERGES = 20_000;

    public TextOptions {
        if (cleaning == null) {
            throw new IllegalArgumentException("cleaning must be BOOK or UNICODE, got null");
        }
        if (tokenizer == null) {
            throw new IllegalArgumentException("tokenizer must be CHAR, WORD or BPE, got null");
        }
        if (cleaning == CleaningMode.BOOK && !lowerCase) {
            throw new IllegalArgumentException(
                    "BOOK cleaning always lower-cases (as d2l's read_time_machine); use UNICODE cleaning to keep case");
        }
        if (bpeMerges < 0 || bpeMerges > MAX_BPE_MERGES) {
            throw new IllegalArgumentException(
                    "bpeMerges must be between 0 and " + MAX_BPE_MERGES + ", got " + bpeMerges);
        }
        if (bpeMerges != 0 && tokenizer != TokenizerKind.BPE) {
            throw new IllegalArgumentException(
                    "bpeMerges applies only to the BPE tokenizer; use 0 with " + tokenizer + ", got " + bpeMerges);
        }
        if (minFreq < 0) {
            throw new IllegalArgumentException("minFreq must be >= 0 (d2l min_freq), got " + minFreq);
        }
    }

    /** The book's character-level setting (d2l 8.2.5, {@code load_corpus_time_machine}): BOOK, char, minFreq 0. */
    public static TextOptions bookChars() {
        return new TextOptions(CleaningMode.BOOK, true, TokenizerKind.CHAR, 0, 0);
    }

    /** The book's word-level setting (d2l 8.2.3): BOOK, word, minFreq 0. */
    public static TextOptions bookWords() {
        return new TextOptions(CleaningMode.BOOK, true, TokenizerKind.WORD, 0, 0);
    }

    /** @return these options with another {@code minFreq} */
    public TextOptions withMinFreq(int minFreq) {
        return new TextOptions(cleaning, lowerCase, tokenizer, bpeMerges, minFreq);
    }
}
