package org.rnnplayground.sampling.ui;

import static org.rnnplayground.ui.Widgets.escapeHtml;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.rnnplayground.sampling.EpochLayout;
import org.rnnplayground.sampling.Minibatch;

/**
 * Draws one minibatch over the text as compact HTML (one string per figure, so that a step of the
 * animation sends a few kilobytes, not thousands of components).
 *
 * <p>Two figures: {@link #rows} lists the rows of {@code X}, each with the text it covers coloured
 * by row, a little of the text before it and the one extra token its last label reads; {@link
 * #window} shows the start of the text with the span of each row of the minibatch coloured by row
 * and the tokens skipped by the offset struck through. Every row span carries {@code data-row},
 * {@code data-from} and {@code data-to} (corpus positions, end exclusive) so tests can check it.
 */
final class LayoutHtml {

    /** Marks a row whose hidden state continues from the same row of the previous minibatch. */
    static final String CARRIED = "▶";

    /** Marks a row that starts from a fresh (zero) hidden state. */
    static final String RESET = "⟲";

    /**
     * The words the figures use, in the user's language.
     *
     * @param rowName "row i"
     * @param rowSpan "row i: positions a to b", from the row index, first and last position
     * @param carried tooltip of {@link #CARRIED}
     * @param reset tooltip of {@link #RESET}
     * @param label tooltip of the extra token read only as the last label
     * @param skipped tooltip of the tokens the offset skipped
     * @param moreRows "… and n more rows", from n
     * @param moreSteps "n more tokens", from n
     */
    record Labels(
            IntFunction<String> rowName,
            RowSpanLabel rowSpan,
            String carried,
            String reset,
            String label,
            String skipped,
            IntFunction<String> moreRows,
            IntFunction<String> moreSteps) {}

    /** "row i: positions a to b". */
    @FunctionalInterface
    interface RowSpanLabel {
        String of(int row, int first, int last);
    }

    private LayoutHtml() {}

    /** The colour of row {@code i}: golden-angle hues, so neighbouring rows differ. */
    static String rowColor(int i) {
        int hue = Math.floorMod(205 + 137 * i, 360);
        return "hsl(" + hue + " 75% 82%)";
    }

    /**
     * The rows of {@code X} of one minibatch: one {@code .mb-row} per row shown.
     *
     * @param batch the minibatch, rows [batch_size] of [num_steps] positions from {@code rowStarts}
     * @param carried whether each row continues the same row of the previous minibatch
     * @param maxRows rows drawn at most; the rest are counted
     * @param maxSteps tokens drawn per row at most; the rest are counted
     * @param context tokens drawn before each row, at most
     */
    static String rows(
            Minibatch batch, TokenText text, Labels labels, boolean carried, int maxRows, int maxSteps, int context) {
        int numSteps = batch.numSteps();
        String sep = text.words() ? " " : "";
        StringBuilder b = new StringBuilder("<div class=\"mb-rows\">");
        int shownRows = Math.min(batch.batchSize(), maxRows);
        for (int i = 0; i < shownRows; i++) {
            int start = batch.rowStarts()[i];
            int end = start + numSteps; // exclusive
            int shownEnd = start + Math.min(numSteps, maxSteps);
            b.append("<div class=\"mb-row\" data-row=\"")
                    .append(i)
                    .append("\" data-from=\"")
                    .append(start)
                    .append("\" data-to=\"")
                    .append(end)
                    .append("\" style=\"--row-color:")
                    .append(rowColor(i))
                    .append("\"><span class=\"mb-mark ")
                    .append(carried ? "carried" : "reset")
                    .append("\" title=\"")
                    .append(escapeHtml(carried ? labels.carried() : labels.reset()))
                    .append("\">")
                    .append(carried ? CARRIED : RESET)
                    .append("</span><span class=\"mb-row-name\" title=\"")
                    .append(escapeHtml(labels.rowName().apply(i)))
                    .append("\">")
                    .append(i)
                    .append("</span><span class=\"mb-pos\">")
                    .append(start)
                    .append('–')
                    .append(end - 1)
                    .append("</span><span class=\"mb-text\">");
            int from = Math.max(0, start - context);
            if (from < start) {
                b.append("<span class=\"mb-ctx")
                        .append(carried ? " carried" : "")
                        .append("\">")
                        .append(escapeHtml(text.shown(from, start)))
                        .append("</span>")
                        .append(sep);
            }
            b.append("<span class=\"mb-x\" title=\"")
                    .append(escapeHtml(labels.rowSpan().of(i, start, end - 1)))
                    .append("\">")
                    .append(escapeHtml(text.shown(start, shownEnd)))
                    .append("</span>");
            if (shownEnd < end) {
                b.append("<span class=\"mb-more-steps\">")
                        .append(escapeHtml(labels.moreSteps().apply(end - shownEnd)))
                        .append("</span>");
            }
            if (end < text.length()) {
                b.append(sep)
                        .append("<span class=\"mb-y-last\" title=\"")
                        .append(escapeHtml(labels.label()))
                        .append("\">")
                        .append(escapeHtml(text.shown(end)))
                        .append("</span>");
            }
            b.append("</span></div>");
        }
        if (shownRows < batch.batchSize()) {
            b.append("<div class=\"mb-more-rows muted\">")
                    .append(escapeHtml(labels.moreRows().apply(batch.batchSize() - shownRows)))
                    .append("</div>");
        }
        return b.append("</div>").toString();
    }

