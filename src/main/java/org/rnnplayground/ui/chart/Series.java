package org.rnnplayground.ui.chart;

import java.util.List;

/**
 * One data series (a Chart.js dataset).
 *
 * @param label legend label
 * @param color CSS colour of line and points
 * @param points the data, in drawing order
 * @param showLine draw a line through the points
 * @param dashed draw the line dashed (fitted lines, reference levels)
 * @param pointRadius radius of point markers in pixels (0 for none)
 */
public record Series(
        String label, String color, List<Point> points, boolean showLine, boolean dashed, int pointRadius) {

    public Series {
        points = List.copyOf(points);
        if (pointRadius < 0) {
            throw new IllegalArgumentException("pointRadius must be >= 0, was " + pointRadius);
        }
    }

    /** A solid line without point markers. */
    public static Series line(String label, String color, List<Point> points) {
        return new Series(label, color, points, true, false, 0);
    }

    /** Points without a line. */
    public static Series scatter(String label, String color, List<Point> points) {
        return new Series(label, color, points, false, false, 2);
    }

    /** A dashed line, for fits and reference levels. */
    public static Series dashed(String label, String color, List<Point> points) {
        return new Series(label, color, points, true, true, 0);
    }

    public Series withPoints(List<Point> newPoints) {
        return new Series(label, color, newPoints, showLine, dashed, pointRadius);
    }
}
