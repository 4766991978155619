package org.rnnplayground.sequence.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rnnplayground.model.budget.BudgetProblem;
import org.rnnplayground.model.budget.ComputeBudget;
import org.rnnplayground.sequence.CsvSeries;
import org.rnnplayground.sequence.EpochLoss;
import org.rnnplayground.sequence.FitConfig;
import org.rnnplayground.sequence.ModelKind;
import org.rnnplayground.sequence.ModelResult;
import org.rnnplayground.sequence.SequenceExperiment;
import org.rnnplayground.sequence.SineConfig;
import org.rnnplayground.sequence.TimeSeries;
import org.rnnplayground.ui.OutOfDate;
import org.rnnplayground.ui.Throttle;
import org.rnnplayground.work.ServerBusyException;

/**
 * Book section 8.1: a noisy sine (or the user's own series), an MLP on windows of {@code tau} past
 * values, and its one-step, multistep and k-step predictions. Every change of a setting retrains
 * (a fit takes about a second, on a worker thread); the loss of each epoch streams into its chart
 * at most four times a second. A setting or an upload that is refused stops the fit under way and
 * marks the results on screen out of date ({@code seq-out-of-date}) until a fit of valid settings
 * replaces them.
 */
@Route("sequence")
@AnonymousAllowed
public class SequenceView extends VerticalLayout implements HasDynamicTitle {

    static final Duration UPDATE_INTERVAL = Duration.ofMillis(250);

    private final SequenceWorkers workers;
    private final ComputeBudget budget;
    private final ScheduledExecutorService scheduler;

    final SequenceForm form;
    final SequenceCharts charts;
    final Paragraph status = new Paragraph();
    final OutOfDate outOfDate;

    /** The uploaded series, or null while the generated sine is used. */
    private TimeSeries uploaded;

    private final List<EpochLoss> pendingLosses = new ArrayList<>();
    private AtomicBoolean stopCurrent = new AtomicBoolean();
    private volatile int generation;
    private Throttle throttle;

