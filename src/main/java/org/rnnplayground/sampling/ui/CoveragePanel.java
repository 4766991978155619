package org.rnnplayground.sampling.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.rnnplayground.sampling.Coverage;
import org.rnnplayground.ui.Async;
import org.rnnplayground.ui.OutOfDate;
import org.rnnplayground.ui.WholeNumberField;
import org.rnnplayground.ui.Widgets;
import org.rnnplayground.ui.chart.Axis;
import org.rnnplayground.ui.chart.Chart;
import org.rnnplayground.ui.chart.ChartColors;
import org.rnnplayground.ui.chart.ChartConfig;
import org.rnnplayground.ui.chart.ChartType;
import org.rnnplayground.ui.chart.Series;
import org.rnnplayground.work.ServerBusyException;

/**
 * How often each position of the text is an input over many epochs of each method, and what the
 * random offset discards (d2l exercise 8.3.5), for the cut of the text the layout shows. Counted
 * in the background while the panel is attached.
 */
class CoveragePanel extends Div {

    static final int DEFAULT_EPOCHS = 100;

    final WholeNumberField epochs =
            new WholeNumberField("coverage-epochs", getTranslation("minibatches.coverage.epochs"));
    final Select<CoveragePlot.View> view = new Select<>();
    final Span discardedRandom = new Span();
    final Span discardedSequential = new Span();
    final Span unusedRandom = new Span();
    final Span unusedSequential = new Span();
    final Paragraph caption = new Paragraph();
    final Chart chart;
    final OutOfDate outOfDate;

    private final CoverageService service;

    /** The cut of the text to count over; null while the layout's fields give none. */
    private TextLayoutPanel.Cut cut;

    /** The page's seed; null while it has no valid one. */
    private Integer seed;

    /**
     * What a count is for.
     *
     * @param cut the text's length and the sampler's values
     * @param seed each method's epochs come from its own {@code Samplers.rng(seed)}
     * @param epochs epochs to count
     */
    record Request(TextLayoutPanel.Cut cut, long seed, int epochs) {

        /** Whether a count is the one this request asks for. */
        boolean answeredBy(CoverageService.Both both) {
            Coverage c = both.random();
            return c.corpusLength() == cut.corpusLength()
                    && c.batchSize() == cut.config().batchSize()
                    && c.numSteps() == cut.config().numSteps()
                    && c.seed() == seed
                    && c.epochs() == epochs;
        }
    }

    /** The count under way, or null. */
    private Request counting;

    /** The count under way or last finished, or null before the first. */
    private CompletableFuture<CoverageService.Both> pending;

    /** The counts shown, or null before the first arrives. */
    CoverageService.Both result;

    CoveragePanel(CoverageService service) {
        this.service = service;
        epochs.setNumber(DEFAULT_EPOCHS);
        epochs.addValueChangeListener(e -> refresh());
        view.setId("coverage-view");
        view.setLabel(getTranslation("minibatches.coverage.view"));
        view.setItems(CoveragePlot.View.values());
        view.setItemLabelGenerator(v -> getTranslation("minibatches.coverage.view." + v.name()));
        view.setValue(CoveragePlot.View.HEAD);
        view.addValueChangeListener(e -> showResult());
        HorizontalLayout bar = new HorizontalLayout(epochs, view);
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

        chart = new Chart(new ChartConfig(
                ChartType.LINE,
                getTranslation("minibatches.coverage.chart"),
                Axis.linear(getTranslation("minibatches.coverage.axisPosition")),
                Axis.linear(getTranslation("minibatches.coverage.axisCount")).withRange(0.0, null),
                true,
                true));
        chart.setId("coverage-chart");
        chart.setHeight("300px");
        caption.setId("coverage-caption");
        caption.addClassName("muted");
        outOfDate = new OutOfDate("coverage-out-of-date", stats, chart, caption);

        Paragraph intro = new Paragraph(getTranslation("minibatches.coverage.intro"));
        intro.addClassName("muted");
        add(new H3(getTranslation("minibatches.coverage.title")), intro, bar, outOfDate, stats, chart, caption);
        addClassName("card");
        setWidthFull();
    }

    /** Counts over a cut of the text, or marks the counts out of date when there is none (null). */
    void setCut(TextLayoutPanel.Cut cut) {
        this.cut = cut;
        refresh();
    }

    /** Uses the page's seed, or marks the counts out of date while the page has no valid one (null). */
    void setSeed(Integer seed) {
        this.seed = seed;
        refresh();
    }

