package org.rnnplayground.text.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.rnnplayground.text.Vocabulary;

/**
 * The vocabulary as a searchable table, in index order (which is by descending frequency), or
 * reversed. Rows are read from the vocabulary as the grid scrolls, one page of the grid at a time,
 * so a vocabulary of a million tokens costs what a page of rows costs; a search keeps the indices
 * of at most {@value #MAX_MATCHES} matches.
 */
class VocabularyPanel extends Div {

    /**
     * One row of the table.
     *
     * @param index the token's index in the vocabulary
     * @param token the token
     * @param frequency its count in the corpus (0 for reserved tokens and {@code <unk>})
     */
    record Row(int index, String token, int frequency) {}

    /** The most matches a search keeps; a note says when there are more. */
    static final int MAX_MATCHES = 10_000;

    final Grid<Row> grid = new Grid<>();
    final TextField search = new TextField();
    final Span counting = new Span();

    private Vocabulary vocab;
    /** The indices the search matches, ascending, or null to show every index. */
    private int[] matches;
    /** Rows made for the grid since the panel was created, for tests: pages of rows, never all. */
    private long rowsMade;

    VocabularyPanel() {
        addClassName("card");
        setWidthFull();
        search.setId("vocab-search");
        search.setPlaceholder(getTranslation("text.vocab.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> applyFilter(e.getValue()));
        counting.setId("vocab-counting");
        counting.addClassName("muted");
        counting.setText(getTranslation("text.vocab.counting"));
        counting.setVisible(false);

        grid.setId("vocab-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Row::index)
                .setHeader(getTranslation("text.vocab.index"))
                .setSortable(true)
                .setSortProperty("index")
                .setAutoWidth(true);
        grid.addColumn(r -> r.token().equals(" ")
                        ? getTranslation("text.vocab.space")
                        : TokenDisplay.shorten(r.token(), TokenPanel.LIMITS.maxTokenChars()))
                .setHeader(getTranslation("text.vocab.token"))
                .setFlexGrow(2);
        grid.addColumn(Row::frequency)
                .setHeader(getTranslation("text.vocab.frequency"))
                .setAutoWidth(true);
        grid.setHeight("22rem");
        grid.setItems(
                query -> rows(query.getOffset(), query.getLimit(), descending(query.getSortOrders())), query -> size());
        add(new H3(getTranslation("text.vocab.title")), search, counting, grid);
    }

    /** Shows a vocabulary; its rows are made as the grid asks for them. */
    void show(Vocabulary newVocab) {
        this.vocab = newVocab;
        counting.setVisible(false);
        search.setEnabled(true);
        applyFilter(search.getValue());
    }

    /** Empties the table and says that the vocabulary is being counted. */
    void showCounting() {
        this.vocab = null;
        this.matches = null;
        counting.setVisible(true);
        search.setEnabled(false);
        grid.getDataProvider().refreshAll();
    }

    /** @return how many rows the grid was given since the panel was created */
    long rowsMade() {
        return rowsMade;
    }

    private static boolean descending(List<QuerySortOrder> orders) {
        return !orders.isEmpty() && orders.getFirst().getDirection() == SortDirection.DESCENDING;
    }

    /** The number of rows: the vocabulary's size, or the number of matches of the search. */
    private int size() {
        if (vocab == null) {
            return 0;
        }
        return matches != null ? matches.length : vocab.vocabSize();
    }

    /** Rows {@code [offset, offset + limit)} of the table, in index order or reversed. */
    Stream<Row> rows(int offset, int limit, boolean descending) {
        int size = size();
        int end = Math.min(size, offset + limit);
        return IntStream.range(Math.min(offset, end), end).mapToObj(k -> {
            int position = descending ? size - 1 - k : k;
            int index = matches != null ? matches[position] : position;
            rowsMade++;
            return new Row(index, vocab.tokenAt(index), vocab.frequencyAt(index));
        });
    }

    private void applyFilter(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        matches = vocab == null || q.isEmpty() ? null : search(q);
        search.setHelperText(
                matches != null && matches.length == MAX_MATCHES
                        ? getTranslation("text.vocab.manyMatches", MAX_MATCHES)
                        : null);
        grid.getDataProvider().refreshAll();
    }

    /** The indices of the first {@value #MAX_MATCHES} tokens that contain {@code q}, or whose index is {@code q}. */
    private int[] search(String q) {
        int[] found = new int[Math.min(MAX_MATCHES, vocab.vocabSize())];
        int n = 0;
        for (int i = 0; i < vocab.vocabSize() && n < found.length; i++) {
            if (vocab.tokenAt(i).toLowerCase(Locale.ROOT).contains(q)
                    || String.valueOf(i).equals(q)) {
                found[n++] = i;
            }
        }
        return Arrays.copyOf(found, n);
    }
}
