package org.rnnplayground.inside.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.rnnplayground.inside.InsideLimits;
import org.rnnplayground.inside.Passage;
import org.rnnplayground.inside.RefreshPolicy;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.text.TokenCodec;
import org.rnnplayground.text.TokenizerKind;
import org.rnnplayground.training.ProgressFeed;
import org.rnnplayground.training.RunEvent;
import org.rnnplayground.training.RunJournal;
import org.rnnplayground.training.RunRegistry;
import org.rnnplayground.training.RunSnapshot;
import org.rnnplayground.training.RunStatus;
import org.rnnplayground.training.TrainedModels;
import org.rnnplayground.training.UserId;
import org.rnnplayground.training.ui.CurrentUser;
import org.rnnplayground.training.ui.StoredRuns;
import org.rnnplayground.ui.Throttle;
import org.rnnplayground.work.BoundedExecutors;
import org.rnnplayground.work.ServerBusyException;
import org.rnnplayground.work.WorkKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inside the RNN (d2l 8.4 to 8.7, 9.1, 9.2): for one of the learner's runs, running or finished, its
 * hidden states over a passage of its text, its next-token odds there, and its gradients through time
 * on one minibatch beside a second run's. While a run trains, the views follow a copy of its
 * parameters at most once per epoch and twice a second.
 */
@Route("inside")
@AnonymousAllowed
public class InsideView extends VerticalLayout implements HasDynamicTitle {

    /** Tokens of the passage taken from the end of the run's text. */
    static final int DEFAULT_PASSAGE = 200;
    /** Characters of a passage typed in, at most (cut to {@link InsideLimits#MAX_PASSAGE_TOKENS} tokens after). */
    static final int MAX_PASSAGE_CHARS = 4000;
    /** How long a training run may take to hand over a copy of its parameters. */
    static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(InsideView.class);

    private final RunRegistry registry;
    private final ProgressFeed feed;
    private final TrainedModels models;
    private final RunJournal journal;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;

    final Select<RunSnapshot> run = new Select<>();
    final Select<RunSnapshot> compare = new Select<>();
    final TextArea passageText = new TextArea();
    final Button show = new Button();
    final Paragraph status = new Paragraph();
    final Paragraph empty = new Paragraph();
    final StatesPanel states = new StatesPanel();
    final OddsPanel odds = new OddsPanel();
    final GradientPanel gradients;
    private final Div content;

    private UserId user;
    private ProgressFeed.Subscription subscription;
    private RunSnapshot pendingA, pendingB;
    private boolean inFlight, again;
    private int shownEpochA = -1, shownEpochB = -1;
    private RunStatus shownStatusA;
    /** Spaces the live refreshes so that they slow the run by a few percent at most. */
    private final RefreshPolicy policy = new RefreshPolicy();

    private UI attachedUi;
    private boolean followScheduled;
    /** How many refreshes have been shown (tests read it). */
    int refreshes;

