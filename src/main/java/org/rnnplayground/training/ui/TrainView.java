package org.rnnplayground.training.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rnnplayground.model.budget.ComputeBudget;
import org.rnnplayground.text.TokenCodec;
import org.rnnplayground.text.ui.CurrentText;
import org.rnnplayground.text.ui.NoticeBar;
import org.rnnplayground.text.ui.TextAnalysis;
import org.rnnplayground.training.LaunchResult;
import org.rnnplayground.training.ProgressFeed;
import org.rnnplayground.training.RunEvent;
import org.rnnplayground.training.RunJournal;
import org.rnnplayground.training.RunQueue;
import org.rnnplayground.training.RunRegistry;
import org.rnnplayground.training.RunSnapshot;
import org.rnnplayground.training.RunSpec;
import org.rnnplayground.training.RunStatus;
import org.rnnplayground.training.RunText;
import org.rnnplayground.training.TrainedModels;
import org.rnnplayground.training.UserId;
import org.rnnplayground.ui.DecimalField;
import org.rnnplayground.ui.Throttle;
import org.rnnplayground.ui.chart.Axis;
import org.rnnplayground.ui.chart.Chart;
import org.rnnplayground.ui.chart.ChartColors;
import org.rnnplayground.ui.chart.ChartConfig;
import org.rnnplayground.ui.chart.Series;
import org.rnnplayground.work.BoundedExecutors;
import org.rnnplayground.work.WorkKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Book sections 8.5 and 8.6: train a character-level RNN on the current text and watch it learn.
 * Runs belong to the user (all their tabs see them), keep training when the page closes, and stream
 * their progress here at most four times a second.
 */
@Route("train")
@AnonymousAllowed
public class TrainView extends VerticalLayout implements HasDynamicTitle {

    static final Duration UPDATE_INTERVAL = Duration.ofMillis(250);

    private final CurrentText current;
    private final RunQueue queue;
    private final RunRegistry registry;
    private final ProgressFeed feed;
    private final ScheduledExecutorService scheduler;

    final TrainForm form;
    final Paragraph textInfo = new Paragraph();
    final NoticeBar textNotices = new NoticeBar();
    final Paragraph launchMessage = new Paragraph();
    private RunSnapshot launched; // the run the launch message speaks of
    private String autoPrefix = TokenCodec.BOOK_PREFIX; // the prefix the page chose, not the learner

    /** Above this many tokens, a vocabulary is large for these models: the output layer dominates. */
    static final int LARGE_VOCABULARY = 2000;

    final Grid<RunSnapshot> runs = new Grid<>();
    final Button continueCode = new Button();
    final RunDetail detail;
    final GenerationPanel generation;
    final Chart compare;

    private final List<RunSnapshot> runList = new ArrayList<>();
    private GridListDataView<RunSnapshot> runView;
    private final Map<String, RunSnapshot> pending = new LinkedHashMap<>();
    private ProgressFeed.Subscription subscription;
    private UserId user;
    private static final Logger LOG = LoggerFactory.getLogger(TrainView.class);
    private final RunJournal journal;

