package org.rnnplayground.sampling.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.rnnplayground.sampling.Coverage;
import org.rnnplayground.sampling.EpochLayout;
import org.rnnplayground.sampling.SamplerConfig;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.sampling.Samplers;
import org.rnnplayground.text.TokenizerKind;
import org.rnnplayground.text.ui.CurrentText;
import org.rnnplayground.text.ui.TextAnalysis;
import org.rnnplayground.ui.Widgets;
import org.rnnplayground.ui.chart.Axis;
import org.rnnplayground.ui.chart.Chart;
import org.rnnplayground.ui.chart.ChartColors;
import org.rnnplayground.ui.chart.ChartConfig;
import org.rnnplayground.ui.chart.ChartType;
import org.rnnplayground.ui.chart.Series;

/**
 * Book section 8.3.4: how a long sequence is cut into minibatches by random sampling and by
 * sequential partitioning. The book's toy example printed as the book prints it; the same layout
 * drawn over the user's text, minibatch after minibatch, with where the hidden state carries over;
 * and how often each position is used over many epochs (exercise 8.3.5).
 */
@Route("minibatches")
@AnonymousAllowed
public class MinibatchesView extends VerticalLayout implements HasDynamicTitle {

    /** The book's toy sequence, {@code list(range(35))}. */
    static final int[] TOY = IntStream.range(0, 35).toArray();

    static final int TOY_BATCH_SIZE = 2;
    static final int TOY_NUM_STEPS = 5;
    static final int BOOK_BATCH_SIZE = 32;
    static final int BOOK_NUM_STEPS = 35;
    /** d2l's {@code load_data_time_machine(..., max_tokens=10000)}. */
    static final int BOOK_MAX_TOKENS = 10_000;

    static final int DEFAULT_SEED = 1;
    static final int DEFAULT_EPOCHS = 100;
    static final int PLAY_INTERVAL_MS = 900;

    private final CurrentText current;
    private final CoverageService coverageService;

    final IntegerField seed = new IntegerField();
    final Paragraph message = new Paragraph();

    final IntegerField toyBatchSize = new IntegerField();
    final IntegerField toyNumSteps = new IntegerField();
    final Button toyNewEpoch = new Button();
    final Span toyEpochInfo = new Span();
    final Div toyRandom = new Div();
    final Div toySequential = new Div();

