package org.rnnplayground.sampling.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.rnnplayground.sampling.SamplerConfig;
import org.rnnplayground.text.ui.CurrentText;
import org.rnnplayground.text.ui.NoticeBar;
import org.rnnplayground.text.ui.TextAnalysis;
import org.rnnplayground.ui.WholeNumberField;

/**
 * Book section 8.3.4: how a long sequence is cut into minibatches by random sampling and by
 * sequential partitioning. Three panels share the page's seed: the book's toy example printed as
 * the book prints it ({@link ToyExamplePanel}); the same layout drawn over the user's text,
 * minibatch after minibatch ({@link TextLayoutPanel}); and how often each position is used over
 * many epochs of that layout (exercise 8.3.5, {@link CoveragePanel}).
 */
@Route("minibatches")
@AnonymousAllowed
public class MinibatchesView extends VerticalLayout implements HasDynamicTitle {

    static final int DEFAULT_SEED = 1;

    private final CurrentText current;

    final WholeNumberField seed = new WholeNumberField("seed", getTranslation("minibatches.seed"));
    final Paragraph message = new Paragraph();
    final NoticeBar notices = new NoticeBar();
    final ToyExamplePanel toy = new ToyExamplePanel();
    final CoveragePanel coverage;
    final TextLayoutPanel layout;

    public MinibatchesView(CurrentText current, CoverageService coverageService) {
        this.current = current;
        coverage = new CoveragePanel(coverageService);
        layout = new TextLayoutPanel(coverage::setCut);
        setId("page-minibatches");
        addClassName("page");

        H2 title = new H2(getTranslation("minibatches.title"));
        title.setId("page-title");
        message.setId("mb-message");
        message.setVisible(false);

        add(title, explanation(), seedBar(), notices, message, toy, layout, coverage);
        seedChanged();
    }

    private Component explanation() {
        Paragraph intro = new Paragraph(getTranslation("minibatches.intro"));
        Paragraph random = new Paragraph(new Html("<span>" + getTranslation("minibatches.explain.random") + "</span>"));
        Paragraph sequential =
                new Paragraph(new Html("<span>" + getTranslation("minibatches.explain.sequential") + "</span>"));
        Div box = new Div(intro, random, sequential);
        box.setId("mb-explanation");
        box.addClassName("mb-explanation");
        return box;
    }

    private Component seedBar() {
        seed.setNumber(DEFAULT_SEED);
        seed.addValueChangeListener(e -> seedChanged());
        Span help = new Span(getTranslation("minibatches.seed.help"));
        help.addClassName("muted");
        HorizontalLayout bar = new HorizontalLayout(seed, help);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.addClassNames("options-bar", "seed-bar");
        return bar;
    }

    /** The seed in the field, or null (field marked) when it is not a valid one. */
    Integer validSeed() {
        boolean ok = seed.check(v -> v >= 0, getTranslation("minibatches.seed.invalid", Integer.MAX_VALUE));
        return ok ? seed.number().orElseThrow() : null;
    }

    /** Gives every panel the seed, or tells them there is no valid one. */
    private void seedChanged() {
        Integer value = validSeed();
        toy.setSeed(value);
        layout.setSeed(value);
        coverage.setSeed(value);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        current.whenReady(
                attachEvent.getUI(),
                () -> say(getTranslation("minibatches.loading"), false),
                this::show,
                error -> say(getTranslation("minibatches.loadFailed", String.valueOf(error.getMessage())), true));
    }

    /** Shows a note above the page's figures, or hides it when empty. */
    private void say(String text, boolean error) {
        message.setText(text);
        message.setVisible(!text.isEmpty());
        message.setClassName("message-error", error);
    }

    /** Shows a text: its layout, and through the layout its coverage. */
    void show(TextAnalysis analysis) {
        notices.show(current);
        int length = analysis.text().corpusLength();
        if (length < SamplerConfig.MIN_CORPUS_LENGTH) {
            say(getTranslation("minibatches.tooShort", length, SamplerConfig.MIN_CORPUS_LENGTH), true);
        } else {
            say("", false);
        }
        layout.show(analysis);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.nav.minibatches") + " · RNN Playground";
    }
}
