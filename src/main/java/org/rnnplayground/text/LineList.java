package org.rnnplayground.text;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * Lines stored compactly: all lines joined in one string and the end of each line, instead of one
 * {@code String} per line. A text of ten million one-letter lines is then a ten-million-character
 * string and an {@code int[]}, not ten million objects. Seen from outside it is an unmodifiable
 * {@code List<String>}; {@link #get} cuts a line out when asked.
 */
final class LineList extends AbstractList<String> implements RandomAccess {
    private final String joined; // all lines, without separators
    private final int[] ends; // [numLines], exclusive end of each line in joined

    private LineList(String joined, int[] ends) {
        this.joined = joined;
        this.ends = ends;
    }

    @Override
    public String get(int line) {
        return joined.substring(start(line), ends[line]);
    }

    /** @return the length of a line in UTF-16 units, without cutting it out */
    int length(int line) {
        return ends[line] - start(line);
    }

    private int start(int line) {
        return line == 0 ? 0 : ends[line - 1];
    }

    @Override
    public int size() {
        return ends.length;
    }

    /** Appends lines one after the other. */
    static final class Builder {
        private final StringBuilder joined;
        private int[] ends = new int[16];
        private int numLines;

        Builder(int expectedChars) {
            joined = new StringBuilder(expectedChars);
        }

        /** The text of the line being built; append to it, then call {@link #endLine()}. */
        StringBuilder text() {
            return joined;
        }

        void endLine() {
            if (numLines == ends.length) {
                ends = Arrays.copyOf(ends, numLines * 2);
            }
            ends[numLines++] = joined.length();
        }

        LineList build() {
            return new LineList(joined.toString(), Arrays.copyOf(ends, numLines));
        }
    }
}