    public InsideView(
            RunRegistry registry,
            ProgressFeed feed,
            TrainedModels models,
            RunJournal journal,
            ScheduledExecutorService uiScheduler,
            BoundedExecutors executors) {
        this.registry = registry;
        this.feed = feed;
        this.models = models;
        this.journal = journal;
        this.scheduler = uiScheduler;
        this.executor = executors.pool(WorkKind.INSIDE);
        setId("page-inside");
        addClassName("page");
        H2 title = new H2(getTranslation("inside.title"));
        title.setId("page-title");
        Paragraph intro = new Paragraph(getTranslation("inside.intro"));
        intro.addClassName("muted");

        run.setId("inside-run");
        run.setLabel(getTranslation("inside.run"));
        run.setItemLabelGenerator(this::describe);
        run.setWidth("30rem");
        run.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                shownEpochA = -1;
                refresh();
            }
        });
        compare.setId("inside-compare");
        compare.setLabel(getTranslation("inside.compare"));
        compare.setEmptySelectionAllowed(true);
        compare.setWidth("30rem");
        compare.setEmptySelectionCaption(getTranslation("inside.compare.none"));
        compare.setItemLabelGenerator(r -> r == null ? getTranslation("inside.compare.none") : describe(r));
        compare.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                shownEpochB = -1;
                refresh();
            }
        });
        passageText.setId("inside-passage");
        passageText.setLabel(getTranslation("inside.passage"));
        passageText.setPlaceholder(getTranslation("inside.passage.placeholder"));
        passageText.setHelperText(getTranslation("inside.passage.help", InsideLimits.MAX_PASSAGE_TOKENS));
        passageText.setMaxLength(MAX_PASSAGE_CHARS);
        passageText.setWidthFull();
        show.setId("inside-show");
        show.setText(getTranslation("inside.show"));
        show.addClickListener(e -> refresh());
        status.setId("inside-status");
        status.addClassName("muted");
        empty.setId("inside-empty");
        gradients = new GradientPanel(compare);

        HorizontalLayout controls = new HorizontalLayout(run, show);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.getStyle().set("flex-wrap", "wrap");
        content = new Div(states, odds, gradients);
        content.getStyle()
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("gap", "var(--lumo-space-m)")
                .set("width", "100%");
        Div head = new Div(controls, passageText, status);
        head.addClassName("card");
        add(title, intro, empty, head, content);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        attachedUi = ui;
        user = CurrentUser.of(ui.getSession());
        StoredRuns.restoreOnce(journal, user);
        offerRuns();
        Throttle throttle = new Throttle(
                (task, delay) -> scheduler.schedule(task, delay, TimeUnit.NANOSECONDS),
                RefreshPolicy.MIN_INTERVAL,
                System::nanoTime,
                () -> ui.access(this::follow));
        subscription = feed.subscribe(user, event -> {
            if (event.kind() == RunEvent.Kind.STARTED && hasModel(event.run())) {
                ui.access(this::offerRuns); // a run started since the page opened
            }
            if (event.kind() == RunEvent.Kind.EPOCH || event.kind() == RunEvent.Kind.ENDED) {
                synchronized (this) {
                    if (event.run().id().equals(idOf(pendingA))) {
                        pendingA = event.run();
                    } else if (event.run().id().equals(idOf(pendingB))) {
                        pendingB = event.run();
                    }
                }
                throttle.request();
            }
        });
    }

    /**
     * Offers the user's runs that have a model (training, or ended with one) in both choices, keeping
     * what is chosen; the first time there is one, shows it.
     */
    private void offerRuns() {
        List<RunSnapshot> runs =
                registry.runsOf(user).stream().filter(InsideView::hasModel).toList();
        String chosen = idOf(run.getValue());
        String compared = idOf(compare.getValue());
        run.setItems(runs);
        compare.setItems(runs);
        runs.stream().filter(r -> r.id().equals(chosen)).findFirst().ifPresent(run::setValue);
        runs.stream().filter(r -> r.id().equals(compared)).findFirst().ifPresent(compare::setValue);
        boolean any = !runs.isEmpty();
        empty.setVisible(!any);
        empty.removeAll();
        if (!any) {
            empty.add(
                    new Paragraph(getTranslation("inside.empty")),
                    new Anchor("train", getTranslation("inside.empty.link")));
        }
        content.setVisible(any);
        run.setEnabled(any);
        show.setEnabled(any);
        if (any && run.getValue() == null) {
            run.setValue(runs.getFirst());
            refresh();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    /** On the UI thread: refreshes when a shown run has finished an epoch since its views were drawn. */
    private void follow() {
        RunSnapshot a, b;
        synchronized (this) {
            a = pendingA;
            b = pendingB;
        }
        boolean changed = (a != null && (a.epochsDone() != shownEpochA || a.status() != shownStatusA))
                || (b != null && b.epochsDone() != shownEpochB);
        if (!changed) {
            return;
        }
        long wait = policy.delay(System.nanoTime());
        if (wait == 0) {
            refresh();
        } else if (!followScheduled && attachedUi != null) {
            followScheduled = true; // once more when the policy allows
            UI ui = attachedUi;
            scheduler.schedule(
                    () -> ui.access(() -> {
                        followScheduled = false;
                        follow();
                    }),
                    wait,
                    TimeUnit.NANOSECONDS);
        }
    }

    /** Recomputes every view from the selected runs' models as they are now, off the UI thread. */
    void refresh() {
        RunSnapshot a = run.getValue();
        if (a == null) {
            return;
        }
        if (inFlight) {
            again = true;
            return;
        }
        RunSnapshot b =
                compare.getValue() != null && !compare.getValue().id().equals(a.id()) ? compare.getValue() : null;
        a = registry.find(a.id(), user).orElse(a);
        b = b == null ? null : registry.find(b.id(), user).orElse(b);
        Optional<Passage> passage = passage(a);
        if (passage.isEmpty()) {
            return;
        }
        synchronized (this) {
            pendingA = a;
            pendingB = b;
        }
        Optional<CompletableFuture<CharModel>> modelA = models.modelNow(a.id(), user);
        Optional<CompletableFuture<CharModel>> modelB = b == null ? Optional.empty() : models.modelNow(b.id(), user);
        if (modelA.isEmpty()) {
            status.setText(getTranslation("inside.gone", a.label()));
            return;
        }
        inFlight = true; // a click on Show meanwhile asks for one more refresh after this one
        policy.started(System.nanoTime());
        AtomicLong cost = new AtomicLong();
        RunSnapshot runA = a, runB = modelB.isPresent() ? b : null;
        Passage p = passage.get();
        UI ui = UI.getCurrent();
        CompletableFuture<InsideWork.Result> resultA = modelA.get()
                .orTimeout(SNAPSHOT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .thenApplyAsync(
                        m -> RefreshPolicy.measured(
                                cost,
                                () -> InsideWork.inspect(
                                        m, runA, p, runA.status().isFinal())),
                        executor);
        CompletableFuture<org.rnnplayground.inside.GradientsThroughTime> resultB = modelB.isEmpty()
                ? CompletableFuture.completedFuture(null)
                : modelB.get()
                        .orTimeout(SNAPSHOT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .thenApplyAsync(
                                m -> RefreshPolicy.measured(
                                        cost,
                                        () -> InsideWork.gradientsOf(
                                                m, runB, runB.status().isFinal())),
                                executor);
        resultA.thenCombine(resultB, (ra, rb) -> new Object[] {ra, rb})
                .whenComplete((pair, error) -> ui.access(() -> {
                    inFlight = false;
                    policy.finished(cost.get());
                    if (error != null) {
                        status.setText(
                                ServerBusyException.isBusy(error)
                                        ? getTranslation("shell.busy")
                                        : getTranslation("inside.failed", String.valueOf(rootMessage(error))));
                    } else {
                        InsideWork.Result ra = (InsideWork.Result) pair[0];
                        var rb = (org.rnnplayground.inside.GradientsThroughTime) pair[1];
                        boolean spaced = runA.text().codec().kind() == TokenizerKind.WORD;
                        states.show(ra.passage(), ra.states(), spaced);
                        odds.show(ra.passage(), ra.odds(), runA.text().vocab(), spaced);
                        gradients.show(runA, ra.gradients(), runB, rb);
                        shownEpochA = runA.epochsDone();
                        shownStatusA = runA.status();
                        shownEpochB = runB == null ? -1 : runB.epochsDone();
                        status.setText(statusText(runA));
                        refreshes++;
                    }
                    if (again) {
                        again = false;
                        follow();
                    }
                }));
    }

    /** The passage typed in, or the end of the run's text; a message on the field when it has too few tokens. */
    private Optional<Passage> passage(RunSnapshot r) {
        TokenCodec codec = r.text().codec();
        String typed = passageText.getValue();
        if (typed == null || typed.isBlank()) {
            passageText.setInvalid(false);
            return Optional.of(Passage.endOf(r.text().corpus(), codec, DEFAULT_PASSAGE));
        }
        if (typed.length() > MAX_PASSAGE_CHARS) {
            typed = typed.substring(0, MAX_PASSAGE_CHARS); // the browser's limit, enforced here too
        }
        int[] tokens = codec.encode(typed).indices();
        if (tokens.length < 2) {
            passageText.setInvalid(true);
            passageText.setErrorMessage(getTranslation("inside.passage.tooShort"));
            return Optional.empty();
        }
        passageText.setInvalid(false);
        return Optional.of(Passage.of(tokens, codec));
    }

    private String statusText(RunSnapshot r) {
        if (r.status() == RunStatus.RUNNING) {
            return getTranslation(
                    "inside.status.running",
                    r.label(),
                    r.epochsDone(),
                    r.spec().config().numEpochs());
        }
        return getTranslation(
                "inside.status.final",
                r.label(),
                getTranslation("train.badge." + r.status().name()),
                r.epochsDone());
    }

    private String describe(RunSnapshot r) {
        var m = r.spec().model();
        return getTranslation(
                "inside.run.item",
                r.label(),
                getTranslation("train.runs.model." + m.implementation().name(), m.numLayers()),
                r.spec().config().numHiddens(),
                getTranslation("train.badge." + r.status().name()));
    }

    /** Runs with a model to look into: training, or ended with their model kept (not diverged). */
    static boolean hasModel(RunSnapshot r) {
        return r.status() == RunStatus.RUNNING
                || (r.status().isFinal() && r.status() != RunStatus.DIVERGED && !r.modelReleased());
    }

    private static String idOf(RunSnapshot r) {
        return r == null ? null : r.id();
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.nav.inside") + " · RNN Playground";
    }
}
