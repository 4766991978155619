package org.rnnplayground.inside.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnplayground.inside.GradientsThroughTime;
import org.rnnplayground.training.RunSnapshot;
import org.rnnplayground.ui.chart.Axis;
import org.rnnplayground.ui.chart.Chart;
import org.rnnplayground.ui.chart.ChartColors;
import org.rnnplayground.ui.chart.ChartConfig;
import org.rnnplayground.ui.chart.Point;
import org.rnnplayground.ui.chart.Series;

/**
 * Gradients through time (d2l 8.7, {@code grad-through-time}): for one minibatch of each of two runs,
 * {@code ||dL/dH_t||} and step t's share of {@code dL/dW_hh} on a log axis, before clipping (solid) and
 * after (dashed), side by side.
 */
class GradientPanel extends Div {

    final Select<Integer> layer = new Select<>();
    final Chart chartA = chart("grad-chart-a");
    final Chart chartB = chart("grad-chart-b");
    final Paragraph summaryA = new Paragraph();
    final Paragraph summaryB = new Paragraph();
    final H4 titleA = new H4();
    final H4 titleB = new H4();
    private final Div sideB;

    private RunSnapshot runA, runB;
    private GradientsThroughTime a, b;

    GradientPanel(Select<RunSnapshot> compare) {
        addClassName("card");
        setId("grad-through-time");
        layer.setId("grad-layer");
        layer.setLabel(getTranslation("inside.grad.layer"));
        layer.setItemLabelGenerator(l -> String.valueOf(l + 1));
        layer.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                draw();
            }
        });
        layer.setVisible(false);
        summaryA.setId("grad-summary-a");
        summaryB.setId("grad-summary-b");
        summaryA.addClassName("muted");
        summaryB.addClassName("muted");
        Div sideA = new Div(titleA, chartA, summaryA);
        sideB = new Div(titleB, chartB, summaryB);
        for (Div side : List.of(sideA, sideB)) {
            side.getStyle().set("flex", "1 1 24rem").set("min-width", "0");
        }
        Div sides = new Div(sideA, sideB);
        sides.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        Paragraph intro = new Paragraph(getTranslation("inside.grad.intro"));
        intro.addClassName("muted");
        add(new H3(getTranslation("inside.grad.title")), intro, compare, layer, sides);
    }

    private static Chart chart(String id) {
        Chart c = new Chart(ChartConfig.line("", Axis.linear("t"), Axis.log("norm")));
        c.setId(id);
        c.setHeight("300px");
        return c;
    }

    void show(
            RunSnapshot first,
            GradientsThroughTime firstGradients,
            RunSnapshot second,
            GradientsThroughTime secondGradients) {
        runA = first;
        a = firstGradients;
        runB = second;
        b = secondGradients;
        int layers = Math.max(
                a == null ? 1 : a.layers().size(), b == null ? 1 : b.layers().size());
        List<Integer> items = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            items.add(l);
        }
        Integer kept = layer.getValue();
        layer.setItems(items);
        layer.setValue(kept != null && kept < layers ? kept : layers - 1);
        layer.setVisible(layers > 1);
        draw();
    }

    private void draw() {
        int l = layer.getValue() == null ? 0 : layer.getValue();
        drawSide(chartA, titleA, summaryA, runA, a, l);
        sideB.setVisible(runB != null);
        if (runB != null) {
            drawSide(chartB, titleB, summaryB, runB, b, l);
        }
    }

    private void drawSide(Chart chart, H4 title, Paragraph summary, RunSnapshot run, GradientsThroughTime g, int l) {
        title.setText(run == null ? "" : run.label());
        chart.setConfig(ChartConfig.line(
                        run == null ? "" : run.label(),
                        Axis.linear(getTranslation("inside.grad.step")),
                        Axis.log(getTranslation("inside.grad.norm")))
                .withLegend(true));
        if (g == null) {
            chart.setSeries(List.of());
            summary.setText(getTranslation("inside.grad.none"));
            return;
        }
        GradientsThroughTime.Layer gl = g.layers().get(Math.min(l, g.layers().size() - 1));
        double f = g.clipFactor();
        chart.setSeries(List.of(
                Series.lineWithPoints(
                        getTranslation("inside.grad.hidden"), ChartColors.color(0), points(gl.hidden(), 1)),
                Series.dashed(
                        getTranslation("inside.grad.hiddenClipped"), ChartColors.color(0), points(gl.hidden(), f)),
                Series.lineWithPoints(
                        getTranslation("inside.grad.recurrent"), ChartColors.color(1), points(gl.recurrent(), 1)),
                Series.dashed(
                        getTranslation("inside.grad.recurrentClipped"),
                        ChartColors.color(1),
                        points(gl.recurrent(), f))));
        summary.setText(getTranslation(
                "inside.grad.summary",
                format(g.loss()),
                format(g.gradNorm()),
                g.clip() ? format(g.theta()) : getTranslation("inside.grad.noClip"),
                format(f),
                format(ratio(gl.hidden()))));
    }

    /** Last step's norm over the first's: how much the gradient grows (over 1) or shrinks going back in time. */
    private static double ratio(double[] norms) {
        return norms[0] / norms[norms.length - 1];
    }

    /** Positive values only: a log axis has no place for 0. */
    private static List<Point> points(double[] norms, double factor) {
        List<Point> points = new ArrayList<>();
        for (int t = 0; t < norms.length; t++) {
            double v = norms[t] * factor;
            if (v > 0 && Double.isFinite(v)) {
                points.add(new Point(t + 1, v));
            }
        }
        return points;
    }

    private static String format(double v) {
        return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4
                ? String.format(Locale.ROOT, "%.3f", v)
                : String.format(Locale.ROOT, "%.2e", v);
    }
}
