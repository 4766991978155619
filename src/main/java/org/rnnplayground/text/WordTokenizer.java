package org.rnnplayground.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * d2l's {@code tokenize(lines, 'word')}: Python's {@code line.split()}, words separated by runs of
 * whitespace, no empty words. Whitespace is what Python's {@code str.isspace()} accepts (see
 * {@link #isSpace(int)}).
 */
public record WordTokenizer() implements Tokenizer {

    @Override
    public List<String> tokenize(String line) {
        List<String> words = new ArrayList<>();
        forEachWord(line, words::add);
        return List.copyOf(words);
    }

    /**
     * Python's {@code str.isspace()} for one code point: Java's {@link Character#isWhitespace(int)}
     * plus the no-break spaces U+00A0, U+2007, U+202F and NEXT LINE U+0085, which Python also
     * counts as whitespace.
     *
     * @param cp a code point
     * @return whether Python treats it as whitespace
     */
    public static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || cp == 0x0085;
    }

    /** Calls {@code sink} with every word of {@code line}, in order. */
    static void forEachWord(String line, Consumer<String> sink) {
        forEachWordSpan(line, (from, to) -> sink.accept(line.substring(from, to)));
    }

    /** Where a word is in its line: {@code line.substring(from, to)}. */
    @FunctionalInterface
    interface SpanSink {
        void accept(int from, int to);
    }

    /** Calls {@code sink} with the span of every word of {@code line}, in order, without making the words. */
    static void forEachWordSpan(String line, SpanSink sink) {
        int n = line.length();
        int start = -1;
        for (int i = 0; i < n; ) {
            int cp = line.codePointAt(i);
            if (isSpace(cp)) {
                if (start >= 0) {
                    sink.accept(start, i);
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            sink.accept(start, n);
        }
    }
}
