package org.rnnplayground.ui.chart;

/** Chart.js chart types we use. */
public enum ChartType {
    LINE("line"),
    SCATTER("scatter"),
    BAR("bar");

    private final String js;

    ChartType(String js) {
        this.js = js;
    }

    /** The Chart.js name of this type. */
    public String js() {
        return js;
    }
}
