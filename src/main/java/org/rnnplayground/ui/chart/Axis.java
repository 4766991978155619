package org.rnnplayground.ui.chart;

/**
 * One axis of a chart.
 *
 * @param title axis title shown next to the axis, or null for none
 * @param scale linear, logarithmic or category
 * @param min fixed minimum or null for automatic
 * @param max fixed maximum or null for automatic
 */
public record Axis(String title, Scale scale, Double min, Double max) {

    /** How values map onto the axis. */
    public enum Scale {
        LINEAR("linear"),
        LOGARITHMIC("logarithmic"),
        CATEGORY("category");

        private final String js;

        Scale(String js) {
            this.js = js;
        }

        /** The Chart.js scale type. */
        public String js() {
            return js;
        }
    }

    public Axis {
        if (scale == null) {
            throw new IllegalArgumentException("an axis needs a scale");
        }
        if (min != null && max != null && min >= max) {
            throw new IllegalArgumentException("axis min " + min + " must be below max " + max);
        }
    }

    public static Axis linear(String title) {
        return new Axis(title, Scale.LINEAR, null, null);
    }

    public static Axis log(String title) {
        return new Axis(title, Scale.LOGARITHMIC, null, null);
    }

    public static Axis category(String title) {
        return new Axis(title, Scale.CATEGORY, null, null);
    }

    public Axis withScale(Scale newScale) {
        return new Axis(title, newScale, min, max);
    }

    public Axis withRange(Double newMin, Double newMax) {
        return new Axis(title, scale, newMin, newMax);
    }
}
