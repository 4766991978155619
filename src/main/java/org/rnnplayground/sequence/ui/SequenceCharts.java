package org.rnnplayground.sequence.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnplayground.sequence.EpochLoss;
import org.rnnplayground.sequence.FitConfig;
import org.rnnplayground.sequence.KStep;
import org.rnnplayground.sequence.ModelKind;
import org.rnnplayground.sequence.ModelResult;
import org.rnnplayground.sequence.TimeSeries;
import org.rnnplayground.ui.chart.Axis;
import org.rnnplayground.ui.chart.Chart;
import org.rnnplayground.ui.chart.ChartColors;
import org.rnnplayground.ui.chart.ChartConfig;
import org.rnnplayground.ui.chart.Point;
import org.rnnplayground.ui.chart.Series;

/**
 * The book's figures of section 8.1 (data, one-step, multistep, k-step), the loss per epoch and
 * the table of k-step errors. Only draws what it is given; all numbers come from {@code
 * org.rnnplayground.sequence}.
 */
class SequenceCharts extends VerticalLayout {

    static final String DATA_COLOR = "#9aa5b1";

    final Chart data = chart("seq-data-chart", "sequence.chart.data.title", "sequence.chart.x");
    final Chart loss;
    final Chart oneStep = chart("seq-onestep-chart", "sequence.chart.onestep.title", "sequence.chart.x");
    final Chart multistep = chart("seq-multistep-chart", "sequence.chart.multistep.title", "sequence.chart.x");
    final Chart kStep = chart("seq-kstep-chart", "sequence.chart.kstep.title", "sequence.chart.x");
    final NativeTable kStepTable = new NativeTable();

    private List<ModelKind> lossKinds = List.of();

    SequenceCharts() {
        loss = new Chart(ChartConfig.line(
                getTranslation("sequence.chart.loss.title"),
                Axis.linear(getTranslation("sequence.chart.epoch")),
                Axis.linear(getTranslation("sequence.chart.loss.y"))));
        loss.setId("seq-loss-chart");
        loss.setHeight("220px");
        kStepTable.setId("seq-kstep-table");
        kStepTable.addClassName("seq-table");
        setPadding(false);
        setAlignItems(Alignment.STRETCH);
        add(
                card(data, "sequence.chart.data.card", "sequence.chart.data.hint"),
                card(loss, "sequence.chart.loss.card", "sequence.chart.loss.hint"),
                card(oneStep, "sequence.chart.onestep.card", "sequence.chart.onestep.hint"),
                card(multistep, "sequence.chart.multistep.card", "sequence.chart.multistep.hint"),
                kStepCard());
    }

    private Chart chart(String id, String titleKey, String xKey) {
        Chart c = new Chart(ChartConfig.line(
                        getTranslation(titleKey),
                        Axis.linear(getTranslation(xKey)),
                        Axis.linear(getTranslation("sequence.chart.y")))
                .withZoom(true));
        c.setId(id);
        c.setHeight("260px");
        return c;
    }

    /** A card with a heading, a hint and a chart. */
    private Div card(Chart chart, String titleKey, String hintKey) {
        Paragraph hint = new Paragraph(getTranslation(hintKey));
        hint.addClassName("muted");
        Div card = new Div(new H3(getTranslation(titleKey)), hint, chart);
        card.addClassName("card");
        return card;
    }

    /** The k-step chart with its table of errors. */
    private Div kStepCard() {
        Div card = card(kStep, "sequence.chart.kstep.card", "sequence.chart.kstep.hint");
        card.add(kStepTable);
        return card;
    }

    void showData(TimeSeries series) {
        data.setSeries(List.of(
                Series.line(getTranslation("sequence.series.data"), ChartColors.color(0), points(series.values(), 0))));
    }

    /** Empties the loss chart: one series per model, to be filled epoch by epoch. */
    void startLoss(List<ModelKind> kinds, int epochs) {
        lossKinds = List.copyOf(kinds);
        List<Series> series = new ArrayList<>();
        for (ModelKind kind : kinds) {
            series.add(new Series(
                    getTranslation("sequence.series.loss", label(kind)),
                    ChartColors.color(kind.ordinal() + 1),
                    List.of(),
                    true,
                    false,
                    epochs <= 50 ? 3 : 0));
        }
        loss.setSeries(series);
    }

