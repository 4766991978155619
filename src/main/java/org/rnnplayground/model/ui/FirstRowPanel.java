package org.rnnplayground.model.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * Row 0 of the minibatch the model ran on, token by token with its index: the shapes come from
 * real data. Ids: {@code shapes-first-row} (the tokens), {@code shapes-row-start}.
 */
class FirstRowPanel extends Div {

    /** Tokens shown before the row is cut short with "…". */
    static final int MAX_TOKENS = 60;

    final Paragraph intro = new Paragraph();
    final Div tokens = new Div();

    FirstRowPanel() {
        addClassName("card");
        addClassName("first-row-card");
        intro.setId("shapes-row-start");
        intro.addClassName("muted");
        tokens.setId("shapes-first-row");
        tokens.addClassName("row-tokens");
        add(new H3(getTranslation("shapes.row.title")), intro, tokens);
    }

    void show(ShapeTrace trace) {
        intro.setText(getTranslation("shapes.row.intro", trace.rowStart(), trace.seed(), trace.numSteps()));
        tokens.removeAll();
        int shown = Math.min(MAX_TOKENS, trace.firstRow().length);
        for (int t = 0; t < shown; t++) {
            String token = trace.firstRowTokens().get(t);
            Span text = new Span(token.equals(" ") ? "␣" : token);
            text.addClassName("chip-token");
            Span index = new Span(Integer.toString(trace.firstRow()[t]));
            index.addClassName("chip-index");
            Span chip = new Span(text, index);
            chip.addClassName("row-chip");
            chip.getElement().setAttribute("title", getTranslation("shapes.row.chip", t + 1, trace.firstRow()[t]));
            tokens.add(chip);
        }
        if (shown < trace.firstRow().length) {
            Span more = new Span(getTranslation("shapes.row.more", trace.firstRow().length - shown));
            more.addClassName("muted");
            tokens.add(more);
        }
    }
}
