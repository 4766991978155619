package org.rnnplayground.text.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.rnnplayground.text.Vocabulary;

/** The vocabulary as a sortable, searchable table (rendered lazily by the grid). */
class VocabularyPanel extends Div {

    /**
     * One row of the table.
     *
     * @param index the token's index in the vocabulary
     * @param token the token
     * @param frequency its count in the corpus (0 for reserved tokens and {@code <unk>})
     */
    record Row(int index, String token, int frequency) {}

    final Grid<Row> grid = new Grid<>();
    final TextField search = new TextField();
    private ListDataProvider<Row> rows = new ListDataProvider<>(List.of());

    VocabularyPanel() {
        addClassName("card");
        setWidthFull();
        search.setId("vocab-search");
        search.setPlaceholder(getTranslation("text.vocab.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> applyFilter(e.getValue()));

        grid.setId("vocab-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Row::index)
                .setHeader(getTranslation("text.vocab.index"))
                .setComparator(Comparator.comparingInt(Row::index))
                .setAutoWidth(true);
        grid.addColumn(r -> r.token().equals(" ")
                        ? getTranslation("text.vocab.space")
                        : TokenDisplay.shorten(r.token(), TokenPanel.LIMITS.maxTokenChars()))
                .setHeader(getTranslation("text.vocab.token"))
                .setComparator(Comparator.comparing(Row::token))
                .setFlexGrow(2);
        grid.addColumn(Row::frequency)
                .setHeader(getTranslation("text.vocab.frequency"))
                .setComparator(Comparator.comparingInt(Row::frequency))
                .setAutoWidth(true);
        grid.setHeight("22rem");
        add(new H3(getTranslation("text.vocab.title")), search, grid);
    }

    void show(Vocabulary vocab) {
        List<Row> list = new ArrayList<>(vocab.vocabSize());
        for (int i = 0; i < vocab.vocabSize(); i++) {
            list.add(new Row(i, vocab.tokenAt(i), vocab.frequencyAt(i)));
        }
        rows = new ListDataProvider<>(list);
        grid.setItems(rows);
        applyFilter(search.getValue());
    }

    private void applyFilter(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        rows.setFilter(
                q.isEmpty()
                        ? null
                        : r -> r.token().toLowerCase(Locale.ROOT).contains(q)
                                || String.valueOf(r.index()).equals(q));
    }
}
