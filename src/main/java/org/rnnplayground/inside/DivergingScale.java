package org.rnnplayground.inside;

/**
 * A diverging colour map over a range of values: blue below the middle, white at it, red above. The
 * middle is 0 when the range spans 0 (as for {@code tanh} states), else the range's centre (as for
 * gates in [0, 1]).
 *
 * @param middle the value drawn white
 * @param halfWidth the distance from the middle drawn at full colour; positive
 */
public record DivergingScale(double middle, double halfWidth) {

    public DivergingScale {
        if (!(halfWidth > 0) || !Double.isFinite(halfWidth) || !Double.isFinite(middle)) {
            halfWidth = 1;
            middle = Double.isFinite(middle) ? middle : 0;
        }
    }

    /** The scale for these values (non-finite values ignored). */
    public static DivergingScale over(double[] values) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new DivergingScale(0, 1);
        }
        if (lo < 0 && hi > 0) {
            return new DivergingScale(0, Math.max(-lo, hi));
        }
        return new DivergingScale((lo + hi) / 2, (hi - lo) / 2);
    }

    /** Where {@code v} lies, from -1 (full blue) through 0 (white) to 1 (full red), clamped. */
    public double position(double v) {
        if (!Double.isFinite(v)) {
            return 0;
        }
        return Math.max(-1, Math.min(1, (v - middle) / halfWidth));
    }

    /** The colour of {@code v} as {@code 0xRRGGBB}: white blended toward red (#d6604d) or blue (#4393c3). */
    public int rgb(double v) {
        double p = position(v);
        int[] end = p >= 0 ? new int[] {0xd6, 0x60, 0x4d} : new int[] {0x43, 0x93, 0xc3};
        double a = Math.abs(p);
        int r = (int) Math.round(255 + (end[0] - 255) * a);
        int g = (int) Math.round(255 + (end[1] - 255) * a);
        int b = (int) Math.round(255 + (end[2] - 255) * a);
        return (r << 16) | (g << 8) | b;
    }

    /** {@link #rgb} as CSS, {@code #rrggbb}. */
    public String css(double v) {
        return String.format("#%06x", rgb(v));
    }
}