    public SequenceView(SequenceWorkers workers, ComputeBudget budget, ScheduledExecutorService uiScheduler) {
        this.workers = workers;
        this.budget = budget;
        this.scheduler = uiScheduler;
        setId("page-sequence");
        addClassName("page");

        H2 title = new H2(getTranslation("sequence.title"));
        title.setId("page-title");
        Paragraph intro = new Paragraph(getTranslation("sequence.intro"));
        intro.addClassName("muted");
        form = new SequenceForm(this::acceptUpload);
        charts = new SequenceCharts();
        outOfDate = new OutOfDate("seq-out-of-date", charts);
        status.setId("seq-status");
        status.addClassName("seq-status");

        form.train.addClickListener(e -> train());
        form.useSine.addClickListener(e -> {
            uploaded = null;
            train();
        });
        for (var field : form.retrainingFields()) {
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    train();
                }
            });
        }

        Div drift = new Div(
                new H3(getTranslation("sequence.drift.title")),
                new Paragraph(getTranslation("sequence.drift.p1")),
                new Paragraph(getTranslation("sequence.drift.p2")));
        drift.setId("seq-drift-explained");
        drift.addClassName("card");

        VerticalLayout left = new VerticalLayout(form, status, outOfDate);
        left.setPadding(false);
        left.setAlignItems(Alignment.STRETCH);
        left.getStyle().set("flex", "1 1 20rem");
        charts.add(drift);
        VerticalLayout right = charts;
        right.getStyle().set("flex", "3 1 36rem").set("min-width", "0");
        FlexLayout columns = new FlexLayout(left, right);
        columns.setWidthFull();
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-m)");
        add(title, intro, columns);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        throttle = new Throttle(
                (task, delay) -> scheduler.schedule(task, delay, TimeUnit.NANOSECONDS),
                UPDATE_INTERVAL,
                System::nanoTime,
                () -> ui.access(this::applyPendingLosses));
        train();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        stopCurrent.set(true);
    }

    /** The series the settings describe: the upload, or the sine; empty when a sine field is invalid. */
    private Optional<TimeSeries> series() {
        if (uploaded != null) {
            return Optional.of(uploaded);
        }
        return form.sineConfig().map(SineConfig::generate);
    }

    /** Validates the settings and, if they are valid, fits the model(s) anew on a worker thread. */
    void train() {
        Optional<TimeSeries> maybeSeries = series();
        if (maybeSeries.isEmpty()) {
            refuse("invalid", getTranslation("sequence.status.invalid"));
            return;
        }
        TimeSeries series = maybeSeries.get();
        form.showSource(
                uploaded != null
                        ? getTranslation("sequence.source.upload", series.name(), series.length())
                        : getTranslation("sequence.source.sine", series.length()),
                uploaded != null);
        charts.showData(series);
        Optional<FitConfig> maybeConfig = form.fitConfig(series.length());
        if (maybeConfig.isEmpty()) {
            refuse("invalid", getTranslation("sequence.status.invalid"));
            return;
        }
        FitConfig config = maybeConfig.get();
        List<ModelKind> kinds =
                form.withRnn.getValue() ? List.of(ModelKind.MLP, ModelKind.RNN) : List.of(ModelKind.MLP);
        FitConfig.Cost cost = config.cost(kinds, series.length());
        Optional<BudgetProblem> over = budget.checkSequence(
                cost.bytes(),
                cost.multiplyAdds(),
                series.length(),
                config.tau(),
                config.numHiddens(),
                config.epochs(),
                config.nTrain());
        if (over.isPresent()) {
            refuse("invalid", over.get().message(this::getTranslation));
            return;
        }

        stopCurrent.set(true);
        AtomicBoolean stop = new AtomicBoolean();
        stopCurrent = stop;
        int gen = ++generation;
        synchronized (pendingLosses) {
            pendingLosses.clear();
        }
        charts.startLoss(kinds, config.epochs());
        charts.clearPredictions();
        outOfDate.clear(); // what is drawn from now on is of these settings
        showStatus("training", getTranslation("sequence.status.training", config.epochs()));

        UI ui = UI.getCurrent();
        try {
            submitFit(ui, gen, series, config, kinds, stop);
        } catch (ServerBusyException busy) {
            refuse("error", getTranslation("shell.busy"));
        }
    }

    private void submitFit(
            UI ui, int gen, TimeSeries series, FitConfig config, List<ModelKind> kinds, AtomicBoolean stop) {
        workers.submit(() -> {
            List<ModelResult> results = new ArrayList<>();
            try {
                for (ModelKind kind : kinds) {
                    results.add(SequenceExperiment.run(series, config, kind, loss -> onLoss(gen, loss), stop::get));
                }
            } catch (CancellationException stopped) {
                return;
            } catch (RuntimeException e) {
                ui.access(() -> {
                    if (gen == generation) {
                        refuse("error", getTranslation("sequence.status.error", e.getMessage()));
                    }
                });
                return;
            }
            ui.access(() -> {
                if (gen == generation) {
                    applyPendingLosses();
                    charts.showResults(series, config, results);
                    ModelResult mlp = results.getFirst();
                    showStatus(
                            "done",
                            getTranslation(
                                    "sequence.status.done",
                                    mlp.losses().getLast().loss(),
                                    mlp.oneStepMse(),
                                    config.epochs()));
                }
            });
        });
    }

    /** On the worker thread: queue the point for the next throttled update. */
    private void onLoss(int gen, EpochLoss loss) {
        synchronized (pendingLosses) {
            if (gen != generation) {
                return;
            }
            pendingLosses.add(loss);
        }
        Throttle t = throttle;
        if (t != null) {
            t.request();
        }
    }

    /** On the UI thread: draws the losses that arrived since the last update. */
    private void applyPendingLosses() {
        List<EpochLoss> batch;
        synchronized (pendingLosses) {
            batch = List.copyOf(pendingLosses);
            pendingLosses.clear();
        }
        charts.appendLosses(batch);
    }

    private void acceptUpload(String name, byte[] bytes) {
        try {
            uploaded = CsvSeries.parse(name, bytes, SequenceForm.MAX_ROWS);
            train();
        } catch (CsvSeries.Rejected e) {
            refuse("error", rejection(name, e));
        }
    }

    private String rejection(String name, CsvSeries.Rejected e) {
        return switch (e.problem()) {
            case NOT_TEXT -> getTranslation("sequence.reject.notText", name);
            case EMPTY -> getTranslation("sequence.reject.empty", name);
            case NOT_A_NUMBER -> getTranslation("sequence.reject.notNumber", name, e.line(), e.content());
            case SEVERAL_COLUMNS -> getTranslation("sequence.reject.columns", name, e.line(), e.content());
            case NOT_FINITE -> getTranslation("sequence.reject.notFinite", name, e.line(), e.content());
            case TOO_LONG -> getTranslation("sequence.reject.tooLong", name, e.line());
        };
    }

    /**
     * Says why the settings or the file are refused, stops the fit under way (its results would
     * not match what the page now shows) and marks the results on screen out of date.
     */
    private void refuse(String state, String why) {
        stopCurrent.set(true);
        synchronized (pendingLosses) {
            generation++;
            pendingLosses.clear();
        }
        showStatus(state, why);
        outOfDate.mark(getTranslation("sequence.outOfDate"));
    }

    private void showStatus(String state, String text) {
        status.setText(text);
        status.getElement().setAttribute("data-state", state);
        status.setClassName("message-error", state.equals("error") || state.equals("invalid"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.nav.sequence") + " · RNN Playground";
    }
}
