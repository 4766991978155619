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
 * @param marker draw the points as large crosses: events such as an overflow, not measurements
 */
public record Series(
        String label,
        String color,
        List<Point> points,
        boolean showLine,
        boolean dashed,
        int pointRadius,
        boolean marker) {

    public Series(String label, String color, List<Point> points, boolean showLine, boolean dashed, int pointRadius) {
        this(label, color, points, showLine, dashed, pointRadius, false);
    }

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

    /** Events marked by large crosses, such as where a run's loss overflowed. */
    public static Series marker(String label, String color, List<Point> points) {
        return new Series(label, color, points, false, false, 8, true);
    }

    /** A line with small markers on its points, for few measurements (one per epoch). */
    public static Series lineWithPoints(String label, String color, List<Point> points) {
        return new Series(label, color, points, true, false, 2, false);
    }

    public Series withPoints(List<Point> newPoints) {
        return new Series(label, color, newPoints, showLine, dashed, pointRadius, marker);
    }
}
