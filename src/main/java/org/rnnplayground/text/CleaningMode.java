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
        public String cleanLine(String line, boolean lowerCase) {
            StringBuilder out = new StringBuilder(line.length());
            boolean pendingSpace = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
                    if (pendingSpace && !out.isEmpty()) {
                        out.append(' ');
                    }
                    pendingSpace = false;
                    out.append((char) (ch | 0x20)); // ASCII lower case, as Python's lower() here
                } else {
                    pendingSpace = true;
                }
            }
            return out.toString();
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
        public String cleanLine(String line, boolean lowerCase) {
            StringBuilder out = new StringBuilder(line.length());
            boolean pendingSpace = false;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                i += Character.charCount(cp);
                boolean keep = Character.isLetter(cp) || (isMark(cp) && !pendingSpace && !out.isEmpty());
                if (keep) {
                    if (pendingSpace && !out.isEmpty()) {
                        out.append(' ');
                    }
                    pendingSpace = false;
                    out.appendCodePoint(lowerCase ? Character.toLowerCase(cp) : cp);
                } else {
                    pendingSpace = true;
                }
            }
            return out.toString();
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
    public abstract String cleanLine(String line, boolean lowerCase);

    /**
     * Splits {@code rawText} into lines ({@link #splitLines(String)}) and cleans each one.
     *
     * @param rawText the whole text, as decoded from UTF-8 (a leading byte-order mark is dropped)
     * @param lowerCase whether to lower-case; {@link #BOOK} lower-cases regardless
     * @return the cleaned lines, {@code [numLines]}, one per raw line
     */
    public List<String> cleanLines(String rawText, boolean lowerCase) {
        List<String> raw = splitLines(rawText);
        List<String> cleaned = new ArrayList<>(raw.size());
        for (String line : raw) {
            cleaned.add(cleanLine(line, lowerCase));
        }
        return List.copyOf(cleaned);
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
        int start = !rawText.isEmpty() && rawText.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        int n = rawText.length();
        for (int i = start; i < n; i++) {
            char ch = rawText.charAt(i);
            if (ch == '\n' || ch == '\r') {
                lines.add(rawText.substring(start, i));
                if (ch == '\r' && i + 1 < n && rawText.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(rawText.substring(start));
        }
        return lines;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
