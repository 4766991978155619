package org.rnnplayground.ui.chart;

/**
 * What a chart looks like, apart from its data.
 *
 * @param type line, scatter or bar
 * @param title title above the plot, or null
 * @param x the horizontal axis
 * @param y the vertical axis
 * @param legend show the legend
 * @param zoom allow zoom (wheel, pinch) and pan (drag), reset by double click
 */
public record ChartConfig(ChartType type, String title, Axis x, Axis y, boolean legend, boolean zoom) {

    public ChartConfig {
        if (type == null || x == null || y == null) {
            throw new IllegalArgumentException("a chart needs a type and both axes");
        }
    }

    public static ChartConfig line(String title, Axis x, Axis y) {
        return new ChartConfig(ChartType.LINE, title, x, y, true, false);
    }

    public ChartConfig withY(Axis newY) {
        return new ChartConfig(type, title, x, newY, legend, zoom);
    }

    public ChartConfig withX(Axis newX) {
        return new ChartConfig(type, title, newX, y, legend, zoom);
    }

    public ChartConfig withTitle(String newTitle) {
        return new ChartConfig(type, newTitle, x, y, legend, zoom);
    }

    public ChartConfig withLegend(boolean show) {
        return new ChartConfig(type, title, x, y, show, zoom);
    }

    public ChartConfig withZoom(boolean enabled) {
        return new ChartConfig(type, title, x, y, legend, enabled);
    }
}
