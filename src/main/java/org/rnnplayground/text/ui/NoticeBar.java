package org.rnnplayground.text.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * What the pages say about the current text ({@link CurrentText#notices()}), in the page's
 * language; hidden when there is nothing to say. On the Text page a notice may carry a button (use
 * Unicode cleaning); elsewhere only the message shows.
 */
public class NoticeBar extends Div {

    final Button useUnicode = new Button();
    private final Runnable onUseUnicode;

    /** A bar that shows messages only. */
    public NoticeBar() {
        this(null);
    }

    /** @param onUseUnicode called by the "use Unicode cleaning" button, or null for no button */
    NoticeBar(Runnable onUseUnicode) {
        this.onUseUnicode = onUseUnicode;
        setId("text-notice");
        addClassName("message-warning");
        setVisible(false);
        useUnicode.setId("use-unicode");
        useUnicode.setText(getTranslation("text.notice.useUnicode"));
        useUnicode.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (onUseUnicode != null) {
            useUnicode.addClickListener(e -> onUseUnicode.run());
        }
    }

    /** Shows the notices of the current text. */
    public void show(CurrentText current) {
        show(current.notices());
    }

    void show(List<Notice> notices) {
        removeAll();
        for (Notice n : notices) {
            Span text = new Span(getTranslation(n.key(), n.params().toArray()));
            text.getElement().setAttribute("data-key", n.key());
            add(text, new Span(" "));
            if (n.action() == Notice.Action.USE_UNICODE && onUseUnicode != null) {
                add(useUnicode);
            }
        }
        setVisible(!notices.isEmpty());
    }
}
