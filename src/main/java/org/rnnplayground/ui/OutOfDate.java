package org.rnnplayground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/**
 * A panel's note (used by the Minibatches and Sequence pages) that the results it shows no longer match its inputs (a value is invalid, or the
 * new results are still being worked out): visible above the results, which are dimmed and carry
 * the class {@code stale} until they are redrawn.
 */
public final class OutOfDate extends Paragraph {

    private final List<Component> results;

    public OutOfDate(String id, Component... results) {
        this.results = List.of(results);
        setId(id);
        addClassName("out-of-date");
        setVisible(false);
    }

    /** Marks the results out of date, saying why. */
    public void mark(String why) {
        setText(why);
        setVisible(true);
        for (Component c : results) {
            c.getElement().getClassList().add("stale");
            c.getElement().getStyle().set("opacity", "0.45");
        }
    }

    /** The results match their inputs again. */
    public void clear() {
        setText("");
        setVisible(false);
        for (Component c : results) {
            c.getElement().getClassList().remove("stale");
            c.getElement().getStyle().remove("opacity");
        }
    }

    public boolean marked() {
        return isVisible();
    }
}
