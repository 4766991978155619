package org.rnnplayground.text.ui;

import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rnnplayground.text.NGramCounts;
import org.rnnplayground.text.ZipfFit;

/**
 * One row per n-gram order: distinct n-grams, total, and the Zipf fit (alpha, c, R², ranks used).
 * Cells have ids {@code zipf-<column>-<n>} (e.g. {@code zipf-alpha-1}) for tests.
 */
class ZipfTable extends NativeTable {

    private static final List<String> COLUMNS = List.of("order", "distinct", "total", "alpha", "c", "r2", "ranks");

    private final NativeTableCell[][] cells = new NativeTableCell[3][COLUMNS.size()]; // [order - 1][column]

    ZipfTable() {
        setId("zipf-table");
        addClassName("zipf-table");
        NativeTableRow header = new NativeTableRow();
        for (String column : COLUMNS) {
            header.addHeaderCell().setText(getTranslation("statistics.table." + column));
        }
        getHead().addRows(header);
        for (int n = 1; n <= cells.length; n++) {
            NativeTableRow row = new NativeTableRow();
            for (int k = 0; k < COLUMNS.size(); k++) {
                cells[n - 1][k] = row.addDataCell();
                cells[n - 1][k].setId("zipf-" + COLUMNS.get(k) + "-" + n);
            }
            getBody().addRows(row);
        }
    }

    /**
     * @param counts unigram, bigram and trigram counts, {@code [3]}
     * @param fits their fits in the same order, {@code [3]}; empty where an order has too few n-grams
     */
    void show(List<NGramCounts> counts, List<Optional<ZipfFit>> fits) {
        Locale locale = getLocale();
        for (int i = 0; i < cells.length; i++) {
            NGramCounts c = counts.get(i);
            Optional<ZipfFit> fit = fits.get(i);
            set(i, 0, getTranslation("statistics.order." + c.order()));
            set(i, 1, String.format(locale, "%,d", c.distinct()));
            set(i, 2, String.format(locale, "%,d", c.total()));
            String none = getTranslation("statistics.table.noFit");
            set(i, 3, fit.map(f -> String.format(locale, "%.3f", f.alpha())).orElse(none));
            set(i, 4, fit.map(f -> String.format(locale, "%.2f", f.c())).orElse(none));
            set(i, 5, fit.map(f -> String.format(locale, "%.3f", f.rSquared())).orElse(none));
            set(i, 6, fit.map(f -> String.format(locale, "%,d", f.ranks())).orElse(none));
        }
    }

    /** @return the text of one cell, e.g. {@code text("alpha", 1)} */
    String text(String column, int order) {
        return cells[order - 1][COLUMNS.indexOf(column)].getText();
    }

    private void set(int row, int column, String text) {
        cells[row][column].setText(text);
    }
}
