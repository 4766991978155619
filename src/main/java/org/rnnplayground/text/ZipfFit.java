package org.rnnplayground.text;

/**
 * A least-squares fit of Zipf's law (d2l 8.3.2): {@code ln n_i = -alpha ln i + c}, where
 * {@code n_i} is the frequency of the i-th most frequent item, fitted by ordinary least squares of
 * {@code ln n_i} on {@code ln i} over ranks {@code 1..ranks}.
 *
 * @param alpha the exponent, minus the slope
 * @param c the intercept, so the fitted frequency at rank i is {@code exp(c) * i^-alpha}
 * @param rSquared coefficient of determination of the fit in log-log space; 1 when the points lie
 *     exactly on the line (also when all frequencies are equal)
 * @param ranks how many of the top ranks were fitted, at least 2
 */
public record ZipfFit(double alpha, double c, double rSquared, int ranks) {

    public ZipfFit {
        if (ranks < 2) {
            throw new IllegalArgumentException("a Zipf fit needs at least 2 ranks, got " + ranks);
        }
    }

    /**
     * Fits all ranks.
     *
     * @param frequencies counts sorted in descending order, {@code [n]}, {@code n >= 2}, each {@code >= 1}
     */
    public static ZipfFit fit(int[] frequencies) {
        return fit(frequencies, 1.0);
    }

    /**
     * Fits the most frequent share of the ranks: the top {@code ceil(share * n)} ranks, but at
     * least 2 (fewer points define no line).
     *
     * @param frequencies counts sorted in descending order, {@code [n]}, {@code n >= 2}, each {@code >= 1}
     * @param share the fraction of ranks to fit, {@code 0 < share <= 1}
     * @throws IllegalArgumentException when the share is out of range, fewer than two counts are
     *     given, or a count is not positive
     */
    public static ZipfFit fit(int[] frequencies, double share) {
        double[] asDoubles = new double[frequencies.length];
        for (int i = 0; i < frequencies.length; i++) {
            asDoubles[i] = frequencies[i];
        }
        return fit(asDoubles, share);
    }

    /**
     * {@link #fit(int[], double)} for real-valued frequencies, e.g. relative frequencies.
     *
     * @param frequencies values sorted in descending order, {@code [n]}, {@code n >= 2}, each {@code > 0}
     * @param share the fraction of ranks to fit, {@code 0 < share <= 1}
     */
    public static ZipfFit fit(double[] frequencies, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], got " + share);
        }
        int n = frequencies.length;
        if (n < 2) {
            throw new IllegalArgumentException("a Zipf fit needs at least 2 ranks, got " + n);
        }
        // ceil with a little slack, so that 0.3 * 10 (3.0000000000000004) fits 3 ranks, not 4
        int ranks = Math.max(2, Math.min(n, (int) Math.ceil(share * n - 1e-9)));
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < ranks; i++) {
            if (!(frequencies[i] > 0) || Double.isInfinite(frequencies[i])) {
                throw new IllegalArgumentException(
                        "frequencies must be positive and finite, got " + frequencies[i] + " at rank " + (i + 1));
            }
            sumX += Math.log(i + 1);
            sumY += Math.log(frequencies[i]);
        }
        double meanX = sumX / ranks;
        double meanY = sumY / ranks;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < ranks; i++) {
            double dx = Math.log(i + 1) - meanX;
            double dy = Math.log(frequencies[i]) - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double residual = Math.max(0, syy - slope * sxy); // SS_res = SS_tot - SS_reg for OLS
        double rSquared = syy == 0 ? 1.0 : 1.0 - residual / syy;
        return new ZipfFit(-slope, intercept, rSquared, ranks);
    }

    /** @return the fitted frequency at {@code rank}: {@code exp(c) * rank^-alpha} */
    public double frequencyAt(double rank) {
        return Math.exp(c - alpha * Math.log(rank));
    }
}
