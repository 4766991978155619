package org.rnnplayground.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Byte-pair encoding (d2l exercise 8.2.1; the algorithm of d2l 15.6, Sennrich et al. 2016) on
 * characters, learned from the text itself.
 *
 * <p>Rules chosen here:
 *
 * <ul>
 *   <li><b>Words.</b> Learning reads the words of the lines (split as {@link WordTokenizer}) and
 *       counts each distinct word. Every word starts as its sequence of code points.
 *   <li><b>Giant words are cut.</b> A word longer than {@value #MAX_PIECE_LENGTH} UTF-16 units (no
 *       real word is; a text without spaces, or one character repeated a million times, is) is
 *       cut into pieces of that length, and each piece counts as a word of its own, in learning
 *       and in segmenting. Without the cut, every merge would rewrite the whole giant word, and
 *       learning on a 5 MB word would take hours.
 *   <li><b>Merges stay inside words.</b> Each step counts every adjacent pair of symbols inside the
 *       words, weighted by word frequency, and merges the most frequent pair everywhere, left to
 *       right without overlap ({@code a a a} with pair {@code (a, a)} becomes {@code aa a}).
 *       There is no end-of-word marker: whitespace stays a token of its own, as in the char
 *       tokenizer, so concatenating the tokens of a line gives the line back, and with 0 merges BPE
 *       is exactly the char tokenizer.
 *   <li><b>Ties go to the pair that occurs first</b>: scanning the distinct words in order of first
 *       appearance in the text, each from left to right, the tied pair met first wins. This is what
 *       d2l's {@code max(pairs, key=pairs.get)} does over its insertion-ordered dict.
 *   <li><b>Stopping.</b> Learning stops after {@code numMerges} merges, or earlier when no word
 *       has two symbols left; {@link #merges()} may thus be shorter than asked for.
 *   <li><b>Segmenting</b> a word replays the merges in the order learned, which reproduces the
 *       learned segmentation of every word of the training text; words never seen are segmented
 *       the same way.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class BpeTokenizer implements Tokenizer {
    /** The longest word, in UTF-16 units, that BPE treats whole; longer ones are cut into pieces this long. */
    public static final int MAX_PIECE_LENGTH = 64;

    private final List<BpeMerge> merges;
    private final Map<String, List<String>> learnedWords; // word -> its segmentation after learning

    BpeTokenizer(List<BpeMerge> merges, Map<String, List<String>> learnedWords) {
        this.merges = List.copyOf(merges);
        this.learnedWords = Collections.unmodifiableMap(learnedWords); // a fresh map from the learner
    }

    /**
     * Learns up to {@code numMerges} merges from the words of {@code lines}.
     *
     * @param lines cleaned lines, {@code [numLines]}
     * @param numMerges how many merges to learn, {@code >= 0}
     * @return the tokenizer with its merges
     */
    public static BpeTokenizer learn(List<String> lines, int numMerges) {
        if (numMerges < 0) {
            throw new IllegalArgumentException("numMerges must be >= 0, got " + numMerges);
        }
        return new BpeLearner(lines).learn(numMerges);
    }

    /**
     * A tokenizer that applies given merges, for example ones learned on another text.
     *
     * @param merges merges in the order they are to be applied
     */
    public static BpeTokenizer ofMerges(List<BpeMerge> merges) {
        return new BpeTokenizer(merges, Map.of());
    }

    /** @return the merges in the order learned; entry {@code i} was merge number {@code i + 1} */
    public List<BpeMerge> merges() {
        return merges;
    }

    /**
     * Tokenizes a line: each whitespace code point is a token, and each word is split into its
     * subword symbols ({@link #segment(String)}).
     */
    @Override
    public List<String> tokenize(String line) {
        List<String> tokens = new ArrayList<>();
        forEachToken(line, tokens::add);
        return List.copyOf(tokens);
    }

    /**
     * Splits one word (no whitespace) into subword symbols by replaying the merges in order.
     *
     * @param word a word
     * @return its symbols, which concatenate to {@code word}
     */
    public List<String> segment(String word) {
        if (word.length() <= MAX_PIECE_LENGTH) {
            return segmentPiece(word);
        }
        List<String> symbols = new ArrayList<>();
        forEachPiece(word, piece -> symbols.addAll(segmentPiece(piece)));
        return List.copyOf(symbols);
    }

    /**
     * Calls {@code sink} with the word itself, or with its pieces of {@value #MAX_PIECE_LENGTH}
     * UTF-16 units (the last one shorter; a piece never ends between the two halves of a surrogate
     * pair) when it is longer.
     */
    static void forEachPiece(String word, Consumer<String> sink) {
        int n = word.length();
        if (n <= MAX_PIECE_LENGTH) {
            sink.accept(word);
            return;
        }
        for (int from = 0; from < n; ) {
            int to = Math.min(n, from + MAX_PIECE_LENGTH);
            if (to < n && Character.isHighSurrogate(word.charAt(to - 1))) {
                to--;
            }
            sink.accept(word.substring(from, to));
            from = to;
        }
    }

    private List<String> segmentPiece(String word) {
        List<String> learned = learnedWords.get(word);
        if (learned != null) {
            return learned;
        }
        List<String> symbols = new CharTokenizer().tokenize(word);
        for (BpeMerge merge : merges) {
            if (symbols.size() < 2) {
                break;
            }
            symbols = applyMerge(symbols, merge);
        }
        return List.copyOf(symbols);
    }

    /** Calls {@code sink} with every token of {@code line}, in order. */
    void forEachToken(String line, Consumer<String> sink) {
        int n = line.length();
        int wordStart = -1;
        for (int i = 0; i < n; ) {
            int cp = line.codePointAt(i);
            if (WordTokenizer.isSpace(cp)) {
                if (wordStart >= 0) {
                    forEachPiece(
                            line.substring(wordStart, i),
                            piece -> segmentPiece(piece).forEach(sink));
                    wordStart = -1;
                }
                sink.accept(Character.toString(cp));
            } else if (wordStart < 0) {
                wordStart = i;
            }
            i += Character.charCount(cp);
        }
        if (wordStart >= 0) {
            forEachPiece(line.substring(wordStart), piece -> segmentPiece(piece).forEach(sink));
        }
    }

    private static List<String> applyMerge(List<String> symbols, BpeMerge merge) {
        List<String> out = null;
        for (int i = 0; i < symbols.size(); i++) {
            boolean match = i + 1 < symbols.size()
                    && symbols.get(i).equals(merge.left())
                    && symbols.get(i + 1).equals(merge.right());
            if (match && out == null) {
                out = new ArrayList<>(symbols.subList(0, i));
            }
            if (out != null) {
                out.add(match ? merge.merged() : symbols.get(i));
            }
            if (match) {
                i++;
            }
        }
        return out != null ? out : symbols;
    }

    @Override
    public String toString() {
        return "BpeTokenizer[" + merges.size() + " merges]";
    }
}
