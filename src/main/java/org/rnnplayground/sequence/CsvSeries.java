package org.rnnplayground.sequence;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a user's series from a single-column CSV file: one number per line, an optional header
 * line (the first line, if it is not a number), blank lines ignored, {@code \n} or {@code \r\n}.
 * A line with several comma- or semicolon-separated fields is refused rather than guessed at.
 */
public final class CsvSeries {

    /** Why a file was refused. */
    public enum Problem {
        /** Not UTF-8 text. */
        NOT_TEXT,
        /** No numbers at all. */
        EMPTY,
        /** A line (given) that is not a number. */
        NOT_A_NUMBER,
        /** A line (given) with more than one column. */
        SEVERAL_COLUMNS,
        /** A line (given) that holds NaN or an infinity. */
        NOT_FINITE,
        /** More rows than allowed (the limit is given). */
        TOO_LONG
    }

    /**
     * A refused file.
     *
     * @param problem what is wrong
     * @param line the 1-based line it was found on, or the row limit for {@link Problem#TOO_LONG}, or 0
     * @param content the offending line's text (shortened), or empty
     */
    public static final class Rejected extends Exception {
        private final Problem problem;
        private final int line;
        private final String content;

        Rejected(Problem problem, int line, String content) {
            super(problem + (line > 0 ? " at line " + line : "") + (content.isEmpty() ? "" : ": " + content));
            this.problem = problem;
            this.line = line;
            this.content = content;
        }

        public Problem problem() {
            return problem;
        }

        public int line() {
            return line;
        }

        public String content() {
            return content;
        }
    }

    private CsvSeries() {}

    /**
     * Parses UTF-8 bytes (a BOM is skipped).
     *
     * @param name the series' name (the file name)
     * @param maxRows most numbers accepted
     */
    public static TimeSeries parse(String name, byte[] bytes, int maxRows) throws Rejected {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Rejected(Problem.NOT_TEXT, 0, "");
        }
        return parse(name, text, maxRows);
    }

    /**
     * Parses text.
     *
     * @param name the series' name (the file name)
     * @param maxRows most numbers accepted
     */
    public static TimeSeries parse(String name, String text, int maxRows) throws Rejected {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        double[] values = new double[Math.min(maxRows, 1024)];
        int n = 0;
        int lineNo = 0;
        boolean seenContent = false;
        for (String raw : text.split("\r?\n|\r", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.contains(",") || line.contains(";") || line.contains("\t")) {
                throw new Rejected(Problem.SEVERAL_COLUMNS, lineNo, shorten(line));
            }
            Double v = number(line);
            if (v == null) {
                if (!seenContent) {
                    seenContent = true; // the header
                    continue;
                }
                throw new Rejected(Problem.NOT_A_NUMBER, lineNo, shorten(line));
            }
            seenContent = true;
            if (!Double.isFinite(v)) {
                throw new Rejected(Problem.NOT_FINITE, lineNo, shorten(line));
            }
            if (n == maxRows) {
                throw new Rejected(Problem.TOO_LONG, maxRows, "");
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, Math.min(maxRows, values.length * 2));
            }
            values[n++] = v;
        }
        if (n == 0) {
            throw new Rejected(Problem.EMPTY, 0, "");
        }
        return new TimeSeries(name, Arrays.copyOf(values, n));
    }

    /** The number a cell holds (quotes allowed), or null; "NaN" and "Infinity" parse. */
    private static Double number(String cell) {
        String s = cell;
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.isEmpty() || !s.matches("[+-]?(NaN|Infinity|inf|nan|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)")) {
            return null;
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("nan")) {
            return Double.NaN;
        }
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(s);
    }

    private static String shorten(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }
}
