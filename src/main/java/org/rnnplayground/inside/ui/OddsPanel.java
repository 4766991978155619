package org.rnnplayground.inside.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnplayground.inside.DivergingScale;
import org.rnnplayground.inside.NextTokenOdds;
import org.rnnplayground.inside.Passage;
import org.rnnplayground.text.Vocabulary;

/**
 * Next-token odds over the passage ({@code next-token}): each token coloured by the model's surprise at
 * it (its cross-entropy), hover for the top 5 the model expected there; the passage's perplexity; a
 * table of every position's top 5.
 */
class OddsPanel extends Div {

    /** One row of the table: the token at {@code step} and what the model expected after the one before. */
    record Row(int step, String context, String actual, double surprise, String top) {}

    final Paragraph perplexity = new Paragraph();
    final TokenHtml text = new TokenHtml("next-token-text");
    final Grid<Row> table = new Grid<>();

    OddsPanel() {
        addClassName("card");
        setId("next-token");
        perplexity.setId("next-token-perplexity");
        table.setId("next-token-grid");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.addColumn(Row::step).setHeader(getTranslation("inside.odds.step")).setAutoWidth(true);
        table.addColumn(Row::context)
                .setHeader(getTranslation("inside.odds.after"))
                .setAutoWidth(true);
        table.addColumn(Row::actual)
                .setHeader(getTranslation("inside.odds.actual"))
                .setAutoWidth(true);
        table.addColumn(r -> String.format(Locale.ROOT, "%.2f", r.surprise()))
                .setHeader(getTranslation("inside.odds.surprise"))
                .setAutoWidth(true);
        table.addColumn(Row::top).setHeader(getTranslation("inside.odds.top")).setFlexGrow(1);
        table.setHeight("16rem");
        Paragraph intro = new Paragraph(getTranslation("inside.odds.intro"));
        intro.addClassName("muted");
        add(new H3(getTranslation("inside.odds.title")), intro, perplexity, text, table);
    }

    void show(Passage passage, NextTokenOdds odds, Vocabulary vocab, boolean spaced) {
        perplexity.setText(getTranslation(
                "inside.odds.perplexity",
                String.format(Locale.ROOT, "%.2f", odds.perplexity()),
                odds.positions().size()));
        List<NextTokenOdds.Position> positions = odds.positions();
        double[] surprises =
                positions.stream().mapToDouble(NextTokenOdds.Position::surprise).toArray();
        double worst = java.util.Arrays.stream(surprises)
                .filter(Double::isFinite)
                .max()
                .orElse(1);
        // white at no surprise, red at the passage's largest
        DivergingScale scale = new DivergingScale(0, Math.max(worst, 1e-9));
        List<String> predicted = passage.shown().subList(1, passage.length());
        List<Row> rows = new ArrayList<>(positions.size());
        for (int t = 0; t < positions.size(); t++) {
            NextTokenOdds.Position p = positions.get(t);
            rows.add(new Row(
                    t + 2, shown(passage.shown().get(t)), shown(predicted.get(t)), p.surprise(), top(p, vocab)));
        }
        text.show(
                predicted,
                spaced,
                i -> new TokenHtml.Look(
                        scale.css(surprises[i]),
                        getTranslation(
                                "inside.odds.tokenTitle",
                                String.format(Locale.ROOT, "%.2f", surprises[i]),
                                top(positions.get(i), vocab)),
                        false));
        table.setItems(rows);
    }

    private String top(NextTokenOdds.Position p, Vocabulary vocab) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < p.top().length; k++) {
            parts.add(
                    shown(vocab.tokenAt(p.top()[k])) + " " + String.format(Locale.ROOT, "%.2f", p.probabilities()[k]));
        }
        return String.join(" · ", parts);
    }

    /** Whitespace made visible in the table and tooltips. */
    static String shown(String token) {
        return token.replace(" ", "␣").replace("\n", "↵");
    }
}
