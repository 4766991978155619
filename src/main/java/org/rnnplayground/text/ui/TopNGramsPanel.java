package org.rnnplayground.text.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.stream.IntStream;
import org.rnnplayground.text.NGram;
import org.rnnplayground.text.NGramCounts;

/**
 * The most frequent n-grams of one order as a table (rank, n-gram, count). Rows are read from the
 * counts as the grid scrolls, so a long top list costs nothing until it is seen.
 */
class TopNGramsPanel extends Div {

    /**
     * One row of the table.
     *
     * @param rank 1-based rank
     * @param ngram the n-gram's tokens joined by spaces
     * @param count how often it occurs
     */
    record Row(int rank, String ngram, int count) {}

    /** Up to this many rows the grid grows to show them all; beyond, it scrolls. */
    private static final int ALL_ROWS_VISIBLE = 12;

    final Grid<Row> grid = new Grid<>();
    private final H3 heading = new H3();

    /**
     * @param order n, 1 to 3
     * @param id the grid's id, e.g. {@code top-unigrams}
     */
    TopNGramsPanel(int order, String id) {
        addClassName("card");
        addClassName("top-ngrams");
        heading.setText(getTranslation("statistics.top.title." + order));
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Row::rank)
                .setHeader(getTranslation("statistics.top.rank"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Row::ngram)
                .setHeader(getTranslation("statistics.top.ngram"))
                .setFlexGrow(1);
        grid.addColumn(Row::count)
                .setHeader(getTranslation("statistics.top.count"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        add(heading, grid);
    }

    /**
     * Shows the {@code n} most frequent n-grams (fewer when the text has fewer).
     *
     * @param characters whether the tokens are characters (written together rather than spaced)
     */
    void show(NGramCounts counts, int n, boolean characters) {
        int size = Math.min(n, counts.distinct());
        grid.setAllRowsVisible(size <= ALL_ROWS_VISIBLE);
        grid.setHeight(size <= ALL_ROWS_VISIBLE ? null : "26rem");
        grid.setItems(
                query -> IntStream.range(query.getOffset(), Math.min(size, query.getOffset() + query.getLimit()))
                        .mapToObj(
                                i -> new Row(i + 1, text(counts.atRank(i + 1), characters), counts.frequencyAt(i + 1))),
                query -> size);
    }

    /**
     * How an n-gram reads in a cell: word tokens joined by spaces ({@code of the}); character
     * tokens written together, a space token as ␣ ({@code e␣t}).
     */
    static String text(NGram ngram, boolean characters) {
        if (!characters) {
            return ngram.text();
        }
        return String.join("", ngram.tokens()).replace(' ', '␣');
    }
}
