package org.rnnplayground.sampling.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.rnnplayground.sampling.EpochLayout;
import org.rnnplayground.sampling.Minibatch;
import org.rnnplayground.sampling.SamplerKind;

/**
 * One method's side of the corpus layout: which minibatch is shown, whether the hidden state
 * carries over into it, its rows of X over the text, and the start of the text with those rows
 * coloured.
 */
class MethodPanel extends Div {

    static final int MAX_ROWS = 64;
    static final int MAX_STEPS = 60;
    static final int CONTEXT = 4;
    static final int WINDOW_TOKENS = 300;

    final SamplerKind kind;
    final Span index = new Span();
    final Span info = new Span();
    final Div state = new Div();
    final Div rows = new Div();
    final Div window = new Div();
    private final LayoutHtml.Labels labels;

    MethodPanel(SamplerKind kind) {
        this.kind = kind;
        String id = kind.name().toLowerCase(Locale.ROOT);
        setId("layout-" + id);
        addClassNames("card", "method-panel");
        index.setId("mb-index-" + id);
        index.addClassName("mb-index");
        info.setId("layout-info-" + id);
        info.addClassName("muted");
        state.setId("state-" + id);
        state.addClassName("state-marker");
        rows.setId("rows-" + id);
        window.setId("window-" + id);
        window.addClassName("mb-window-box");
        labels = new LayoutHtml.Labels(
                i -> getTranslation("minibatches.row", i),
                (i, first, last) -> getTranslation("minibatches.rowSpan", i, first, last),
                getTranslation("minibatches.marker.carried"),
                getTranslation("minibatches.marker.reset"),
                getTranslation("minibatches.marker.label"),
                getTranslation("minibatches.marker.skipped"),
                n -> getTranslation("minibatches.moreRows", n),
                n -> getTranslation("minibatches.moreSteps", n));

        Div heading = new Div(new H3(getTranslation("minibatches.method." + kind.name())), index);
        heading.addClassName("method-heading");
        Span windowHeading = new Span(getTranslation("minibatches.layout.window", WINDOW_TOKENS));
        windowHeading.addClassName("subheading");
        add(heading, info, state, rows, windowHeading, window);
    }

    /** Shows minibatch {@code k} (from 0) of an epoch; past its last minibatch, says the epoch is over. */
    void show(EpochLayout layout, int k, TokenText text) {
        int numBatches = layout.numBatches();
        info.setText(getTranslation("minibatches.layout.info", layout.offset(), layout.discardedTail(), numBatches));
        rows.removeAll();
        window.removeAll();
        state.removeClassNames("carried", "reset", "over");
        if (k >= numBatches) {
            index.setText(getTranslation("minibatches.layout.indexOver", numBatches));
            state.setText(getTranslation("minibatches.layout.over", numBatches));
            state.addClassName("over");
            window.add(new Html(LayoutHtml.window(layout, null, text, labels, WINDOW_TOKENS)));
            return;
        }
        Minibatch batch = layout.minibatches().get(k);
        index.setText(getTranslation("minibatches.layout.index", k + 1, numBatches));
        boolean carried = kind.carriesState() && k > 0;
        if (carried) {
            int previousEnd = layout.minibatches().get(k - 1).rowStarts()[0] + layout.numSteps() - 1;
            state.setText(getTranslation("minibatches.layout.carried", k, batch.rowStarts()[0], previousEnd));
        } else if (kind.carriesState()) {
            state.setText(getTranslation("minibatches.layout.first"));
        } else {
            state.setText(getTranslation("minibatches.layout.reset"));
        }
        state.addClassName(carried ? "carried" : "reset");
        rows.add(new Html(LayoutHtml.rows(batch, text, labels, carried, MAX_ROWS, MAX_STEPS, CONTEXT)));
        window.add(new Html(LayoutHtml.window(layout, batch, text, labels, WINDOW_TOKENS)));
    }

    /** Clears the panel (no layout for the current text). */
    void clear() {
        index.setText("");
        info.setText("");
        state.setText("");
        state.removeClassNames("carried", "reset", "over");
        rows.removeAll();
        window.removeAll();
    }
}
