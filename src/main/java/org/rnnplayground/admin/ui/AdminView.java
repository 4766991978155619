package org.rnnplayground.admin.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.bytedeco.javacpp.Pointer;
import org.rnnplayground.admin.AdminAccount;
import org.rnnplayground.admin.SessionTracker;
import org.rnnplayground.training.ProgressFeed;
import org.rnnplayground.training.RunQueue;
import org.rnnplayground.training.RunRegistry;
import org.rnnplayground.training.RunSnapshot;
import org.rnnplayground.training.TrainingLimits;
import org.rnnplayground.ui.Throttle;

/**
 * The instructor's view of the whole server: sessions, every user's runs with their progress and
 * resource use, stopping any run, and the queue's limits. Only for the signed-in instructor: a
 * visitor is sent to the sign-in page ({@link SignInView}).
 */
@Route("admin")
@RolesAllowed(AdminAccount.ROLE)
public class AdminView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter STARTED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AuthenticationContext authentication;
    private final RunQueue queue;
    private final RunRegistry registry;
    private final ProgressFeed feed;
    private final SessionTracker sessions;
    private final ScheduledExecutorService scheduler;

    final Button signOut = new Button();
    final Div dashboard = new Div();
    final Span serverStats = new Span();
    /** The limit fields and the server's values they show; the refresh leaves a field being edited alone. */
    private final ServerValues<TrainingLimits> limitValues = new ServerValues<>();

    final IntegerField slots = limitField("admin-slots", "admin.limits.slots", 1, 64, TrainingLimits::slots);
    final IntegerField maxQueued =
            limitField("admin-max-queued", "admin.limits.maxQueued", 0, 100, TrainingLimits::maxQueuedPerUser);
    final IntegerField maxRunning =
            limitField("admin-max-running", "admin.limits.maxRunning", 1, 64, TrainingLimits::maxRunningPerUser);
    final IntegerField keepFinished = limitField(
            "admin-keep-finished", "admin.limits.keepFinished", 1, 1000, TrainingLimits::keepFinishedPerUser);
    final Button applyLimits = new Button();
    final Paragraph limitsMessage = new Paragraph();
    final Grid<RunSnapshot> runs = new Grid<>();
    final Grid<RunRegistry.UserSummary> users = new Grid<>();
    final Grid<SessionTracker.SessionInfo> sessionGrid = new Grid<>();
    final Span sessionCount = new Span();

    private AutoCloseable subscription;

    public AdminView(
            AuthenticationContext authentication,
            RunQueue queue,
            RunRegistry registry,
            ProgressFeed feed,
            SessionTracker sessions,
            ScheduledExecutorService uiScheduler) {
        this.authentication = authentication;
        this.queue = queue;
        this.registry = registry;
        this.feed = feed;
        this.sessions = sessions;
        this.scheduler = uiScheduler;
        setId("page-admin");
        addClassName("page");
        H2 title = new H2(getTranslation("admin.title"));
        title.setId("page-title");

        signOut.setId("admin-sign-out");
        signOut.setText(getTranslation("admin.signOut"));
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.addClickListener(e -> this.authentication.logout());
        HorizontalLayout titleRow = new HorizontalLayout(title, signOut);
        titleRow.setWidthFull();
        titleRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        titleRow.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        buildDashboard();
        add(titleRow, dashboard);
    }

    /** A limit field showing {@code value} of the limits in force (see {@link ServerValues}). */
    private IntegerField limitField(String id, String key, int min, int max, Function<TrainingLimits, Integer> value) {
        IntegerField f = new IntegerField(getTranslation(key));
        f.setId(id);
        f.setMin(min);
        f.setMax(max);
        f.setStepButtonsVisible(true);
        limitValues.bind(f, value);
        return f;
    }

    private void buildDashboard() {
        dashboard.setId("admin-dashboard");
        dashboard.setWidthFull();
        serverStats.setId("admin-server");
        applyLimits.setId("admin-apply-limits");
        applyLimits.setText(getTranslation("admin.limits.apply"));
        applyLimits.addClickListener(e -> applyLimits());
        limitsMessage.setId("admin-limits-message");
        HorizontalLayout limitsRow = new HorizontalLayout(slots, maxQueued, maxRunning, keepFinished, applyLimits);
        limitsRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        limitsRow.getStyle().set("flex-wrap", "wrap");
        Div limitsCard = new Div(new H3(getTranslation("admin.limits.title")), serverStats, limitsRow, limitsMessage);
        limitsCard.addClassName("card");

        runs.setId("admin-runs");
        runs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        runs.addColumn(RunSnapshot::id)
                .setHeader(getTranslation("admin.runs.id"))
                .setAutoWidth(true);
        runs.addColumn(r -> r.owner().shortForm())
                .setHeader(getTranslation("admin.runs.user"))
                .setAutoWidth(true);
        runs.addColumn(r -> getTranslation("train.badge." + r.status().name()))
                .setHeader(getTranslation("admin.runs.status"))
                .setAutoWidth(true);
        runs.addColumn(r -> r.epochsDone() + " / " + r.spec().config().numEpochs())
                .setHeader(getTranslation("admin.runs.epoch"))
                .setAutoWidth(true);
        runs.addColumn(r -> Double.isFinite(r.perplexity()) ? String.format(getLocale(), "%.2f", r.perplexity()) : "–")
                .setHeader(getTranslation("admin.runs.perplexity"))
                .setAutoWidth(true);
        runs.addColumn(r -> r.epochs().isEmpty()
                        ? "–"
                        : String.format(
                                getLocale(), "%,.0f", r.epochs().getLast().tokensPerSecond()))
                .setHeader(getTranslation("admin.runs.tokensPerSecond"))
                .setAutoWidth(true);
        runs.addColumn(r -> String.format(getLocale(), "%.1f MB", memoryMb(r)))
                .setHeader(getTranslation("admin.runs.memory"))
                .setAutoWidth(true);
        runs.addColumn(r -> r.spec().textName() + " · h=" + r.spec().config().numHiddens())
                .setHeader(getTranslation("admin.runs.config"))
                .setFlexGrow(1);
        // a template, not a component per row: the grid refreshes every second while runs train, and a
        // click on a button component replaced by the refresh was lost
        runs.addColumn(LitRenderer.<RunSnapshot>of("<vaadin-button theme=\"small error\" data-run=\"${item.id}\""
                                + " ?disabled=\"${item.done}\" @click=\"${stop}\">${item.label}</vaadin-button>")
                        .withProperty("id", RunSnapshot::id)
                        .withProperty("done", r -> r.status().isFinal())
                        .withProperty("label", r -> getTranslation("admin.runs.stop"))
                        .withFunction("stop", r -> {
                            registry.stopAny(r.id());
                            refresh();
                        }))
                .setAutoWidth(true);
        runs.setHeight("20rem");
        Div runsCard = new Div(new H3(getTranslation("admin.runs.title")), runs);
        runsCard.addClassName("card");

        users.setId("admin-users");
        users.addThemeVariants(GridVariant.LUMO_COMPACT);
        users.addColumn(u -> u.user().shortForm()).setHeader(getTranslation("admin.users.user"));
        users.addColumn(RunRegistry.UserSummary::queued).setHeader(getTranslation("admin.users.queued"));
        users.addColumn(RunRegistry.UserSummary::running).setHeader(getTranslation("admin.users.running"));
        users.addColumn(RunRegistry.UserSummary::finished).setHeader(getTranslation("admin.users.finished"));
        users.setAllRowsVisible(true);
        sessionGrid.setId("admin-sessions");
        sessionGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        sessionGrid.addColumn(SessionTracker.SessionInfo::id).setHeader(getTranslation("admin.sessions.id"));
        sessionGrid.addColumn(s -> STARTED.format(s.started())).setHeader(getTranslation("admin.sessions.started"));
        // fetched page by page as the instructor scrolls: any number of sessions costs one page
        sessionGrid.setItems(
                query -> sessions.page(query.getOffset(), query.getLimit()).stream(), query -> sessions.count());
        sessionGrid.setHeight("20rem");
        sessionCount.setId("admin-session-count");
        Div usersCard = new Div(new H3(getTranslation("admin.users.title")), users);
        usersCard.addClassName("card");
        Div sessionsCard = new Div(new H3(getTranslation("admin.sessions.title")), sessionCount, sessionGrid);
        sessionsCard.addClassName("card");
        HorizontalLayout lower = new HorizontalLayout(usersCard, sessionsCard);
        lower.setWidthFull();
        lower.getStyle().set("flex-wrap", "wrap");
        usersCard.getStyle().set("flex", "1 1 20rem");
        sessionsCard.getStyle().set("flex", "1 1 20rem");
        VerticalLayout column = new VerticalLayout(limitsCard, runsCard, lower);
        column.setPadding(false);
        column.setAlignItems(Alignment.STRETCH);
        dashboard.add(column);
    }

    /** Parameters, gradients and the optimiser's buffers of a run, roughly: 3 floats per parameter. */
    static double memoryMb(RunSnapshot r) {
        var c = r.spec().config();
        long v = r.spec().vocab().vocabSize();
        long h = c.numHiddens();
        long params = v * h + h * h + h + h * v + v;
        long activations = (long) c.batchSize() * c.numSteps() * (h + 2 * v);
        return (3 * params + 2 * activations) * 4 / 1e6;
    }

    private void applyLimits() {
        try {
            queue.setLimits(new TrainingLimits(
                    slots.getValue() == null ? 0 : slots.getValue(),
                    maxQueued.getValue() == null ? -1 : maxQueued.getValue(),
                    maxRunning.getValue() == null ? 0 : maxRunning.getValue(),
                    keepFinished.getValue() == null ? 0 : keepFinished.getValue()));
            limitsMessage.removeClassName("message-error");
            limitsMessage.setText(getTranslation("admin.limits.applied"));
            limitValues.reset(queue.limits());
        } catch (IllegalArgumentException e) {
            limitsMessage.addClassName("message-error");
            limitsMessage.setText(getTranslation("admin.limits.invalid"));
        }
        refresh();
    }

    private void refresh() {
        TrainingLimits l = queue.limits();
        limitValues.show(l);
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        serverStats.setText(getTranslation(
                "admin.server",
                queue.running(),
                l.slots(),
                queue.queued(),
                heap.getUsed() / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                Pointer.physicalBytes() / (1024 * 1024),
                load < 0 ? "–" : String.format("%.2f", load),
                Runtime.getRuntime().availableProcessors()));
        runs.setItems(registry.all());
        users.setItems(registry.users());
        sessionCount.setText(getTranslation("admin.sessions.count", sessions.count()));
        sessionGrid.getDataProvider().refreshAll();
    }

    private void subscribe(UI ui) {
        if (subscription != null) {
            return;
        }
        Throttle throttle = new Throttle(
                (task, delay) -> scheduler.schedule(task, delay, TimeUnit.NANOSECONDS),
                Duration.ofMillis(500),
                System::nanoTime,
                () -> ui.access(this::refresh));
        subscription = feed.subscribeAll(e -> throttle.request());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        limitValues.reset(queue.limits());
        subscribe(attachEvent.getUI());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                // in-process subscriptions close without failing
            }
            subscription = null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.nav.admin") + " · RNN Playground";
    }
}
