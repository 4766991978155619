package org.rnnplayground.ui.chart;

/** A colour-blind friendly palette (Okabe and Ito), used for series and token spans. */
public final class ChartColors {

    private static final String[] PALETTE = {
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"
    };

    private ChartColors() {}

    /** The i-th colour of the palette, cycling. */
    public static String color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }
}
