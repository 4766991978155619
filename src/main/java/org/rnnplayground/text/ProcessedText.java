package org.rnnplayground.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A text after {@link TextPipeline#process}: d2l's {@code lines}, {@code tokens}, {@code vocab}
 * and {@code corpus} (8.2.5, {@code load_corpus_time_machine}).
 *
 * @param options the options it was processed with
 * @param lines the cleaned lines, {@code [numLines]}
 * @param tokens tokens per line, {@code [numLines][numTokensInLine]}, unmodifiable (stored compactly,
 *     every distinct token once)
 * @param vocab the vocabulary built from all tokens with {@code options.minFreq()}
 * @param corpus the vocabulary index of every token, lines flattened, {@code [corpusLength]};
 *     shared and not copied, so callers must not modify it
 */
public record ProcessedText(
        TextOptions options, List<String> lines, List<List<String>> tokens, Vocabulary vocab, int[] corpus) {

    public ProcessedText {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(vocab, "vocab");
        Objects.requireNonNull(corpus, "corpus");
        lines = lines instanceof LineList ? lines : List.copyOf(lines);
        tokens = TokenizedText.of(tokens);
        if (lines.size() != tokens.size()) {
            throw new IllegalArgumentException(
                    "one token list per line expected: " + lines.size() + " lines, " + tokens.size() + " token lists");
        }
        long numTokens = ((TokenizedText) tokens).numTokens();
        if (numTokens != corpus.length) {
            throw new IllegalArgumentException(
                    "corpus must hold one index per token: " + numTokens + " tokens, corpus length " + corpus.length);
        }
    }

    /** @return {@code vocabSize}, d2l's {@code len(vocab)} */
    public int vocabSize() {
        return vocab.vocabSize();
    }

    /** @return d2l's {@code len(corpus)} */
    public int corpusLength() {
        return corpus.length;
    }

    /** @return the share of corpus positions that are {@code <unk>} (0 for an empty corpus) */
    public double unknownShare() {
        if (corpus.length == 0) {
            return 0;
        }
        long unknown =
                Arrays.stream(corpus).filter(i -> i == Vocabulary.UNK_INDEX).count();
        return (double) unknown / corpus.length;
    }

    /** @return the position in {@link #corpus()} of the first token of {@code line} */
    public int lineStart(int line) {
        return ((TokenizedText) tokens).lineStart(line);
    }

    /** @return the number of tokens of {@code line}, without building its token list */
    public int lineLength(int line) {
        return ((TokenizedText) tokens).lineStart(line + 1) - lineStart(line);
    }

    /** @return the token at a position of the corpus (the token itself, also when it maps to {@code <unk>}) */
    public String tokenAt(int position) {
        return ((TokenizedText) tokens).tokenAt(position);
    }

    /** @return the indices of one line's tokens, d2l's {@code vocab[tokens[line]]}, {@code [numTokensInLine]} */
    public int[] lineIndices(int line) {
        return vocab.encode(tokens.get(line));
    }

    /**
     * The tokenizer these tokens came from; for BPE the merges learned on this text, so new text
     * (a generation prefix, say) is split the same way.
     */
    public Tokenizer tokenizer() {
        if (tokens instanceof TokenizedText text && text.tokenizer() != null) {
            return text.tokenizer();
        }
        return Tokenizer.of(options.tokenizer(), lines, options.bpeMerges());
    }

    /**
     * Cleans, tokenizes and indexes new text as this one was, e.g. a prefix such as
     * {@code "time traveller"} to warm a model up on.
     *
     * @param rawText any text; its lines are flattened
     * @return vocabulary indices, {@code [numTokens]}; unknown tokens are {@link Vocabulary#UNK_INDEX}
     */
    public int[] encode(String rawText) {
        return codec().encode(rawText).indices();
    }

    /** How this text reads new text and writes tokens back, for a run to keep. */
    public TokenCodec codec() {
        return TokenCodec.of(this);
    }

    /** @return counts of unigrams up to {@code maxOrder}-grams of these tokens (all tokens, before minFreq) */
    public List<NGramCounts> ngramCounts(int maxOrder) {
        return NGramCounts.countUpTo(tokens, maxOrder);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessedText other
                && options.equals(other.options)
                && lines.equals(other.lines)
                && Arrays.equals(corpus, other.corpus)
                && vocab.idxToToken().equals(other.vocab.idxToToken())
                && tokens.equals(other.tokens);
    }

    @Override
    public int hashCode() {
        return Objects.hash(options, lines, Arrays.hashCode(corpus));
    }

    @Override
    public String toString() {
        return "ProcessedText[" + options + ", lines=" + lines.size() + ", corpusLength=" + corpus.length
                + ", vocabSize=" + vocabSize() + "]";
    }
}
