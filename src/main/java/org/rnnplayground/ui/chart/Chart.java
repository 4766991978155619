package org.rnnplayground.ui.chart;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Chart.js chart as a server-side component. The server keeps the configuration and the data,
 * so a chart that is detached and attached again (navigation, reload) draws itself anew.
 *
 * <p>Streaming: {@link #appendPoints} sends only the new points. Each series holds at most {@link
 * #getMaxPoints()} points; past that it is thinned (every other point dropped, the first and last
 * kept) on both sides, so a long run never grows the page without limit.
 *
 * <p>Client side: {@code frontend/rnn-chart.js}. The element exposes {@code data-points} (total
 * points drawn) for browser tests.
 */
@Tag("rnn-chart")
@NpmPackage(value = "chart.js", version = "4.6.1")
@NpmPackage(value = "chartjs-plugin-zoom", version = "2.2.0")
@JsModule("./rnn-chart.js")
public class Chart extends Component implements HasSize, HasStyle {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChartConfig config;
    private final List<Series> series = new ArrayList<>();
    private int maxPoints = 2000;

    public Chart(ChartConfig config) {
        this.config = config;
        setWidthFull();
        setHeight("320px");
        addAttachListener(this::redraw);
    }

    /** Replaces the chart's look (type, axes, titles, legend); keeps the data. */
    public void setConfig(ChartConfig newConfig) {
        this.config = newConfig;
        sendAll();
    }

    public ChartConfig getConfig() {
        return config;
    }

    /** Replaces all data. */
    public void setSeries(List<Series> newSeries) {
        series.clear();
        for (Series s : newSeries) {
            series.add(s.withPoints(Thinning.thin(s.points(), maxPoints)));
        }
        sendAll();
    }

    /** The data as the server holds it (after thinning). */
    public List<Series> getSeries() {
        return List.copyOf(series);
    }

    /**
     * Appends points to one series and sends only those points to the browser.
     *
     * @param seriesIndex index into the current series list
     */
    public void appendPoints(int seriesIndex, List<Point> points) {
        if (seriesIndex < 0 || seriesIndex >= series.size()) {
            throw new IndexOutOfBoundsException("no series " + seriesIndex + " (chart has " + series.size() + ")");
        }
        if (points.isEmpty()) {
            return;
        }
        Series s = series.get(seriesIndex);
        List<Point> all = new ArrayList<>(s.points());
        all.addAll(points);
        series.set(seriesIndex, s.withPoints(Thinning.thin(all, maxPoints)));
        getElement().callJsFunction("appendPoints", seriesIndex, JSON.writeValueAsString(points), maxPoints);
    }

    public int getMaxPoints() {
        return maxPoints;
    }

    /** Bounds the points kept per series; at least 16. */
    public void setMaxPoints(int maxPoints) {
        if (maxPoints < 16) {
            throw new IllegalArgumentException("maxPoints must be at least 16, was " + maxPoints);
        }
        this.maxPoints = maxPoints;
    }

    private void redraw(AttachEvent event) {
        sendAll();
    }

    private void sendAll() {
        getElement()
                .callJsFunction(
                        "setChart",
                        JSON.writeValueAsString(ChartJson.config(config)),
                        JSON.writeValueAsString(ChartJson.datasets(series)));
    }
}