    final Span textName = new Span();
    final IntegerField batchSize = new IntegerField();
    final IntegerField numSteps = new IntegerField();
    final IntegerField maxTokens = new IntegerField();
    final Button newEpoch = new Button();
    final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());
    final Button play = new Button();
    final Span epochInfo = new Span();
    final MethodPanel randomPanel = new MethodPanel(SamplerKind.RANDOM);
    final MethodPanel sequentialPanel = new MethodPanel(SamplerKind.SEQUENTIAL);

    final IntegerField coverageEpochs = new IntegerField();
    final Select<CoveragePlot.View> coverageView = new Select<>();
    final Span discardedRandom = new Span();
    final Span discardedSequential = new Span();
    final Span unusedRandom = new Span();
    final Span unusedSequential = new Span();
    final Paragraph coverageCaption = new Paragraph();
    final Chart coverageChart;

    private final LayoutHtml.Labels labels;

    // The toy example: the last valid settings and the epoch drawn from them.
    private Settings toySettings = new Settings(TOY.length, TOY_BATCH_SIZE, TOY_NUM_STEPS);
    private long toySeed = DEFAULT_SEED;
    private RandomGenerator toyRngRandom;
    private RandomGenerator toyRngSequential;
    private int toyEpoch;
    EpochLayout toyLayoutRandom;
    EpochLayout toyLayoutSequential;

    // The user's text: the last valid settings and the epoch and minibatch shown.
    private TextAnalysis analysis;
    private TokenText text;
    private int[] region;
    private Settings corpusSettings;
    private long corpusSeed = DEFAULT_SEED;
    private RandomGenerator rngRandom;
    private RandomGenerator rngSequential;
    private int epoch;
    int step;
    EpochLayout layoutRandom;
    EpochLayout layoutSequential;

    private Registration poll;
    private CompletableFuture<CoverageService.Both> pendingCoverage;
    CoverageService.Both coverage;

    /**
     * Settings that passed validation.
     *
     * @param corpusLength tokens the layout is drawn over
     * @param batchSize rows per minibatch
     * @param numSteps time steps per row
     */
    record Settings(int corpusLength, int batchSize, int numSteps) {}

    public MinibatchesView(CurrentText current, CoverageService coverageService) {
        this.current = current;
        this.coverageService = coverageService;
        setId("page-minibatches");
        addClassName("page");
        labels = new LayoutHtml.Labels(
                i -> getTranslation("minibatches.row", i),
                (i, first, last) -> getTranslation("minibatches.rowSpan", i, first, last),
                getTranslation("minibatches.marker.carried"),
                getTranslation("minibatches.marker.reset"),
                getTranslation("minibatches.marker.label"),
                getTranslation("minibatches.marker.skipped"),
                n -> getTranslation("minibatches.moreRows", n),
                n -> getTranslation("minibatches.moreSteps", n));

        H2 title = new H2(getTranslation("minibatches.title"));
        title.setId("page-title");
        message.setId("mb-message");
        message.setVisible(false);

        coverageChart = new Chart(new ChartConfig(
                ChartType.LINE,
                getTranslation("minibatches.coverage.chart"),
                Axis.linear(getTranslation("minibatches.coverage.axisPosition")),
                Axis.linear(getTranslation("minibatches.coverage.axisCount")).withRange(0.0, null),
                true,
                true));
        coverageChart.setId("coverage-chart");
        coverageChart.setHeight("300px");

        add(title, explanation(), seedBar(), message, toyCard(), corpusCard(), coverageCard());
        redrawToy();
    }

    // ---------------------------------------------------------------- layout of the page

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
        seed.setId("seed");
        seed.setLabel(getTranslation("minibatches.seed"));
        seed.setMin(0);
        seed.setMax(Integer.MAX_VALUE);
        seed.setStepButtonsVisible(true);
        seed.setManualValidation(true);
        seed.setValue(DEFAULT_SEED);
        seed.addValueChangeListener(e -> seedChanged());
        Span help = new Span(getTranslation("minibatches.seed.help"));
        help.addClassName("muted");
        HorizontalLayout bar = new HorizontalLayout(seed, help);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.addClassNames("options-bar", "seed-bar");
        return bar;
    }

    private Component toyCard() {
        integerField(toyBatchSize, "toy-batch-size", "minibatches.batchSize", TOY_BATCH_SIZE);
        integerField(toyNumSteps, "toy-num-steps", "minibatches.numSteps", TOY_NUM_STEPS);
        toyBatchSize.addValueChangeListener(e -> toyChanged());
        toyNumSteps.addValueChangeListener(e -> toyChanged());
        toyNewEpoch.setId("toy-new-epoch");
        toyNewEpoch.setText(getTranslation("minibatches.newEpoch"));
        toyNewEpoch.setIcon(VaadinIcon.REFRESH.create());
        toyNewEpoch.addClickListener(e -> drawToyEpoch());
        toyEpochInfo.setId("toy-epoch-info");
        toyEpochInfo.addClassName("epoch-info");

        HorizontalLayout bar = new HorizontalLayout(toyBatchSize, toyNumSteps, toyNewEpoch, toyEpochInfo);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        bar.addClassName("options-bar");

        toyRandom.setId("toy-random");
        toySequential.setId("toy-sequential");
        FlexLayout columns = sideBySide(toyRandom, toySequential);
        Paragraph caption = new Paragraph(getTranslation("minibatches.toy.caption"));
        caption.addClassName("muted");
        Div card = new Div(new H3(getTranslation("minibatches.toy.title")), caption, bar, columns);
        card.addClassName("card");
        card.setWidthFull();
        return card;
    }

    private Component corpusCard() {
        textName.setId("mb-text-name");
        textName.addClassName("mb-text-name");
        integerField(batchSize, "batch-size", "minibatches.batchSize", BOOK_BATCH_SIZE);
        integerField(numSteps, "num-steps", "minibatches.numSteps", BOOK_NUM_STEPS);
        integerField(maxTokens, "max-tokens", "minibatches.maxTokens", BOOK_MAX_TOKENS);
        maxTokens.setWidth("16rem");
        maxTokens.setHelperText(getTranslation("minibatches.maxTokens.help"));
        maxTokens.setMin(SamplerConfig.MIN_CORPUS_LENGTH);
        batchSize.addValueChangeListener(e -> corpusChanged());
        numSteps.addValueChangeListener(e -> corpusChanged());
        maxTokens.addValueChangeListener(e -> corpusChanged());

        newEpoch.setId("layout-new-epoch");
        newEpoch.setText(getTranslation("minibatches.newEpoch"));
        newEpoch.setIcon(VaadinIcon.REFRESH.create());
        newEpoch.addClickListener(e -> drawEpoch());
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

        HorizontalLayout fields = new HorizontalLayout(batchSize, numSteps, maxTokens);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.getStyle().set("flex-wrap", "wrap");
        fields.addClassName("options-bar");
        HorizontalLayout stepper = new HorizontalLayout(newEpoch, previous, play, next, epochInfo);
        stepper.setAlignItems(FlexComponent.Alignment.CENTER);
        stepper.getStyle().set("flex-wrap", "wrap");
        stepper.addClassName("stepper");

        Div heading = new Div(new H3(getTranslation("minibatches.layout.title")), textName);
        heading.addClassName("method-heading");
        Paragraph caption = new Paragraph(getTranslation("minibatches.layout.caption"));
        caption.addClassName("muted");
        Div card = new Div(heading, caption, fields, stepper, sideBySide(randomPanel, sequentialPanel));
        card.addClassName("card");
        card.setWidthFull();
        return card;
    }

    private Component coverageCard() {
        coverageEpochs.setId("coverage-epochs");
        coverageEpochs.setLabel(getTranslation("minibatches.coverage.epochs"));
        coverageEpochs.setMin(1);
        coverageEpochs.setMax(CoverageService.MAX_EPOCHS);
        coverageEpochs.setStepButtonsVisible(true);
        coverageEpochs.setManualValidation(true);
        coverageEpochs.setValue(DEFAULT_EPOCHS);
        coverageEpochs.addValueChangeListener(e -> recount());
        coverageView.setId("coverage-view");
        coverageView.setLabel(getTranslation("minibatches.coverage.view"));
        coverageView.setItems(CoveragePlot.View.values());
        coverageView.setItemLabelGenerator(v -> getTranslation("minibatches.coverage.view." + v.name()));
        coverageView.setValue(CoveragePlot.View.HEAD);
        coverageView.addValueChangeListener(e -> showCoverage());
        HorizontalLayout bar = new HorizontalLayout(coverageEpochs, coverageView);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.addClassName("options-bar");

        discardedRandom.setId("discarded-random");
        discardedSequential.setId("discarded-sequential");
        unusedRandom.setId("unused-random");
        unusedSequential.setId("unused-sequential");
        HorizontalLayout stats = new HorizontalLayout(
                Widgets.stat(getTranslation("minibatches.coverage.discarded.RANDOM"), discardedRandom),
                Widgets.stat(getTranslation("minibatches.coverage.discarded.SEQUENTIAL"), discardedSequential),
                Widgets.stat(getTranslation("minibatches.coverage.unused.RANDOM"), unusedRandom),
                Widgets.stat(getTranslation("minibatches.coverage.unused.SEQUENTIAL"), unusedSequential));
        stats.addClassNames("stats", "coverage-stats");

        coverageCaption.setId("coverage-caption");
        coverageCaption.addClassName("muted");
        Paragraph intro = new Paragraph(getTranslation("minibatches.coverage.intro"));
        intro.addClassName("muted");
        Div card = new Div(
                new H3(getTranslation("minibatches.coverage.title")),
                intro,
                bar,
                stats,
                coverageChart,
                coverageCaption);
        card.addClassName("card");
        card.setWidthFull();
        return card;
    }

    private void integerField(IntegerField field, String id, String labelKey, int value) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setMin(1);
        field.setStepButtonsVisible(true);
        field.setManualValidation(true); // validate() explains the range that fits the text
        field.setValue(value);
    }

    private static FlexLayout sideBySide(Component left, Component right) {
        FlexLayout columns = new FlexLayout(left, right);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.setWidthFull();
        columns.addClassName("side-by-side");
        return columns;
    }

    // ---------------------------------------------------------------- validation

    /** The seed in the field, or null (field marked) when it is not a valid one. */
    Integer validSeed() {
        Integer value = seed.getValue();
        boolean ok = value != null && value >= 0;
        seed.setInvalid(!ok);
        seed.setErrorMessage(ok ? null : getTranslation("minibatches.seed.invalid", Integer.MAX_VALUE));
        return ok ? value : null;
    }

    /**
     * Checks {@code batch_size} and {@code num_steps} against a corpus with {@link
     * SamplerConfig#problem}; marks the field at fault with its valid range.
     *
     * @return the settings, or null when they do not fit
     */
    Settings validate(int corpusLength, IntegerField batchField, IntegerField stepsField) {
        int b = batchField.getValue() == null ? 0 : batchField.getValue();
        int n = stepsField.getValue() == null ? 0 : stepsField.getValue();
        batchField.setInvalid(false);
        batchField.setErrorMessage(null);
        stepsField.setInvalid(false);
        stepsField.setErrorMessage(null);
        if (SamplerConfig.problem(corpusLength, b, n).isEmpty()) {
            return new Settings(corpusLength, b, n);
        }
        // the same order as SamplerConfig.problem: num_steps first, then batch_size for that num_steps
        int maxNumSteps = SamplerConfig.maxNumSteps(corpusLength, 1);
        if (n < 1 || n > maxNumSteps) {
            stepsField.setInvalid(true);
            stepsField.setErrorMessage(
                    getTranslation("minibatches.numSteps.invalid", Math.max(0, maxNumSteps), corpusLength));
        } else {
            batchField.setInvalid(true);
            batchField.setErrorMessage(getTranslation(
                    "minibatches.batchSize.invalid",
                    Math.max(0, SamplerConfig.maxBatchSize(corpusLength, n)),
                    corpusLength,
                    n));
        }
        return null;
    }

    /** The number of leading tokens to cut the text to, or null (field marked) when out of range. */
    Integer validMaxTokens(int corpusLength) {
        Integer value = maxTokens.getValue();
        boolean ok = value != null && value >= SamplerConfig.MIN_CORPUS_LENGTH && value <= corpusLength;
        maxTokens.setInvalid(!ok);
        maxTokens.setErrorMessage(
                ok
                        ? null
                        : getTranslation(
                                "minibatches.maxTokens.invalid", SamplerConfig.MIN_CORPUS_LENGTH, corpusLength));
        return ok ? value : null;
    }

    // ---------------------------------------------------------------- the toy example

    private void toyChanged() {
        Settings settings = validate(TOY.length, toyBatchSize, toyNumSteps);
        if (settings != null) {
            toySettings = settings;
            redrawToy();
        }
    }

    /** Starts the toy's epochs again from the seed: the first epoch of {@code rng(seed)}. */
    private void redrawToy() {
        toyRngRandom = Samplers.rng(toySeed);
        toyRngSequential = Samplers.rng(toySeed);
        toyEpoch = 0;
        drawToyEpoch();
    }

    /** Draws the toy's next epoch from each method's generator. */
    private void drawToyEpoch() {
        Settings s = toySettings;
        toyLayoutRandom = Samplers.epoch(SamplerKind.RANDOM, TOY, s.batchSize(), s.numSteps(), toyRngRandom);
        toyLayoutSequential =
                Samplers.epoch(SamplerKind.SEQUENTIAL, TOY, s.batchSize(), s.numSteps(), toyRngSequential);
        toyEpoch++;
        toyEpochInfo.setText(getTranslation(
                "minibatches.toy.epochInfo",
                String.valueOf(toySeed),
                toyEpoch,
                toyLayoutRandom.offset(),
                toyLayoutSequential.offset()));
        showToy(toyRandom, toyLayoutRandom);
        showToy(toySequential, toyLayoutSequential);
    }

    private void showToy(Div box, EpochLayout layout) {
        box.removeAll();
        box.addClassNames("toy-column");
        H3 heading = new H3(getTranslation("minibatches.method." + layout.kind().name()));
        Span code = new Span(getTranslation("minibatches.code." + layout.kind().name()));
        code.addClassName("code-name");
        Span info = new Span(
                getTranslation("minibatches.toy.info", layout.offset(), layout.numBatches(), layout.discardedTail()));
        info.addClassName("muted");
        box.add(new Div(heading, code), info, new Html(BookPrint.epochHtml(layout)));
    }

    // ---------------------------------------------------------------- the user's text

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        current.whenReady(
                ui,
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

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPlaying(detachEvent.getUI());
        if (pendingCoverage != null) {
            pendingCoverage.cancel(false);
        }
        super.onDetach(detachEvent);
    }

    /** Shows a text: the layout of its first tokens and their coverage. */
    void show(TextAnalysis newAnalysis) {
        if (newAnalysis == analysis) {
            return;
        }
        analysis = newAnalysis;
        corpusSettings = null;
        region = null;
        var processed = newAnalysis.text();
        text = new TokenText(processed.tokens(), processed.options().tokenizer() == TokenizerKind.WORD);
        int length = processed.corpusLength();
        textName.setText(getTranslation("minibatches.layout.text", newAnalysis.name(), length));
        maxTokens.setMax(Math.max(SamplerConfig.MIN_CORPUS_LENGTH, length));
        if (maxTokens.getValue() == null || maxTokens.getValue() > length) {
            maxTokens.setValue(Math.min(BOOK_MAX_TOKENS, length)); // fires corpusChanged
        }
        if (length < SamplerConfig.MIN_CORPUS_LENGTH) {
            say(getTranslation("minibatches.tooShort", length, SamplerConfig.MIN_CORPUS_LENGTH), true);
        } else {
            say("", false);
        }
        corpusChanged();
    }

    private void corpusChanged() {
        if (analysis == null) {
            return;
        }
        int length = analysis.text().corpusLength();
        Integer tokens = validMaxTokens(length);
        if (tokens == null) {
            return;
        }
        Settings settings = validate(tokens, batchSize, numSteps);
        if (settings == null || settings.equals(corpusSettings)) {
            return;
        }
        if (region == null || region.length != tokens || corpusSettings == null) {
            region = Arrays.copyOf(analysis.text().corpus(), tokens);
        }
        corpusSettings = settings;
        redrawEpochs();
        recount();
    }

    /** Starts the text's epochs again from the seed. */
    private void redrawEpochs() {
        rngRandom = Samplers.rng(corpusSeed);
        rngSequential = Samplers.rng(corpusSeed);
        epoch = 0;
        drawEpoch();
    }

    /** Draws the next epoch of each method and shows its first minibatch. */
    private void drawEpoch() {
        Settings s = corpusSettings;
        if (s == null) {
            return;
        }
        layoutRandom = Samplers.epoch(SamplerKind.RANDOM, region, s.batchSize(), s.numSteps(), rngRandom);
        layoutSequential = Samplers.epoch(SamplerKind.SEQUENTIAL, region, s.batchSize(), s.numSteps(), rngSequential);
        epoch++;
        epochInfo.setText(
                getTranslation("minibatches.layout.epochInfo", String.valueOf(corpusSeed), epoch, s.corpusLength()));
        showStep(0);
    }

    /** Number of steps of the current epoch: the larger of the two methods' minibatch counts. */
    int steps() {
        return layoutRandom == null ? 0 : Math.max(layoutRandom.numBatches(), layoutSequential.numBatches());
    }

    /** Shows minibatch {@code k} (from 0) of both methods. */
    void showStep(int k) {
        if (layoutRandom == null) {
            return;
        }
        step = Math.max(0, Math.min(k, steps() - 1));
        randomPanel.show(layoutRandom, step, text, labels);
        sequentialPanel.show(layoutSequential, step, text, labels);
        previous.setEnabled(step > 0);
        next.setEnabled(step < steps() - 1);
    }

    // ---------------------------------------------------------------- autoplay

    private void togglePlay() {
        UI ui = UI.getCurrent();
        if (poll != null) {
            stopPlaying(ui);
            return;
        }
        poll = ui.addPollListener(e -> tick());
        ui.setPollInterval(PLAY_INTERVAL_MS);
        showPlaying(true);
    }

    /** One step of autoplay: the next minibatch, or the first of a new epoch after the last. */
    void tick() {
        if (step < steps() - 1) {
            showStep(step + 1);
        } else {
            drawEpoch();
        }
    }

    private void stopPlaying(UI ui) {
        if (poll != null) {
            poll.remove();
            poll = null;
            ui.setPollInterval(-1);
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

    // ---------------------------------------------------------------- the seed

    private void seedChanged() {
        Integer value = validSeed();
        if (value == null) {
            return;
        }
        toySeed = value;
        corpusSeed = value;
        redrawToy();
        if (corpusSettings != null) {
            redrawEpochs();
            recount();
        }
    }

    // ---------------------------------------------------------------- coverage

    private void recount() {
        Settings s = corpusSettings;
        Integer epochs = coverageEpochs.getValue();
        boolean ok = epochs != null && epochs >= 1 && epochs <= CoverageService.MAX_EPOCHS;
        coverageEpochs.setInvalid(!ok);
        coverageEpochs.setErrorMessage(
                ok ? null : getTranslation("minibatches.coverage.epochs.invalid", CoverageService.MAX_EPOCHS));
        if (!ok || s == null) {
            return;
        }
        if (pendingCoverage != null) {
            pendingCoverage.cancel(false);
        }
        UI ui = UI.getCurrent();
        CompletableFuture<CoverageService.Both> future =
                coverageService.count(s.corpusLength(), s.batchSize(), s.numSteps(), epochs, corpusSeed);
        pendingCoverage = future;
        future.whenComplete((both, error) -> {
            if (error == null && ui != null) {
                ui.access(() -> {
                    if (pendingCoverage == future) {
                        coverage = both;
                        showCoverage();
                    }
                });
            }
        });
    }

    /** The coverage count under way or last finished, or null before the first. */
    CompletableFuture<CoverageService.Both> pendingCoverage() {
        return pendingCoverage;
    }

    private void showCoverage() {
        CoverageService.Both both = coverage;
        if (both == null) {
            return;
        }
        Coverage r = both.random();
        Coverage s = both.sequential();
        discardedRandom.setText(getTranslation(
                "minibatches.coverage.discardedValue",
                r.meanDiscardedHead(),
                SamplerKind.RANDOM.meanOffset(r.numSteps())));
        discardedSequential.setText(getTranslation(
                "minibatches.coverage.discardedValue",
                s.meanDiscardedHead(),
                SamplerKind.SEQUENTIAL.meanOffset(s.numSteps())));
        unusedRandom.setText(getTranslation("minibatches.coverage.unusedValue", meanUnused(r), r.corpusLength()));
        unusedSequential.setText(getTranslation("minibatches.coverage.unusedValue", meanUnused(s), s.corpusLength()));

        CoveragePlot.View view = coverageView.getValue() == null ? CoveragePlot.View.HEAD : coverageView.getValue();
        int length = r.corpusLength();
        if (view == CoveragePlot.View.HEAD) {
            int head = CoveragePlot.headLength(length, r.numSteps());
            coverageChart.setConfig(coverageChart.getConfig().withX(xAxis(head - 1)));
            coverageChart.setSeries(List.of(
                    Series.line(label(SamplerKind.RANDOM), ChartColors.color(0), CoveragePlot.head(r.counts(), head)),
                    Series.line(
                            label(SamplerKind.SEQUENTIAL), ChartColors.color(1), CoveragePlot.head(s.counts(), head))));
            coverageCaption.setText(getTranslation(
                    "minibatches.coverage.caption.HEAD", head, length, r.epochs(), String.valueOf(r.seed())));
        } else {
            int bin = CoveragePlot.binSize(length);
            coverageChart.setConfig(coverageChart.getConfig().withX(xAxis(length - 1)));
            coverageChart.setSeries(List.of(
                    Series.line(label(SamplerKind.RANDOM), ChartColors.color(0), CoveragePlot.binned(r.counts(), bin)),
                    Series.line(
                            label(SamplerKind.SEQUENTIAL),
                            ChartColors.color(1),
                            CoveragePlot.binned(s.counts(), bin))));
            coverageCaption.setText(getTranslation(
                    "minibatches.coverage.caption.BINNED", bin, length, r.epochs(), String.valueOf(r.seed())));
        }
    }

    private Axis xAxis(int lastPosition) {
        return Axis.linear(getTranslation("minibatches.coverage.axisPosition"))
                .withRange(0.0, (double) Math.max(1, lastPosition));
    }

    private String label(SamplerKind kind) {
        return getTranslation("minibatches.method." + kind.name());
    }

    /** Mean number of positions that were never an input in one epoch. */
    static double meanUnused(Coverage c) {
        return Arrays.stream(c.inputTokensPerEpoch())
                .map(inputs -> c.corpusLength() - inputs)
                .average()
                .orElse(0);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.nav.minibatches") + " · RNN Playground";
    }
}
