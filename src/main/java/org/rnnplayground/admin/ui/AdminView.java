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
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Pointer;
import org.rnnplayground.admin.AdminAccount;
import org.rnnplayground.admin.SessionTracker;
import org.rnnplayground.training.ProgressFeed;
import org.rnnplayground.training.RunQueue;
import org.rnnplayground.training.RunRegistry;
import org.rnnplayground.training.RunSnapshot;
import org.rnnplayground.training.TrainingLimits;
import org.rnnplayground.ui.Throttle;
import org.rnnplayground.work.BoundedExecutors;

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
    final LimitsForm limits;
    final ExecutorsPanel pools;
    final Grid<RunSnapshot> runs = new Grid<>();
    final Grid<RunRegistry.UserSummary> users = new Grid<>();
    final Grid<SessionTracker.SessionInfo> sessionGrid = new Grid<>();
    final Span sessionCount = new Span();

    private ProgressFeed.Subscription subscription;
    /** The runs the grid shows; refreshed in place so that a row keeps its key and a click on it is not lost. */
    private final List<RunSnapshot> runList = new ArrayList<>();

    public AdminView(
            AuthenticationContext authentication,
            RunQueue queue,
            RunRegistry registry,
            ProgressFeed feed,
            SessionTracker sessions,
            ScheduledExecutorService uiScheduler,
            BoundedExecutors executors) {
        this.authentication = authentication;
        this.queue = queue;
        this.registry = registry;
        this.feed = feed;
        this.sessions = sessions;
        this.scheduler = uiScheduler;
        this.limits = new LimitsForm(queue);
        this.pools = new ExecutorsPanel(executors);
        setId("page-admin");
        addClassName("page");
        H2 title = new H2(getTranslation("admin.title"));
        title.setId("page-title");

        signOut.setId("admin-sign-out");
        signOut.setText(getTranslation("admin.signOut"));
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.addClickListener(e -> signOut(e.getSource().getUI().orElseThrow()));
        HorizontalLayout titleRow = new HorizontalLayout(title, signOut);
        titleRow.setWidthFull();
        titleRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        titleRow.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        buildDashboard();
        add(titleRow, dashboard);
    }

    /**
     * Signs out in a second round trip, after this page's push is off. The end of the session makes
     * the servlet container close the page's websocket at once, dropping a push message still being
     * written (the dashboard is refreshed by push while runs train); the page would then wait for
     * that message and never follow the sign-out's redirect. Once the browser has answered the
     * first round trip it has every message pushed before, and with push off no more are sent.
     */
    private void signOut(UI ui) {
        ui.getPushConfiguration().setPushMode(PushMode.DISABLED);
        ui.getPage()
                .executeJs("return true")
                .then(ignored -> authentication.logout(), error -> authentication.logout());
    }

    private void buildDashboard() {
        dashboard.setId("admin-dashboard");
        dashboard.setWidthFull();
        serverStats.setId("admin-server");
        Div limitsCard = new Div(new H3(getTranslation("admin.limits.title")), serverStats, limits);
        limitsCard.addClassName("card");

        runs.setId("admin-runs");
        runs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        runs.addColumn(RunSnapshot::label)
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
        runs.addColumn(r -> Double.isFinite(r.tokensPerSecond())
                        ? String.format(getLocale(), "%,.0f", r.tokensPerSecond())
                        : "–")
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
        runs.setItems(runList).setIdentifierProvider(RunSnapshot::id);
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
        VerticalLayout column = new VerticalLayout(limitsCard, runsCard, lower, pools);
        column.setPadding(false);
        column.setAlignItems(Alignment.STRETCH);
        dashboard.add(column);
    }

    /** The run's memory by its model's own estimate, carried on the snapshot ({@link RunSnapshot#memoryBytes}). */
    static double memoryMb(RunSnapshot r) {
        return r.memoryBytes() / (1024.0 * 1024.0);
    }

    private void refresh() {
        TrainingLimits l = queue.limits();
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
        runList.clear();
        runList.addAll(registry.all());
        runs.getListDataView().refreshAll();
        users.setItems(registry.users());
        sessionCount.setText(getTranslation("admin.sessions.count", sessions.count()));
        sessionGrid.getDataProvider().refreshAll();
        pools.refresh();
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
        subscribe(attachEvent.getUI());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.nav.admin") + " · RNN Playground";
    }
}