    void appendLosses(List<EpochLoss> losses) {
        for (int i = 0; i < lossKinds.size(); i++) {
            ModelKind kind = lossKinds.get(i);
            List<Point> points = losses.stream()
                    .filter(l -> l.model() == kind)
                    .map(l -> new Point(l.epoch(), l.loss()))
                    .toList();
            loss.appendPoints(i, points);
        }
    }

    /** Clears the predictions while a new fit runs. */
    void clearPredictions() {
        oneStep.setSeries(List.of());
        multistep.setSeries(List.of());
        kStep.setSeries(List.of());
        kStepTable.removeAll();
    }

    void showResults(TimeSeries series, FitConfig config, List<ModelResult> results) {
        double[] x = series.values();
        Series dataSeries = Series.line(getTranslation("sequence.series.data"), DATA_COLOR, points(x, 0));
        int tau = config.tau();

        List<Series> one = new ArrayList<>(List.of(dataSeries));
        List<Series> multi = new ArrayList<>(List.of(dataSeries));
        for (ModelResult r : results) {
            String model = label(r.kind());
            String color = ChartColors.color(r.kind() == ModelKind.MLP ? 0 : 2);
            Series onePreds =
                    line(r.kind(), getTranslation("sequence.series.onestep", model), color, points(r.oneStep(), tau));
            one.add(onePreds);
            multi.add(onePreds);
            int cut = config.nTrain() + tau;
            double[] tail = java.util.Arrays.copyOfRange(r.multistep(), cut, x.length);
            multi.add(line(
                    r.kind(),
                    getTranslation("sequence.series.multistep", model),
                    ChartColors.color(r.kind() == ModelKind.MLP ? 1 : 5),
                    points(tail, cut)));
        }
        oneStep.setSeries(one);
        multistep.setSeries(multi);

        KStep k = results.getFirst().kStep();
        List<Series> ks = new ArrayList<>();
        int[] steps = KStep.BOOK_STEPS;
        for (int s = 0; s < steps.length; s++) {
            ks.add(Series.line(
                    getTranslation("sequence.series.kstep", steps[s]),
                    ChartColors.color(s),
                    points(k.at(steps[s]), k.firstIndex(steps[s]))));
        }
        kStep.setSeries(ks);
        fillTable(results);
    }

    private static Series line(ModelKind kind, String label, String color, List<Point> points) {
        return kind == ModelKind.MLP ? Series.line(label, color, points) : Series.dashed(label, color, points);
    }

    private void fillTable(List<ModelResult> results) {
        kStepTable.removeAll();
        NativeTableHeader head = new NativeTableHeader();
        NativeTableRow headRow = new NativeTableRow();
        headRow.add(new NativeTableHeaderCell(getTranslation("sequence.table.k")));
        for (ModelResult r : results) {
            headRow.add(new NativeTableHeaderCell(getTranslation("sequence.table.mse", label(r.kind()))));
        }
        head.add(headRow);
        NativeTableBody body = new NativeTableBody();
        int[] steps = KStep.BOOK_STEPS;
        for (int s = 0; s < steps.length; s++) {
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-k", String.valueOf(steps[s]));
            row.add(new NativeTableCell(getTranslation("sequence.table.steps", steps[s])));
            for (ModelResult r : results) {
                NativeTableCell cell = new NativeTableCell(format(r.kStepMse()[s]));
                cell.getElement().setAttribute("data-model", r.kind().name());
                cell.addClassName("num");
                row.add(cell);
            }
            body.add(row);
        }
        kStepTable.add(head, body);
    }

    private String format(double v) {
        return String.format(Locale.ROOT, v < 1e-3 || v >= 1e4 ? "%.3e" : "%.4f", v);
    }

    private String label(ModelKind kind) {
        return getTranslation("sequence.model." + kind.name());
    }

    /** Points (t, v[i]) with t = first + i + 1, the book's time of index first + i. */
    static List<Point> points(double[] v, int first) {
        List<Point> p = new ArrayList<>(v.length);
        for (int i = 0; i < v.length; i++) {
            p.add(new Point(TimeSeries.time(first + i), v[i]));
        }
        return p;
    }
}
