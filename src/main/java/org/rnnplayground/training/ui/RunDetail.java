package org.rnnplayground.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.TrainProgress;
import org.rnnplayground.text.TokenCodec;
import org.rnnplayground.training.RunExport;
import org.rnnplayground.training.RunSample;
import org.rnnplayground.training.RunSnapshot;
import org.rnnplayground.training.RunStatus;
import org.rnnplayground.ui.Widgets;
import org.rnnplayground.ui.chart.Axis;
import org.rnnplayground.ui.chart.Chart;
import org.rnnplayground.ui.chart.ChartColors;
import org.rnnplayground.ui.chart.ChartConfig;
import org.rnnplayground.ui.chart.Point;
import org.rnnplayground.ui.chart.Series;

/**
 * One run as it trains: status, perplexity and gradient-norm charts, throughput, ETA, generated
 * samples (newest first), stop and export. Updated from immutable snapshots; charts get only the
 * new epochs.
 */
class RunDetail extends Div {

    final Span status = new Span();
    final Span perplexity = new Span();
    final Span tokensPerSecond = new Span();
    final Span eta = new Span();
    final Span clipped = new Span();
    final Button stop = new Button();
    final Checkbox logScale = new Checkbox();
    final Checkbox smoothing = new Checkbox();
    final Chart perplexityChart;
    final Chart gradChart;
    final Div samples = new Div();
    final Span samplesNote = new Span();
    final Anchor exportCsv;
    final Anchor exportJson;

    private final Supplier<Duration> maxRunTime;
    private RunSnapshot shown;
    private int plottedEpochs;
    private double plottedProgress; // x of the last progress point sent to the charts
    private boolean gradLog;
    private int shownSamples;

    /**
     * @param stopRun stops the run with this id
     * @param maxRunTime the time limit of a run in force, for the message of a run stopped by it
     */
    RunDetail(Function<String, Boolean> stopRun, Supplier<Duration> maxRunTime) {
        this.maxRunTime = maxRunTime;
        addClassName("card");
        setWidthFull();
        status.setId("run-status");
        status.addClassName("run-status");
        perplexity.setId("run-perplexity");
        tokensPerSecond.setId("run-tokens-per-s");
        eta.setId("run-eta");
        clipped.setId("run-clipped");
        stop.setId("stop-run");
        stop.setText(getTranslation("train.run.stop"));
        stop.setIcon(VaadinIcon.STOP.create());
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        stop.addClickListener(e -> {
            if (shown != null) {
                stopRun.apply(shown.id());
            }
        });
        logScale.setId("ppl-log");
        logScale.setLabel(getTranslation("train.chart.log"));
        smoothing.setId("ppl-smooth");
        smoothing.setLabel(getTranslation("train.chart.smooth"));

        perplexityChart = new Chart(ChartConfig.line(
                        getTranslation("train.chart.pplTitle"),
                        Axis.linear(getTranslation("train.chart.epoch")),
                        Axis.linear(getTranslation("train.chart.perplexity")))
                .withZoom(true));
        perplexityChart.setId("ppl-chart");
        perplexityChart.setHeight("260px");
        gradChart = new Chart(ChartConfig.line(
                getTranslation("train.chart.gradTitle"),
                Axis.linear(getTranslation("train.chart.epoch")),
                Axis.linear(getTranslation("train.chart.gradNorm"))));
        gradChart.setId("grad-chart");
        gradChart.setHeight("220px");
        logScale.addValueChangeListener(e -> redraw());
        smoothing.addValueChangeListener(e -> redraw());
        samples.setId("samples");
        samplesNote.setId("samples-note");
        samplesNote.addClassName("muted");
        samples.addClassName("samples");

        exportCsv = export("export-csv", "CSV", "text/csv", RunExport::csv, ".csv");
        exportJson = export("export-json", "JSON", "application/json", RunExport::json, ".json");

        HorizontalLayout head = new HorizontalLayout(status, stop);
        head.setWidthFull();
        head.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout stats = new HorizontalLayout(
                Widgets.stat(getTranslation("train.run.perplexity"), perplexity),
                Widgets.stat(getTranslation("train.run.tokensPerSecond"), tokensPerSecond),
                Widgets.stat(getTranslation("train.run.eta"), eta),
                Widgets.stat(getTranslation("train.run.clipped"), clipped));
        stats.addClassName("stats");
        stats.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout chartOptions = new HorizontalLayout(logScale, smoothing, new Span(), exportCsv, exportJson);
        chartOptions.setAlignItems(FlexComponent.Alignment.CENTER);
        H3 samplesTitle = new H3(getTranslation("train.run.samples"));
        add(head, stats, chartOptions, perplexityChart, gradChart, samplesTitle, samplesNote, samples);
        show(null);
    }

