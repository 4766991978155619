package org.rnnplayground.text;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a processed text for display: a run of the book's lines (d2l's {@code lines}, empty
 * ones included, numbered from 0) holding a bounded number of tokens and characters, whatever the
 * line structure. Lines are kept whole when they fit on a page; a line longer than a page is cut
 * into pieces, one per page, so a text that is one 5 MB line still pages through a few hundred
 * tokens at a time. Pages are found going forward from where the previous one ended.
 *
 * @param rows the lines (or pieces of lines) on this page, in order, at least one
 * @param end where the next page starts; {@link Position#isEnd} when this is the last page
 */
public record TokenPage(List<Row> rows, Position end) {

    /**
     * A place in the text: a line and a token inside it.
     *
     * @param line the book's line index, 0-based
     * @param token the index of a token inside that line, 0-based
     */
    public record Position(int line, int token) {
        /** The start of the text. */
        public static final Position START = new Position(0, 0);

        /** @return whether this position is past the last line of {@code text} */
        public boolean isEnd(ProcessedText text) {
            return line >= text.lines().size();
        }
    }

    /**
     * One line of the book, or a piece of it, on a page.
     *
     * @param line the book's line index, 0-based
     * @param from the first token of the line shown, 0-based
     * @param to one past the last token of the line shown ({@code from == to} for an empty line)
     * @param lineLength the number of tokens of the whole line
     */
    public record Row(int line, int from, int to, int lineLength) {
        /** @return whether the row starts inside its line (earlier tokens are on an earlier page) */
        public boolean continued() {
            return from > 0;
        }

        /** @return whether the line goes on after this row (on the next page) */
        public boolean continues() {
            return to < lineLength;
        }
    }

    /**
     * How much one page holds. Validates itself.
     *
     * @param maxLines rows per page, at least 1
     * @param maxTokens tokens per page, at least 1
     * @param maxChars characters of token text per page, each token counted with at most
     *     {@code maxTokenChars}; at least {@code maxTokenChars}
     * @param maxTokenChars characters shown of one token; a longer token is shown cut
     */
    public record Limits(int maxLines, int maxTokens, int maxChars, int maxTokenChars) {
        /** The Text page's pages: 16 lines, 400 tokens, 4,000 characters, 40 characters of a token. */
        public static final Limits DEFAULT = new Limits(16, 400, 4000, 40);

        public Limits {
            if (maxLines < 1 || maxTokens < 1 || maxTokenChars < 1 || maxChars < maxTokenChars) {
                throw new IllegalArgumentException("a page needs at least one line and one token, and room for one"
                        + " token's characters (maxChars >= maxTokenChars): " + maxLines + " lines, " + maxTokens
                        + " tokens, " + maxChars + " chars, " + maxTokenChars + " chars per token");
            }
        }

        /** @return the characters a token takes on the page: its length, at most {@link #maxTokenChars} */
        public int charsOf(String token) {
            return Math.min(token.length(), maxTokenChars);
        }
    }

    /**
     * The page that starts at {@code start}. Work and result are bounded by the limits, not by the
     * length of lines or of the text.
     *
     * @param text the processed text
     * @param start where the page starts, not at the end
     * @param limits how much a page holds
     * @return the page, with at least one row
     */
    public static TokenPage at(ProcessedText text, Position start, Limits limits) {
        int numLines = text.lines().size();
        if (start.line() < 0 || start.line() >= numLines && numLines > 0) {
            throw new IllegalArgumentException("no line " + start.line() + " in a text of " + numLines + " lines");
        }
        List<Row> rows = new ArrayList<>();
        int tokens = 0;
        int chars = 0;
        int line = start.line();
        int from = start.token();
        while (line < numLines && rows.size() < limits.maxLines()) {
            int length = text.lineLength(line);
            int lineStart = text.lineStart(line);
            int to = from;
            int rowChars = 0;
            while (to < length && tokens + (to - from) < limits.maxTokens()) {
                int c = limits.charsOf(text.tokenAt(lineStart + to));
                if (chars + rowChars + c > limits.maxChars()) {
                    break;
                }
                rowChars += c;
                to++;
            }
            boolean cut = to < length;
            if (cut && (to == from || (from == 0 && !rows.isEmpty()))) {
                break; // the page is full, or the line fits better whole on the next page
            }
            rows.add(new Row(line, from, to, length));
            tokens += to - from;
            chars += rowChars;
            if (cut) {
                return new TokenPage(List.copyOf(rows), new Position(line, to));
            }
            line++;
            from = 0;
        }
        return new TokenPage(List.copyOf(rows), new Position(line, 0));
    }

    /** @return the first row's line */
    public int firstLine() {
        return rows.getFirst().line();
    }

    /** @return the last row's line */
    public int lastLine() {
        return rows.getLast().line();
    }

    /** @return the number of tokens on the page */
    public int numTokens() {
        return rows.stream().mapToInt(r -> r.to() - r.from()).sum();
    }
}