    /** The number of epochs in the field, or null (field marked) when out of range. */
    private Integer validEpochs() {
        boolean ok = epochs.check(
                v -> v >= 1 && v <= CoverageService.MAX_EPOCHS,
                getTranslation("minibatches.coverage.epochs.invalid", CoverageService.MAX_EPOCHS));
        return ok ? epochs.number().orElseThrow() : null;
    }

    /**
     * Starts counting when the inputs changed and are valid, marking the counts shown out of date
     * until the new ones arrive; marks them out of date while an input is invalid.
     */
    private void refresh() {
        Integer n = validEpochs();
        if (n == null || cut == null || seed == null) {
            cancel();
            markOutOfDate(getTranslation("minibatches.outOfDate"));
            return;
        }
        Request request = new Request(cut, seed, n);
        if (result != null && request.answeredBy(result)) {
            cancel();
            outOfDate.clear();
            return;
        }
        if (request.equals(counting)) {
            return;
        }
        UI ui = getUI().orElse(null);
        if (ui == null) {
            return; // counted when attached
        }
        cancel();
        markOutOfDate(getTranslation("minibatches.coverage.counting"));
        CompletableFuture<CoverageService.Both> future = service.count(
                request.cut().corpusLength(),
                request.cut().config().batchSize(),
                request.cut().config().numSteps(),
                request.epochs(),
                request.seed());
        pending = future;
        counting = request;
        future.whenComplete((both, error) -> ui.access(() -> {
            if (counting != request) {
                return; // cancelled, or the inputs changed meanwhile
            }
            counting = null;
            if (error != null) {
                outOfDate.mark(
                        ServerBusyException.isBusy(error)
                                ? getTranslation("shell.busy")
                                : getTranslation(
                                        "minibatches.coverage.failed",
                                        String.valueOf(Async.cause(error).getMessage())));
                return;
            }
            result = both;
            outOfDate.clear();
            showResult();
        }));
    }

    /** Marks the counts shown, if any, out of date. */
    private void markOutOfDate(String why) {
        if (result != null) {
            outOfDate.mark(why);
        }
    }

    private void cancel() {
        if (counting != null) {
            pending.cancel(false);
            counting = null;
        }
    }

    /** The coverage count under way or last finished, or null before the first. */
    CompletableFuture<CoverageService.Both> pendingCoverage() {
        return pending;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        cancel();
        super.onDetach(detachEvent);
    }

    private void showResult() {
        if (result == null) {
            return;
        }
        Coverage r = result.random();
        Coverage s = result.sequential();
        showStats(r, discardedRandom, unusedRandom);
        showStats(s, discardedSequential, unusedSequential);

        CoveragePlot.View shown = view.getValue() == null ? CoveragePlot.View.HEAD : view.getValue();
        boolean head = shown == CoveragePlot.View.HEAD;
        int length = r.corpusLength();
        // HEAD: the first `size` positions one by one; BINNED: all positions in bins of `size`
        int size = head ? CoveragePlot.headLength(length, r.numSteps()) : CoveragePlot.binSize(length);
        Function<Coverage, Series> series = c -> Series.line(
                getTranslation("minibatches.method." + c.kind().name()),
                ChartColors.color(c.kind().ordinal()),
                head ? CoveragePlot.head(c.counts(), size) : CoveragePlot.binned(c.counts(), size));
        chart.setConfig(chart.getConfig().withX(xAxis((head ? size : length) - 1)));
        chart.setSeries(List.of(series.apply(r), series.apply(s)));
        caption.setText(getTranslation(
                "minibatches.coverage.caption." + shown.name(), size, length, r.epochs(), String.valueOf(r.seed())));
    }

    /** One method's mean discarded head against its expectation, and its mean unused positions. */
    private void showStats(Coverage c, Span discarded, Span unused) {
        discarded.setText(getTranslation(
                "minibatches.coverage.discardedValue",
                c.meanDiscardedHead(),
                c.kind().meanOffset(c.numSteps())));
        unused.setText(getTranslation("minibatches.coverage.unusedValue", meanUnused(c), c.corpusLength()));
    }

    private Axis xAxis(int lastPosition) {
        return Axis.linear(getTranslation("minibatches.coverage.axisPosition"))
                .withRange(0.0, (double) Math.max(1, lastPosition));
    }

    /** Mean number of positions that were never an input in one epoch. */
    static double meanUnused(Coverage c) {
        return Arrays.stream(c.inputTokensPerEpoch())
                .map(inputs -> c.corpusLength() - inputs)
                .average()
                .orElse(0);
    }
}