    private Anchor export(String id, String label, String type, Function<RunSnapshot, String> format, String ext) {
        Supplier<RunSnapshot> current = () -> shown;
        Anchor a = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    RunSnapshot run = current.get();
                    byte[] bytes = (run == null ? "" : format.apply(run)).getBytes(StandardCharsets.UTF_8);
                    String name = "run-" + (run == null ? "none" : run.label()) + ext;
                    return new DownloadResponse(new ByteArrayInputStream(bytes), name, type, bytes.length);
                }),
                getTranslation("train.run.export", label));
        a.setId(id);
        a.getElement().setAttribute("download", true);
        return a;
    }

    /** Shows a run (or nothing); for the same run only the new epochs and samples are sent. */
    void show(RunSnapshot run) {
        boolean sameRun = run != null && shown != null && shown.id().equals(run.id());
        shown = run;
        setVisible(run != null);
        if (run == null) {
            return;
        }
        status.setText(
                run.resumedFromEpoch() > 0
                        ? statusText(run) + " " + getTranslation("train.status.resumed", run.resumedFromEpoch())
                        : statusText(run));
        status.getElement().setAttribute("data-epochs", String.valueOf(run.epochsDoneFraction()));
        status.getElement().setAttribute("data-status", run.status().name());
        status.getElement().setAttribute("data-run", run.id());
        status.getElement()
                .setAttribute(
                        "data-stop-reason",
                        run.stopReason() == null ? "" : run.stopReason().name());
        stop.setEnabled(!run.status().isFinal());
        perplexity.setText(
                Double.isFinite(run.perplexity()) ? String.format(getLocale(), "%.3f", run.perplexity()) : "–");
        tokensPerSecond.setText(
                Double.isFinite(run.tokensPerSecond())
                        ? String.format(getLocale(), "%,.0f", run.tokensPerSecond())
                        : "–");
        double etaSeconds = run.etaSeconds();
        eta.setText(etaSeconds < 0 ? "–" : formatDuration(etaSeconds));
        clipped.setText(
                run.epochs().isEmpty()
                        ? "–"
                        : String.format(
                                getLocale(),
                                "%.0f %%",
                                100 * run.epochs().getLast().clippedShare()));
        if (!sameRun
                || smoothing.getValue()
                || run.epochs().size() < plottedEpochs
                || overflow(run).isPresent()
                || gradNeedsLog(run) != gradLog) {
            redraw();
        } else {
            appendNew(run);
        }
        showSamples(run, sameRun);
    }

    /**
     * Draws both charts anew: per epoch, the running figures inside epochs, and where the loss
     * overflowed. Both share the x range of the whole run, 0 to its number of epochs.
     */
    private void redraw() {
        RunSnapshot run = shown;
        if (run == null) {
            return;
        }
        plottedEpochs = run.epochs().size();
        plottedProgress = lastProgressX(run);
        gradLog = gradNeedsLog(run);
        Axis x = Axis.linear(getTranslation("train.chart.epoch"))
                .withRange(0.0, (double) run.spec().config().numEpochs());
        String pplTitle = getTranslation("train.chart.perplexity");
        perplexityChart.setConfig(perplexityChart
                .getConfig()
                .withX(x)
                .withY(logScale.getValue() ? Axis.log(pplTitle) : Axis.linear(pplTitle)));
        String gradTitle = getTranslation("train.chart.gradNorm");
        gradChart.setConfig(
                gradChart.getConfig().withX(x).withY(gradLog ? Axis.log(gradTitle) : Axis.linear(gradTitle)));

        Optional<TrainProgress> overflow = overflow(run);
        List<Series> ppl = new ArrayList<>();
        ppl.add(Series.lineWithPoints(
                getTranslation("train.chart.perEpoch"),
                ChartColors.color(0),
                perplexityPoints(run.epochs(), smoothing.getValue())));
        ppl.add(Series.line(
                getTranslation("train.chart.withinEpoch"),
                ChartColors.color(2),
                progressPoints(run.progress(), false)));
        ppl.add(Series.marker(
                getTranslation("train.chart.overflow"),
                ChartColors.color(5),
                overflow.map(o -> List.of(new Point(o.epochs(), lastFinite(run, false))))
                        .orElse(List.of())));
        perplexityChart.setSeries(ppl);

        List<Series> grad = new ArrayList<>();
        grad.add(Series.lineWithPoints(
                getTranslation("train.chart.meanGrad"), ChartColors.color(1), gradPoints(run.epochs(), false)));
        grad.add(Series.scatter(
                getTranslation("train.chart.maxGrad"), ChartColors.color(4), gradPoints(run.epochs(), true)));
        grad.add(Series.line(
                getTranslation("train.chart.gradWithinEpoch"),
                ChartColors.color(2),
                progressPoints(run.progress(), true)));
        grad.add(Series.marker(
                getTranslation("train.chart.overflow"),
                ChartColors.color(5),
                overflow.map(o -> List.of(new Point(o.epochs(), lastFinite(run, true))))
                        .orElse(List.of())));
        if (run.spec().config().hyper().clip()) {
            double theta = run.spec().config().hyper().theta();
            grad.add(Series.dashed(
                    getTranslation("train.chart.theta", theta),
                    ChartColors.color(7),
                    List.of(new Point(0, theta), new Point(run.spec().config().numEpochs(), theta))));
        }
        gradChart.setSeries(grad);
    }

    private void appendNew(RunSnapshot run) {
        List<EpochReport> fresh =
                run.epochs().subList(plottedEpochs, run.epochs().size());
        plottedEpochs = run.epochs().size();
        List<TrainProgress> newProgress = run.progress().stream()
                .filter(p -> p.epochs() > plottedProgress)
                .toList();
        plottedProgress = lastProgressX(run);
        perplexityChart.appendPoints(0, perplexityPoints(fresh, false));
        perplexityChart.appendPoints(1, progressPoints(newProgress, false));
        gradChart.appendPoints(0, gradPoints(fresh, false));
        gradChart.appendPoints(1, gradPoints(fresh, true));
        gradChart.appendPoints(2, progressPoints(newProgress, true));
    }

    private static double lastProgressX(RunSnapshot run) {
        return run.progress().isEmpty() ? 0 : run.progress().getLast().epochs();
    }

    /** Where the run's loss overflowed, if it did. */
    static Optional<TrainProgress> overflow(RunSnapshot run) {
        return run.progress().stream().filter(TrainProgress::overflow).findFirst();
    }

    /** The last finite perplexity (or gradient norm) before an overflow: where its marker sits. */
    private static double lastFinite(RunSnapshot run, boolean grad) {
        double last = grad ? 1 : run.text().vocab().vocabSize();
        for (TrainProgress p : run.progress()) {
            double v = grad ? p.gradNorm() : p.perplexity();
            if (!p.overflow() && Double.isFinite(v) && v > 0) {
                last = v;
            }
        }
        return last;
    }

    /**
     * Whether the gradient norms span two orders of magnitude or more, or overflowed, so that a log
     * axis shows the small ones too.
     */
    static boolean gradNeedsLog(RunSnapshot run) {
        if (overflow(run).isPresent()) {
            return true; // the norm grew without bound
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (TrainProgress p : run.progress()) {
            if (Double.isFinite(p.gradNorm()) && p.gradNorm() > 0) {
                min = Math.min(min, p.gradNorm());
                max = Math.max(max, p.gradNorm());
            }
        }
        for (EpochReport e : run.epochs()) {
            if (Double.isFinite(e.maxGradNorm()) && e.maxGradNorm() > 0) {
                min = Math.min(min, e.meanGradNorm() > 0 ? e.meanGradNorm() : e.maxGradNorm());
                max = Math.max(max, e.maxGradNorm());
            }
        }
        return max > 0 && max / min >= 100;
    }

    /** Perplexity per epoch; non-finite values (a diverged epoch) are left out. */
    static List<Point> perplexityPoints(List<EpochReport> epochs, boolean smooth) {
        List<Point> points = new ArrayList<>(epochs.size());
        double ema = Double.NaN;
        for (EpochReport e : epochs) {
            if (!Double.isFinite(e.perplexity())) {
                continue;
            }
            ema = Double.isNaN(ema) ? e.perplexity() : 0.8 * ema + 0.2 * e.perplexity();
            points.add(new Point(e.epoch(), smooth ? ema : e.perplexity()));
        }
        return points;
    }

    /** Running perplexity (or the latest gradient norm) inside epochs, at fractional epochs. */
    static List<Point> progressPoints(List<TrainProgress> progress, boolean grad) {
        List<Point> points = new ArrayList<>(progress.size());
        for (TrainProgress p : progress) {
            double v = grad ? p.gradNorm() : p.perplexity();
            if (!p.overflow() && Double.isFinite(v)) {
                points.add(new Point(p.epochs(), v));
            }
        }
        return points;
    }

    private static List<Point> gradPoints(List<EpochReport> epochs, boolean max) {
        List<Point> points = new ArrayList<>(epochs.size());
        for (EpochReport e : epochs) {
            double v = max ? e.maxGradNorm() : e.meanGradNorm();
            if (Double.isFinite(v)) {
                points.add(new Point(e.epoch(), v));
            }
        }
        return points;
    }

    private void showSamples(RunSnapshot run, boolean sameRun) {
        if (!sameRun) {
            samples.removeAll();
            shownSamples = 0;
        }
        List<RunSample> all = run.samples();
        for (int i = shownSamples; i < all.size(); i++) {
            RunSample s = all.get(i);
            Span epoch = new Span(getTranslation("train.run.sampleEpoch", s.epoch()));
            epoch.addClassName("sample-epoch");
            Span text = new Span(s.text());
            text.addClassName("sample-text");
            Div entry = new Div(epoch, text);
            entry.addClassName("sample");
            samples.addComponentAsFirst(entry);
        }
        shownSamples = all.size();
        // every sample starts from the same prefix: its unknown tokens are said once, above them
        List<String> unknown = all.isEmpty() ? List.of() : all.getLast().unknown();
        samplesNote.setText(
                unknown.isEmpty() ? "" : getTranslation("train.gen.unknown", TokenCodec.listForPeople(unknown)));
        samplesNote.setVisible(!unknown.isEmpty());
        if (all.isEmpty() && samples.getChildren().findAny().isEmpty()) {
            Span none = new Span(getTranslation("train.run.noSamples"));
            none.addClassName("muted");
            samples.add(none);
        } else if (!all.isEmpty()) {
            samples.getChildren().filter(c -> c instanceof Span).toList().forEach(samples::remove);
        }
    }

    String statusText(RunSnapshot run) {
        int total = run.spec().config().numEpochs();
        return switch (run.status()) {
            case QUEUED ->
                run.queuePlace().behindOwnRuns()
                        ? getTranslation("train.status.queuedBehindOwn")
                        : getTranslation("train.status.queued", run.queuePlace().position());
            case RUNNING -> {
                double done = run.epochsDoneFraction();
                int current = Math.min(total, run.epochsDone() + 1);
                int percent = (int) Math.floor(100 * (done - run.epochsDone()));
                yield run.progress().isEmpty()
                        ? getTranslation("train.status.starting", total)
                        : getTranslation("train.status.running", current, total, percent);
            }
            case FINISHED -> getTranslation("train.status.finished", run.epochsDone());
            case STOPPED ->
                run.stopReason() == null
                        ? getTranslation("train.status.stopped", run.epochsDone())
                        : getTranslation(
                                "train.stop." + run.stopReason().name(),
                                run.epochsDone(),
                                maxRunTime.get().toMinutes());
            case DIVERGED ->
                getTranslation(
                        run.spec().config().hyper().clip() ? "train.status.divergedClipped" : "train.status.diverged",
                        run.divergedAtEpoch(),
                        run.spec().config().hyper().lr(),
                        run.spec().config().hyper().clip()
                                ? run.spec().config().hyper().theta()
                                : 0);
            case FAILED -> getTranslation("train.status.failed", run.message());
        };
    }

    static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    RunSnapshot shown() {
        return shown;
    }

    boolean isFinal() {
        return shown != null && shown.status() != RunStatus.QUEUED && shown.status() != RunStatus.RUNNING;
    }
}