    /**
     * The first {@code windowLength} tokens of the text with the rows of one minibatch coloured.
     *
     * @param layout the epoch, for its offset and discarded tail
     * @param batch the minibatch whose rows are coloured, or null for none
     * @param windowLength tokens drawn at most
     */
    static String window(EpochLayout layout, Minibatch batch, TokenText text, Labels labels, int windowLength) {
        int length = Math.min(windowLength, Math.min(layout.corpusLength(), text.length()));
        int[] owner = owners(layout, batch, length);
        String sep = text.words() ? " " : "";
        StringBuilder b = new StringBuilder("<div class=\"mb-window\">");
        int from = 0;
        while (from < length) {
            int to = from + 1;
            while (to < length && owner[to] == owner[from]) {
                to++;
            }
            if (from > 0) {
                b.append(sep);
            }
            String shown = escapeHtml(text.shown(from, to));
            int who = owner[from];
            if (who >= 0) {
                b.append("<span class=\"win-row\" data-row=\"")
                        .append(who)
                        .append("\" data-from=\"")
                        .append(from)
                        .append("\" data-to=\"")
                        .append(to)
                        .append("\" style=\"--row-color:")
                        .append(rowColor(who))
                        .append("\" title=\"")
                        .append(escapeHtml(labels.rowName().apply(who)))
                        .append("\">")
                        .append(shown)
                        .append("</span>");
            } else if (who == HEAD || who == TAIL) {
                b.append("<span class=\"win-skipped\" title=\"")
                        .append(escapeHtml(labels.skipped()))
                        .append("\">")
                        .append(shown)
                        .append("</span>");
            } else {
                b.append("<span class=\"win-rest\">").append(shown).append("</span>");
            }
            from = to;
        }
        if (length < layout.corpusLength()) {
            b.append(sep).append("<span class=\"win-rest\">…</span>");
        }
        return b.append("</div>").toString();
    }

    private static final int REST = -1;
    private static final int HEAD = -2;
    private static final int TAIL = -3;

    /**
     * Who each of the first {@code length} positions belongs to: a row index of {@code batch}, or
     * {@link #HEAD}, {@link #TAIL}, {@link #REST}.
     */
    static int[] owners(EpochLayout layout, Minibatch batch, int length) {
        int[] owner = new int[length];
        Arrays.fill(owner, REST);
        int tailStart = layout.corpusLength() - layout.discardedTail();
        for (int p = 0; p < length; p++) {
            if (p < layout.offset()) {
                owner[p] = HEAD;
            } else if (p >= tailStart) {
                owner[p] = TAIL;
            }
        }
        if (batch != null) {
            for (int i = 0; i < batch.batchSize(); i++) {
                int start = batch.rowStarts()[i];
                for (int p = start; p < Math.min(length, start + batch.numSteps()); p++) {
                    owner[p] = i;
                }
            }
        }
        return owner;
    }
}
