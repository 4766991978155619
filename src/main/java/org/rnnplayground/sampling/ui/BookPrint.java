package org.rnnplayground.sampling.ui;

import java.util.ArrayList;
import java.util.List;
import org.rnnplayground.sampling.EpochLayout;
import org.rnnplayground.sampling.Minibatch;

/**
 * Prints minibatches as the book's {@code print('X: ', X, '\nY:', Y)} shows PyTorch tensors:
 *
 * <pre>
 * X:  tensor([[ 3,  4,  5,  6,  7],
 *         [18, 19, 20, 21, 22]])
 * Y: tensor([[ 4,  5,  6,  7,  8],
 *         [19, 20, 21, 22, 23]])
 * </pre>
 *
 * Every number of one tensor is right-aligned to the widest, continuation rows are indented by the
 * width of {@code tensor([}. The HTML form is the same text with each row of {@code X} wrapped in a
 * span coloured by row.
 */
final class BookPrint {

    private static final String CONTINUATION = " ".repeat("tensor([".length());

    private BookPrint() {}

    /** One minibatch, two tensors on consecutive lines. */
    static String minibatch(Minibatch batch) {
        return "X:  " + tensor(batch.x()) + "\nY: " + tensor(batch.y());
    }

    /** Every minibatch of an epoch, as the book's {@code for X, Y in ...: print(...)} loop. */
    static String epoch(EpochLayout layout) {
        List<String> parts = new ArrayList<>();
        for (Minibatch batch : layout.minibatches()) {
            parts.add(minibatch(batch));
        }
        return String.join("\n", parts);
    }

    /**
     * PyTorch's repr of an integer matrix.
     *
     * @param values [rows][columns], at least one row
     */
    static String tensor(int[][] values) {
        List<String> rows = rows(values);
        StringBuilder b = new StringBuilder("tensor([");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                b.append(",\n").append(CONTINUATION);
            }
            b.append(rows.get(i));
        }
        return b.append("])").toString();
    }

    /** The rows of a matrix as PyTorch prints them, e.g. {@code [ 3,  4,  5]}, aligned to one width. */
    static List<String> rows(int[][] values) {
        int width = 1;
        for (int[] row : values) {
            for (int v : row) {
                width = Math.max(width, Integer.toString(v).length());
            }
        }
        List<String> rows = new ArrayList<>(values.length);
        for (int[] row : values) {
            StringBuilder b = new StringBuilder("[");
            for (int t = 0; t < row.length; t++) {
                if (t > 0) {
                    b.append(", ");
                }
                String s = Integer.toString(row[t]);
                b.append(" ".repeat(width - s.length())).append(s);
            }
            rows.add(b.append(']').toString());
        }
        return rows;
    }

    /**
     * The epoch as HTML: a {@code pre} with one {@code .toy-batch} per minibatch and each row of X in
     * a {@code .toy-x-row} span coloured by row (Y's rows in a lighter {@code .toy-y-row}). Its text
     * is exactly {@link #epoch}.
     */
    static String epochHtml(EpochLayout layout) {
        StringBuilder b = new StringBuilder("<pre class=\"toy-print\">");
        for (Minibatch batch : layout.minibatches()) {
            if (batch.index() > 0) {
                b.append('\n');
            }
            b.append("<span class=\"toy-batch\" data-batch=\"")
                    .append(batch.index())
                    .append("\">X:  ");
            tensorHtml(b, batch.x(), "toy-x-row");
            b.append("\nY: ");
            tensorHtml(b, batch.y(), "toy-y-row");
            b.append("</span>");
        }
        return b.append("</pre>").toString();
    }

    private static void tensorHtml(StringBuilder b, int[][] values, String rowClass) {
        List<String> rows = rows(values);
        b.append("tensor([");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                b.append(",\n").append(CONTINUATION);
            }
            b.append("<span class=\"")
                    .append(rowClass)
                    .append("\" data-row=\"")
                    .append(i)
                    .append("\" style=\"--row-color:")
                    .append(LayoutHtml.rowColor(i))
                    .append("\">")
                    .append(rows.get(i))
                    .append("</span>");
        }
        b.append("])");
    }
}
