package org.rnnplayground.text;

import java.util.ArrayList;
import java.util.List;

/**
 * How raw text becomes cleaned lines (d2l 8.2.1, {@code read_time_machine}).
 *
 * <p>Both modes first split the text into lines as Python's {@code readlines()} on a file opened in
 * text mode does (see {@link #splitLines(String)}), then clean each line on its own, so the number
 * of lines never changes and empty lines stay as empty strings. A cleaned line contains only kept
 * characters separated by single spaces, with no space at either end.
 */
public enum CleaningMode {
    /**
     * d2l's {@code re.sub('[^A-Za-z]+', ' ', line).strip().lower()}: every run of characters
     * outside {@code A-Za-z} (digits, punctuation, accented and non-Latin letters included) becomes
     * one space, the line is stripped and lower-cased. Book mode always lower-cases.
     */
    BOOK {
        @Override
        void cleanInto(CharSequence text, int from, int to, boolean lowerCase, StringBuilder out) {
            int lineStart = out.length();
            boolean pendingSpace = false;
            for (int i = from; i < to; i++) {
                char ch = text.charAt(i);
                if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
                    if (pendingSpace && out.length() > lineStart) {
                        out.append(' ');
                    }
                    pendingSpace = false;
                    out.append((char) (ch | 0x20)); // ASCII lower case, as Python's lower() here
                } else {
                    pendingSpace = true;
                }
            }
        }
    },

    /**
     * Keeps letters of any script ({@link Character#isLetter(int)} on code points, so Chinese,
     * Greek or Cyrillic text survives) and the combining marks (Unicode categories Mn, Mc, Me) that
     * directly follow a kept character, so accents and Indic vowel signs stay on their letter.
     * Every run of other characters becomes one space; the line is stripped. Lower-casing is
     * optional and maps each code point with {@link Character#toLowerCase(int)} (the simple
     * one-to-one Unicode mapping).
     */
    UNICODE {
        @Override
        void cleanInto(CharSequence text, int from, int to, boolean lowerCase, StringBuilder out) {
            int lineStart = out.length();
            boolean pendingSpace = false;
            for (int i = from; i < to; ) {
                int cp = Character.codePointAt(text, i);
                i += Character.charCount(cp);
                boolean started = out.length() > lineStart;
                boolean keep = Character.isLetter(cp) || (isMark(cp) && !pendingSpace && started);
                if (keep) {
                    if (pendingSpace && started) {
                        out.append(' ');
                    }
                    pendingSpace = false;
                    out.appendCodePoint(lowerCase ? Character.toLowerCase(cp) : cp);
                } else {
                    pendingSpace = true;
                }
            }
        }
    };

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * Cleans one line (without its line break).
     *
     * @param line a raw line
     * @param lowerCase whether to lower-case; {@link #BOOK} lower-cases regardless
     * @return the cleaned line: kept characters and single spaces, stripped
     */
    public String cleanLine(String line, boolean lowerCase) {
        StringBuilder out = new StringBuilder(line.length());
        cleanInto(line, 0, line.length(), lowerCase, out);
        return out.toString();
    }

    /**
     * Cleans {@code text[from, to)}, one line without its line break, appending the result to
     * {@code out} (whose earlier content is not looked at).
     */
    abstract void cleanInto(CharSequence text, int from, int to, boolean lowerCase, StringBuilder out);

    /**
     * Splits {@code rawText} into lines ({@link #splitLines(String)}) and cleans each one.
     *
     * @param rawText the whole text, as decoded from UTF-8 (a leading byte-order mark is dropped)
     * @param lowerCase whether to lower-case; {@link #BOOK} lower-cases regardless
     * @return the cleaned lines, {@code [numLines]}, one per raw line, unmodifiable; stored as one
     *     string and the line ends, so many short lines cost no object each
     */
    public List<String> cleanLines(String rawText, boolean lowerCase) {
        LineList.Builder cleaned = new LineList.Builder(rawText.length());
        forEachLine(rawText, (from, to) -> {
            cleanInto(rawText, from, to, lowerCase, cleaned.text());
            cleaned.endLine();
        });
        return cleaned.build();
    }

    /**
     * Splits a text into lines as Python's {@code open(path).readlines()} does: universal newlines
     * ({@code \n}, {@code \r\n} and a lone {@code \r} each end a line), the line breaks removed, no
     * extra empty line after a final line break, and no line at all for an empty text. A UTF-8
     * byte-order mark at the start is dropped.
     *
     * @param rawText the whole text
     * @return the raw lines without their line breaks
     */
    public static List<String> splitLines(String rawText) {
        List<String> lines = new ArrayList<>();
        forEachLine(rawText, (from, to) -> lines.add(rawText.substring(from, to)));
        return lines;
    }

    /** Receives the bounds {@code [from, to)} of one line of a text. */
    @FunctionalInterface
    private interface LineSink {
        void line(int from, int to);
    }

    /** Calls {@code sink} with the bounds of every line, as {@link #splitLines(String)} splits them. */
    private static void forEachLine(String rawText, LineSink sink) {
        int start = !rawText.isEmpty() && rawText.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        int n = rawText.length();
        for (int i = start; i < n; i++) {
            char ch = rawText.charAt(i);
            if (ch == '\n' || ch == '\r') {
                sink.line(start, i);
                if (ch == '\r' && i + 1 < n && rawText.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            sink.line(start, n);
        }
    }

    /** Code points {@link #bookKeptShare} looks at: enough to tell a text's script, cheap on any text. */
    public static final int SCRIPT_SAMPLE_CHARS = 1_000_000;

    /**
     * The share of a text's letters that {@link #BOOK} cleaning keeps: letters {@code A-Za-z} among
     * all letters ({@link Character#isLetter(int)}), over the first {@value #SCRIPT_SAMPLE_CHARS}
     * characters. About 1 for English, near 0 for Chinese, Greek or Russian; 1 when there are no
     * letters (book cleaning loses none).
     */
    public static double bookKeptShare(CharSequence rawText) {
        int end = Math.min(rawText.length(), SCRIPT_SAMPLE_CHARS);
        long letters = 0;
        long ascii = 0;
        for (int i = 0; i < end; ) {
            int cp = Character.codePointAt(rawText, i);
            i += Character.charCount(cp);
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
                ascii++;
                letters++;
            } else if (Character.isLetter(cp)) {
                letters++;
            }
        }
        return letters == 0 ? 1.0 : (double) ascii / letters;
    }

    /**
     * Whether {@link #BOOK} cleaning would remove most of a text's letters ({@link #bookKeptShare}
     * below one half), so that Unicode cleaning suits it better.
     */
    public static boolean bookRemovesMost(CharSequence rawText) {
        return bookKeptShare(rawText) < 0.5;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
