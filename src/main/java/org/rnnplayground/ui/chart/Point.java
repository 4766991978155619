package org.rnnplayground.ui.chart;

/** One data point; {@code label} names a category for bar charts and tooltips, or is null. */
public record Point(double x, double y, String label) {

    public Point(double x, double y) {
        this(x, y, null);
    }
}
