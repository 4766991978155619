package org.rnnplayground.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a text became tokens, kept so that new text is read the same way and tokens are written back
 * as the text had them: its cleaning, its tokenizer (for BPE the merges learned on the text) and its
 * vocabulary. A run keeps its codec: the generation prefix is encoded by it, and generated tokens are
 * decoded by it (characters and BPE symbols concatenated, words joined by spaces). Immutable and
 * thread-safe.
 *
 * @param options the cleaning and tokenizer settings
 * @param tokenizer the tokenizer of the text, see {@link ProcessedText#tokenizer()}
 * @param vocab the text's vocabulary
 */
public record TokenCodec(TextOptions options, Tokenizer tokenizer, Vocabulary vocab) {

    /** How many unknown tokens a note names before it says "and N more". */
    public static final int UNKNOWN_SHOWN = 8;

    /**
     * New text as indices.
     *
     * @param indices vocabulary indices, {@code [numTokens]}; unknown tokens are {@link Vocabulary#UNK_INDEX}
     * @param unknown the distinct tokens that are not in the vocabulary, in order of first appearance
     */
    public record Encoded(int[] indices, List<String> unknown) {
        public Encoded {
            indices = indices.clone();
            unknown = List.copyOf(unknown);
        }
    }

    /**
     * Tokens as one short list for people, {@code 'x', 'y', 'z' … +3}: at most {@link
     * #UNKNOWN_SHOWN} named, the rest counted; empty for none.
     */
    public static String listForPeople(List<String> tokens) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(UNKNOWN_SHOWN, tokens.size()); i++) {
            s.append(i == 0 ? "" : ", ").append('\'').append(tokens.get(i)).append('\'');
        }
        if (tokens.size() > UNKNOWN_SHOWN) {
            s.append(" … +").append(tokens.size() - UNKNOWN_SHOWN);
        }
        return s.toString();
    }

    public TokenCodec {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(vocab, "vocab");
    }

    /** The codec of a processed text. */
    public static TokenCodec of(ProcessedText text) {
        return new TokenCodec(text.options(), text.tokenizer(), text.vocab());
    }

    /** Which kind of token this is: characters, words or BPE symbols. */
    public TokenizerKind kind() {
        return options.tokenizer();
    }

    /**
     * Cleans and tokenizes new text as the text was (lines flattened), e.g. a generation prefix.
     * Cleaning strips a line's ends; a prefix typed with a trailing space ({@code "time "}) keeps it
     * as a space token for characters and BPE, so that generation continues after the space.
     *
     * @param rawText any text
     */
    public Encoded encode(String rawText) {
        List<String> tokens = new ArrayList<>();
        for (String line : options.cleaning().cleanLines(rawText, options.lowerCase())) {
            tokens.addAll(tokenizer.tokenize(line));
        }
        boolean trailingSpace = !rawText.isEmpty()
                && WordTokenizer.isSpace(rawText.codePointBefore(rawText.length()))
                && rawText.codePointBefore(rawText.length()) != '\n'
                && rawText.codePointBefore(rawText.length()) != '\r';
        if (trailingSpace
                && kind() != TokenizerKind.WORD
                && !tokens.isEmpty()
                && !tokens.getLast().equals(" ")) {
            tokens.add(" ");
        }
        int[] indices = vocab.encode(tokens);
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] == Vocabulary.UNK_INDEX && !tokens.get(i).equals(Vocabulary.UNK)) {
                unknown.add(tokens.get(i));
            }
        }
        return new Encoded(indices, new ArrayList<>(unknown));
    }

    /** The book's generation prefix (d2l 8.5), offered when the text has all its tokens. */
    public static final String BOOK_PREFIX = "time traveller";

    /**
     * A generation prefix this text knows: the book's when all its tokens are in the vocabulary,
     * else the opening of the text itself (two words, or up to ten characters or BPE symbols,
     * ending at a space when there is one), so that a Chinese or word-level text does not start
     * from {@code <unk>}.
     *
     * @param corpus the text's token indices, {@code [corpus_length]}
     */
    public String suggestPrefix(int[] corpus) {
        Encoded book = encode(BOOK_PREFIX);
        if (book.unknown().isEmpty() && book.indices().length > 0) {
            return BOOK_PREFIX;
        }
        int start = 0;
        while (start < corpus.length && (corpus[start] == Vocabulary.UNK_INDEX || isSpace(corpus[start]))) {
            start++;
        }
        int n = Math.min(corpus.length - start, kind() == TokenizerKind.WORD ? 2 : 10);
        if (n <= 0) {
            return BOOK_PREFIX;
        }
        int end = start + n;
        if (kind() != TokenizerKind.WORD) {
            for (int i = end - 1; i > start + 2; i--) {
                if (isSpace(corpus[i])) {
                    end = i;
                    break;
                }
            }
        }
        return decode(corpus, start, end);
    }

    private boolean isSpace(int index) {
        return vocab.tokenAt(index).isBlank();
    }

    /**
     * Tokens back to text: words joined by single spaces; characters and BPE symbols (whose
     * whitespace is a token of its own) concatenated.
     *
     * @param indices vocabulary indices, {@code [numTokens]}
     */
    public String decode(int[] indices) {
        String separator = kind() == TokenizerKind.WORD ? " " : "";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < indices.length; i++) {
            if (i > 0) {
                text.append(separator);
            }
            text.append(vocab.tokenAt(indices[i]));
        }
        return text.toString();
    }

    /** As {@link #decode(int[])} for a range, {@code indices[from..to)}. */
    public String decode(int[] indices, int from, int to) {
        return decode(Arrays.copyOfRange(indices, from, to));
    }
}