    public TrainView(
            CurrentText current,
            RunQueue queue,
            RunRegistry registry,
            ProgressFeed feed,
            TrainedModels models,
            ComputeBudget budget,
            ScheduledExecutorService uiScheduler,
            BoundedExecutors executors,
            RunJournal journal,
            ContinueCodes codes) {
        this.current = current;
        this.journal = journal;
        this.queue = queue;
        this.registry = registry;
        this.feed = feed;
        this.scheduler = uiScheduler;
        this.form = new TrainForm(budget);
        setId("page-train");
        addClassName("page");

        H2 title = new H2(getTranslation("train.title"));
        title.setId("page-title");
        Paragraph intro = new Paragraph(getTranslation("train.intro"));
        intro.addClassName("muted");
        textInfo.setId("train-text");
        launchMessage.setId("launch-message");
        // one click, one run: the button is disabled in the browser at the click, until the server answered
        form.start.setDisableOnClick(true);
        form.start.addClickListener(e -> {
            try {
                launch();
            } finally {
                form.start.setEnabled(true);
            }
        });

        detail = new RunDetail(id -> queue.stop(id, user), () -> queue.limits().maxRunTime());
        detail.setId("run-detail");
        generation = new GenerationPanel(models, budget, executors.pool(WorkKind.GENERATION));
        generation.setId("generation");

        runs.setId("runs-grid");
        runs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        runs.setSelectionMode(Grid.SelectionMode.MULTI);
        runs.addColumn(RunSnapshot::label)
                .setHeader(getTranslation("train.runs.id"))
                .setAutoWidth(true);
        runs.addComponentColumn(this::statusBadge)
                .setHeader(getTranslation("train.runs.status"))
                .setAutoWidth(true);
        runs.addColumn(r -> r.epochsDone() + " / " + r.spec().config().numEpochs())
                .setHeader(getTranslation("train.runs.epoch"))
                .setAutoWidth(true);
        runs.addColumn(r -> Double.isFinite(r.perplexity()) ? String.format(getLocale(), "%.2f", r.perplexity()) : "–")
                .setHeader(getTranslation("train.runs.perplexity"))
                .setAutoWidth(true);
        runs.addColumn(this::describe)
                .setHeader(getTranslation("train.runs.config"))
                .setFlexGrow(1);
        runs.setHeight("14rem");
        runs.addItemClickListener(e -> showDetail(e.getItem()));
        runs.addSelectionListener(e -> redrawCompare());

        compare = new Chart(ChartConfig.line(
                        getTranslation("train.compare.title"),
                        Axis.linear(getTranslation("train.chart.epoch")),
                        Axis.log(getTranslation("train.chart.perplexity")))
                .withZoom(true));
        compare.setId("compare-chart");
        compare.setHeight("380px");

        continueCode.setText(getTranslation("train.continue.open"));
        continueCode.setId("continue-code");
        continueCode.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        continueCode.addClickListener(e -> new ContinueCodeDialog(codes).open());
        FlexLayout runsHeading = new FlexLayout(new H3(getTranslation("train.runs.title")), continueCode);
        runsHeading.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        runsHeading.setAlignItems(FlexComponent.Alignment.BASELINE);
        runsHeading.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        Div runsCard = new Div(runsHeading, runs);
        runsCard.addClassName("card");
        Paragraph compareHint = new Paragraph(getTranslation("train.compare.hint"));
        compareHint.addClassName("muted");
        Div compareCard = new Div(new H3(getTranslation("train.compare.card")), compareHint, compare);
        compareCard.addClassName("card");
        VerticalLayout right = new VerticalLayout(runsCard, detail, generation, compareCard);
        right.setPadding(false);
        right.setAlignItems(Alignment.STRETCH);
        VerticalLayout left = new VerticalLayout(textInfo, textNotices, form, launchMessage);
        left.setPadding(false);
        left.setAlignItems(Alignment.STRETCH);
        FlexLayout columns = new FlexLayout(left, right);
        columns.setWidthFull();
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-m)");
        left.getStyle().set("flex", "1 1 22rem");
        right.getStyle().set("flex", "2 1 34rem");
        right.getStyle().set("min-width", "0");
        add(title, intro, columns);
    }

    private Span statusBadge(RunSnapshot r) {
        Span badge = new Span(getTranslation("train.badge." + r.status().name()));
        String theme = switch (r.status()) {
            case RUNNING -> "badge";
            case FINISHED -> "badge success";
            case DIVERGED, FAILED -> "badge error";
            case QUEUED, STOPPED -> "badge contrast";
        };
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        badge.getElement().setAttribute("data-status", r.status().name());
        return badge;
    }

    private String describe(RunSnapshot r) {
        var c = r.spec().config();
        return getTranslation(
                "train.runs.describe",
                getTranslation(
                        "train.runs.model." + r.spec().model().implementation().name(),
                        r.spec().model().numLayers()),
                r.spec().textName(),
                c.numHiddens(),
                DecimalField.formatDecimal(c.hyper().lr()), // 1e-5, not the pattern's rounded 0
                getTranslation("train.form.sampler." + c.sampler().name()));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        user = CurrentUser.of(ui.getSession());
        restoreStoredRuns();
        runList.clear();
        runList.addAll(registry.runsOf(user));
        runView = runs.setItems(runList);
        runView.setIdentifierProvider(RunSnapshot::id);
        if (!runList.isEmpty()) {
            showDetail(runList.getFirst());
        } else {
            detail.show(null);
        }
        Throttle throttle = new Throttle(
                (task, delay) -> scheduler.schedule(task, delay, TimeUnit.NANOSECONDS),
                UPDATE_INTERVAL,
                System::nanoTime,
                () -> ui.access(this::applyPending));
        subscription = feed.subscribe(user, event -> {
            synchronized (pending) {
                pending.put(event.run().id(), event.kind() == RunEvent.Kind.REMOVED ? null : event.run());
            }
            throttle.request();
        });
        showText();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    private void showText() {
        UI ui = UI.getCurrent();
        current.whenReady(
                ui,
                () -> textInfo.setText(getTranslation("train.text.loading")),
                this::describeText,
                error -> textInfo.setText(getTranslation("train.text.unavailable")));
    }

    private void describeText(TextAnalysis a) {
        textNotices.show(current);
        textInfo.removeAll();
        String kind = a.text().options().tokenizer().name();
        textInfo.setText(getTranslation(
                "train.text.current",
                a.name(),
                a.text().corpusLength(),
                a.text().vocabSize(),
                getTranslation("train.text.tokens." + kind)));
        textInfo.getElement().setAttribute("data-tokenizer", kind);
        textInfo.add(new Span(" "), new Anchor("text", getTranslation("train.text.change")));
        if (a.text().vocabSize() > LARGE_VOCABULARY) {
            Span warning = new Span(getTranslation(
                    "train.text.largeVocabulary", a.text().vocabSize(), getTranslation("train.text.tokens." + kind)));
            warning.setId("train-vocab-warning");
            warning.addClassName("message-warning");
            textInfo.add(new Html("<br>"), warning);
        }
        // the book's prefix means nothing to a Chinese or word-level text without its tokens
        String suggested = a.text().codec().suggestPrefix(a.text().corpus());
        if (form.prefix.getValue().equals(autoPrefix) || form.prefix.getValue().isEmpty()) {
            form.prefix.setValue(suggested);
            autoPrefix = suggested;
        }
        form.useText(a.text().vocabSize());
    }

    /** Applies the snapshots that arrived since the last update (called at most every 250 ms). */
    private void applyPending() {
        Map<String, RunSnapshot> batch;
        synchronized (pending) {
            batch = new LinkedHashMap<>(pending);
            pending.clear();
        }
        boolean compareChanged = false;
        for (Map.Entry<String, RunSnapshot> e : batch.entrySet()) {
            int i = indexOf(e.getKey());
            RunSnapshot run = e.getValue();
            if (run == null) {
                if (i >= 0) {
                    runList.remove(i);
                }
            } else if (i >= 0) {
                runList.set(i, run);
            } else {
                runList.addFirst(run);
            }
            compareChanged |= runs.getSelectedItems().stream().anyMatch(s -> s.id().equals(e.getKey()));
            if (run != null) {
                describeLaunch(run);
            }
            if (run != null && detail.shown() != null && detail.shown().id().equals(run.id())) {
                detail.show(run);
                generation.show(run, user);
            }
        }
        runView.refreshAll();
        if (compareChanged) {
            redrawCompare();
        }
    }

    /**
     * Says what became of the run just launched while that is news: started at once, or queued at
     * its place; the message goes once the run started from the queue or ended (its card says so).
     */
    private void describeLaunch(RunSnapshot run) {
        if (launched == null || !launched.id().equals(run.id())) {
            return;
        }
        switch (run.status()) {
            case QUEUED ->
                launchMessage.setText(
                        run.queuePlace().behindOwnRuns()
                                ? getTranslation(
                                        "train.launch.queuedBehindOwn",
                                        run.label(),
                                        queue.limits().maxRunningPerUser())
                                : getTranslation(
                                        "train.launch.queued",
                                        run.label(),
                                        run.queuePlace().position()));
            case RUNNING ->
                launchMessage.setText(
                        launched.status() == RunStatus.RUNNING
                                ? getTranslation("train.launch.started", run.label())
                                : "");
            default -> launchMessage.setText("");
        }
    }

    private int indexOf(String id) {
        for (int i = 0; i < runList.size(); i++) {
            if (runList.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void showDetail(RunSnapshot run) {
        RunSnapshot latest = registry.find(run.id(), user).orElse(run);
        detail.show(latest);
        generation.show(latest, user);
    }

    private void redrawCompare() {
        List<Series> series = new ArrayList<>();
        int i = 0;
        for (RunSnapshot selected : runs.getSelectedItems()) {
            RunSnapshot r = runList.get(Math.max(0, indexOf(selected.id())));
            series.add(Series.line(
                    r.label() + " · " + describe(r),
                    ChartColors.color(i++),
                    RunDetail.perplexityPoints(r.epochs(), false)));
        }
        compare.setSeries(series);
    }

    /** The learner's runs kept in the store and not in memory (after a restart, or a long absence). */
    private void restoreStoredRuns() {
        StoredRuns.restoreOnce(journal, user);
    }

    /**
     * Keeps the run's text in the store, so that the run is kept with it; when the store cannot take
     * it, the run trains without being kept.
     */
    private void keepText(RunSpec spec) {
        Optional<CurrentText.Source> source = current.source();
        if (source.isEmpty()) {
            return;
        }
        try {
            String token = CurrentUser.pendingToken(VaadinSession.getCurrent()).orElse(null);
            String sha256 = journal.keepText(user, token, source.get().raw());
            if (!sha256.equals(spec.textSha256())) {
                LOG.warn(
                        "The text of a run of {} is not the one stored; it trains without being kept",
                        user.shortForm());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not store the text of a run of {}; it trains without being kept", user.shortForm(), e);
        }
    }

    private void launch() {
        Optional<TextAnalysis> text = current.analysis();
        if (text.isEmpty()) {
            launchMessage.setText(getTranslation("train.launch.noText"));
            return;
        }
        Optional<RunSpec> spec;
        try {
            spec = form.spec(text.get());
        } catch (IllegalArgumentException e) {
            launchMessage.setText(getTranslation("train.launch.invalid", e.getMessage()));
            launchMessage.addClassName("message-error");
            return;
        }
        if (spec.isEmpty()) {
            launchMessage.setText(getTranslation("train.launch.fixFields"));
            launchMessage.addClassName("message-error");
            return;
        }
        keepText(spec.get());
        LaunchResult result = queue.launch(
                user, spec.get(), RunText.resolve(spec.get(), text.get().text()));
        if (!result.accepted()) {
            launchMessage.setText(
                    switch (result.refusal()) {
                        case TOO_MANY_QUEUED -> getTranslation("train.launch.tooMany", result.limit());
                        case QUEUE_FULL -> getTranslation("train.launch.queueFull", result.limit());
                        case TOO_MANY_FROM_ADDRESS -> getTranslation("train.launch.tooManyFromAddress", result.limit());
                        case SHUTTING_DOWN -> getTranslation("train.launch.shuttingDown");
                        case OVER_BUDGET -> result.overBudget().message(this::getTranslation);
                    });
            launchMessage.addClassName("message-error");
            return;
        }
        RunSnapshot run = result.run().orElseThrow();
        launchMessage.removeClassName("message-error");
        launched = run;
        describeLaunch(run);
        if (indexOf(run.id()) < 0) {
            runList.addFirst(run);
            runView.refreshAll();
        }
        showDetail(run);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.nav.train") + " · RNN Playground";
    }
}
