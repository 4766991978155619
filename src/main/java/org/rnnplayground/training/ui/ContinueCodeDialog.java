package org.rnnplayground.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Continue on another device": shows this learner's short code, to type on another browser, and
 * takes a code typed here, after which this browser is that learner and the page reloads with
 * their runs.
 */
class ContinueCodeDialog extends Dialog {

    private static final Logger LOG = LoggerFactory.getLogger(ContinueCodeDialog.class);

    /** Codes are 11 characters with their dash; a little room for spaces. */
    static final int MAX_TYPED = 24;

    final Button showCode = new Button();
    final Span myCode = new Span();
    final TextField typed = new TextField();
    final Button useCode = new Button();
    final Paragraph message = new Paragraph();

    ContinueCodeDialog(ContinueCodes codes) {
        setId("continue-dialog");
        setHeaderTitle(getTranslation("train.continue.title"));
        setWidth("min(34rem, 95vw)");

        Paragraph mine = new Paragraph(getTranslation("train.continue.mine"));
        mine.addClassName("muted");
        showCode.setText(getTranslation("train.continue.show"));
        showCode.setId("show-code");
        myCode.setId("my-code");
        // large, spaced and easy to copy by hand
        myCode.getStyle()
                .set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-xl)")
                .set("letter-spacing", "0.12em")
                .set("user-select", "all");
        showCode.addClickListener(e -> {
            try {
                myCode.setText(codes.newCode(VaadinSession.getCurrent()));
                showCode.setText(getTranslation("train.continue.again"));
            } catch (RuntimeException failed) {
                LOG.warn("Could not make a continue code", failed);
                myCode.setText(getTranslation("train.continue.unavailable"));
            }
        });

        Paragraph theirs = new Paragraph(getTranslation("train.continue.theirs"));
        theirs.addClassName("muted");
        typed.setId("enter-code");
        typed.setLabel(getTranslation("train.continue.field"));
        typed.setPlaceholder("ABCDE-FGHJK");
        typed.setMaxLength(MAX_TYPED);
        typed.setClearButtonVisible(true);
        useCode.setText(getTranslation("train.continue.use"));
        useCode.setId("use-code");
        useCode.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        useCode.addClickListener(e -> use(codes));
        typed.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> use(codes));
        message.setId("code-message");

        HorizontalLayout entry = new HorizontalLayout(typed, useCode);
        entry.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout showing = new HorizontalLayout(showCode, myCode);
        showing.setAlignItems(FlexComponent.Alignment.CENTER);
        H4 theirsTitle = new H4(getTranslation("train.continue.theirsTitle"));
        theirsTitle.getStyle().set("margin-top", "var(--lumo-space-l)");
        add(new H4(getTranslation("train.continue.mineTitle")), mine, showing);
        add(theirsTitle, theirs, entry, message);
        Button close = new Button(getTranslation("train.continue.close"), e -> close());
        close.setId("continue-close");
        getFooter().add(close);
    }

    private void use(ContinueCodes codes) {
        String value = typed.getValue();
        if (value.length() > MAX_TYPED) {
            message.setText(getTranslation("train.continue.unknown"));
            return;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null ? "unknown" : request.getRemoteAddr();
        ContinueCodes.Outcome outcome;
        try {
            outcome = codes.continueWith(value, address, VaadinSession.getCurrent());
        } catch (RuntimeException failed) {
            LOG.warn("Could not check a continue code", failed);
            message.setText(getTranslation("train.continue.unavailable"));
            return;
        }
        message.getElement().setAttribute("data-outcome", outcome.name());
        switch (outcome) {
            case CONTINUED -> {
                message.setText(getTranslation("train.continue.continued"));
                UI.getCurrent().getPage().reload();
            }
            case UNKNOWN -> message.setText(getTranslation("train.continue.unknown"));
            case THROTTLED -> message.setText(getTranslation("train.continue.throttled"));
        }
    }
}
