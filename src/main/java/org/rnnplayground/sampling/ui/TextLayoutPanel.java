package org.rnnplayground.sampling.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.rnnplayground.sampling.SamplerConfig;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.text.TokenizerKind;
import org.rnnplayground.text.ui.TextAnalysis;
import org.rnnplayground.ui.OutOfDate;
import org.rnnplayground.ui.WholeNumberField;

/**
 * Both methods' layout over the first {@code max_tokens} tokens of the user's text, minibatch after
 * minibatch: stepped by hand or played, with where the hidden state carries over.
 */
class TextLayoutPanel extends Div {

    static final int BOOK_BATCH_SIZE = 32;
    static final int BOOK_NUM_STEPS = 35;
    /** d2l's {@code load_data_time_machine(..., max_tokens=10000)}. */
    static final int BOOK_MAX_TOKENS = 10_000;

    static final int PLAY_INTERVAL_MS = 900;

    /**
     * How the text is cut: its first {@code corpusLength} tokens, with {@code config}.
     *
     * @param corpusLength tokens the layout is drawn over
     * @param config fits {@code corpusLength}
     */
    record Cut(int corpusLength, SamplerConfig config) {}

    final Span textName = new Span();
    final WholeNumberField batchSize =
            LayoutControls.sizeField(this, "batch-size", "minibatches.batchSize", BOOK_BATCH_SIZE);
    final WholeNumberField numSteps =
            LayoutControls.sizeField(this, "num-steps", "minibatches.numSteps", BOOK_NUM_STEPS);
    final WholeNumberField maxTokens =
            LayoutControls.sizeField(this, "max-tokens", "minibatches.maxTokens", BOOK_MAX_TOKENS);
    final Button newEpoch = new Button();
    final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());
    final Button play = new Button();
    final Span epochInfo = new Span();
    final MethodPanel randomPanel = new MethodPanel(SamplerKind.RANDOM);
    final MethodPanel sequentialPanel = new MethodPanel(SamplerKind.SEQUENTIAL);
    final OutOfDate outOfDate;

    private final Consumer<Cut> cutChanged;

    /** The page's seed; null while it has no valid one. */
    private Integer seed;

    private TextAnalysis analysis;
    private TokenText text;
    /** The cut last reported to {@link #cutChanged}; null while the fields do not give one. */
    private Cut cut;

    /** The epochs shown, drawn from the last valid values over this text; null before the first. */
    MethodEpochs epochs;

    /** The minibatch shown, from 0. */
    int step;

    /** Autoplay's poll listener, or null when not playing. */
    private Registration poll;

    /**
     * @param cutChanged told each time the fields give another cut of the text, or none (null)
     */
    TextLayoutPanel(Consumer<Cut> cutChanged) {
        this.cutChanged = cutChanged;
        textName.setId("mb-text-name");
        textName.addClassName("mb-text-name");
        maxTokens.setWidth("16rem");
        maxTokens.setHelperText(getTranslation("minibatches.maxTokens.help"));
        batchSize.addValueChangeListener(e -> refresh());
        numSteps.addValueChangeListener(e -> refresh());
        maxTokens.addValueChangeListener(e -> refresh());

        newEpoch.setId("layout-new-epoch");
        newEpoch.setText(getTranslation("minibatches.newEpoch"));
        newEpoch.setIcon(VaadinIcon.REFRESH.create());
        newEpoch.addClickListener(e -> nextEpoch());
        previous.setId("mb-previous");
        previous.setAriaLabel(getTranslation("minibatches.previous"));
        previous.getElement().setAttribute("title", getTranslation("minibatches.previous"));
        previous.addClickListener(e -> showStep(step - 1));
        next.setId("mb-next");
        next.setAriaLabel(getTranslation("minibatches.next"));
        next.getElement().setAttribute("title", getTranslation("minibatches.next"));
        next.addClickListener(e -> showStep(step + 1));
        play.setId("mb-play");
        play.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        play.addClickListener(e -> togglePlay());
        showPlaying(false);
        epochInfo.setId("layout-epoch-info");
        epochInfo.addClassName("epoch-info");
        for (Button b : List.of(previous, next)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        enableStepping(false);

        HorizontalLayout fields = new HorizontalLayout(batchSize, numSteps, maxTokens);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.getStyle().set("flex-wrap", "wrap");
        fields.addClassName("options-bar");
        HorizontalLayout stepper = new HorizontalLayout(newEpoch, previous, play, next, epochInfo);
        stepper.setAlignItems(FlexComponent.Alignment.CENTER);
        stepper.getStyle().set("flex-wrap", "wrap");
        stepper.addClassName("stepper");
        FlexLayout columns = LayoutControls.sideBySide(randomPanel, sequentialPanel);
        outOfDate = new OutOfDate("layout-out-of-date", epochInfo, columns);

        Div heading = new Div(new H3(getTranslation("minibatches.layout.title")), textName);
        heading.addClassName("method-heading");
        Paragraph caption = new Paragraph(getTranslation("minibatches.layout.caption"));
        caption.addClassName("muted");
        add(heading, caption, fields, stepper, outOfDate, columns);
        addClassName("card");
        setWidthFull();
    }

    /** Uses the page's seed, or marks the layout out of date while the page has no valid one (null). */
    void setSeed(Integer seed) {
        this.seed = seed;
        refresh();
    }

    /** Shows a text: clears the layout of the previous one and cuts this one with the fields' values. */
    void show(TextAnalysis newAnalysis) {
        if (newAnalysis == analysis) {
            return;
        }
        analysis = newAnalysis;
        var processed = newAnalysis.text();
        text = new TokenText(processed.tokens(), processed.options().tokenizer() == TokenizerKind.WORD);
        clear();
        int length = processed.corpusLength();
        textName.setText(getTranslation("minibatches.layout.text", newAnalysis.name(), length));
        // a number beyond this text is cut to it; a text that is no number stays, refused, as typed
        if (maxTokens.number().filter(v -> v > length).isPresent()) {
            maxTokens.setNumber(Math.min(BOOK_MAX_TOKENS, length)); // fires refresh
        }
        refresh();
    }

    /** The number of leading tokens to cut the text to, or null (field marked) when out of range. */
    private Integer validMaxTokens(int corpusLength) {
        boolean ok = maxTokens.check(
                v -> v >= SamplerConfig.MIN_CORPUS_LENGTH && v <= corpusLength,
                getTranslation("minibatches.maxTokens.invalid", SamplerConfig.MIN_CORPUS_LENGTH, corpusLength));
        return ok ? maxTokens.number().orElseThrow() : null;
    }

    /** The cut the fields give for the text, or null (the field at fault marked) when they give none. */
    private Cut validCut() {
        Integer tokens = validMaxTokens(analysis.text().corpusLength());
        if (tokens == null) {
            return null;
        }
        SamplerConfig config = LayoutControls.check(tokens, batchSize, numSteps);
        return config == null ? null : new Cut(tokens, config);
    }

    /**
     * Draws the first epoch when the cut or the seed changed, and reports a new cut; marks the layout
     * out of date while a value is invalid.
     */
    private void refresh() {
        if (analysis == null) {
            return;
        }
        Cut newCut = validCut();
        if (!Objects.equals(newCut, cut)) {
            cut = newCut;
            cutChanged.accept(newCut);
        }
        if (newCut == null || seed == null) {
            stopPlaying();
            enableStepping(false);
            if (epochs != null) {
                outOfDate.mark(getTranslation("minibatches.outOfDate"));
            }
            return;
        }
        outOfDate.clear();
        if (epochs == null || !epochs.drawnFor(newCut.corpusLength(), newCut.config(), seed)) {
            int[] region = Arrays.copyOf(analysis.text().corpus(), newCut.corpusLength());
            epochs = new MethodEpochs(region, newCut.config(), seed);
            showEpoch();
        } else {
            enableStepping(true);
        }
    }

    /** Removes the layout of a text that is no longer the current one. */
    private void clear() {
        stopPlaying();
        epochs = null;
        step = 0;
        epochInfo.setText("");
        randomPanel.clear();
        sequentialPanel.clear();
        outOfDate.clear();
        enableStepping(false);
    }

    /** Draws the next epoch of each method and shows its first minibatch. */
    private void nextEpoch() {
        epochs.next();
        showEpoch();
    }

    private void showEpoch() {
        epochInfo.setText(getTranslation(
                "minibatches.layout.epochInfo", String.valueOf(epochs.seed()), epochs.epoch(), epochs.corpusLength()));
        showStep(0);
    }

    /** Number of steps of the current epoch: the larger of the two methods' minibatch counts. */
    int steps() {
        return epochs == null ? 0 : epochs.steps();
    }

    /** Shows minibatch {@code k} (from 0) of both methods. */
    void showStep(int k) {
        if (epochs == null) {
            return;
        }
        step = Math.max(0, Math.min(k, steps() - 1));
        randomPanel.show(epochs.random(), step, text);
        sequentialPanel.show(epochs.sequential(), step, text);
        enableStepping(true);
    }

    /** Enables the stepping buttons that make sense for the minibatch shown, or none. */
    private void enableStepping(boolean enabled) {
        newEpoch.setEnabled(enabled);
        play.setEnabled(enabled);
        previous.setEnabled(enabled && step > 0);
        next.setEnabled(enabled && step < steps() - 1);
    }

    // ---------------------------------------------------------------- autoplay

    private void togglePlay() {
        if (poll != null) {
            stopPlaying();
            return;
        }
        getUI().ifPresent(ui -> {
            Registration listener = ui.addPollListener(e -> tick());
            ui.setPollInterval(PLAY_INTERVAL_MS);
            poll = () -> {
                listener.remove();
                ui.setPollInterval(-1);
            };
            showPlaying(true);
        });
    }

    /** One step of autoplay: the next minibatch, or the first of a new epoch after the last. */
    void tick() {
        if (epochs == null) {
            return;
        }
        if (step < steps() - 1) {
            showStep(step + 1);
        } else {
            nextEpoch();
        }
    }

    private void stopPlaying() {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        showPlaying(false);
    }

    boolean playing() {
        return poll != null;
    }

    private void showPlaying(boolean playing) {
        play.setText(getTranslation(playing ? "minibatches.pause" : "minibatches.play"));
        play.setIcon((playing ? VaadinIcon.PAUSE : VaadinIcon.PLAY).create());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPlaying();
        super.onDetach(detachEvent);
    }
}
