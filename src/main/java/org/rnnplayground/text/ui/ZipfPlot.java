package org.rnnplayground.text.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnnplayground.text.NGramCounts;
import org.rnnplayground.text.RankFrequency;
import org.rnnplayground.text.ZipfFit;
import org.rnnplayground.ui.chart.Point;

/**
 * What the Statistics page plots for one n-gram order (d2l 8.3.2): frequency against rank, thinned
 * to log-spaced ranks, and the Zipf fit over the most frequent share of the ranks.
 */
final class ZipfPlot {

    /** Points per order on the chart; ranks are log-spaced beyond this. */
    static final int MAX_POINTS = 300;

    /** Smallest and largest share of ranks the fit may use, in percent. */
    static final int MIN_SHARE = 1;

    static final int MAX_SHARE = 100;

    private ZipfPlot() {}

    /** @return whether {@code percent} is a share the fit accepts ({@value #MIN_SHARE}..{@value #MAX_SHARE}) */
    static boolean validShare(Integer percent) {
        return percent != null && percent >= MIN_SHARE && percent <= MAX_SHARE;
    }

    /**
     * Fits Zipf's law to the most frequent {@code percent} % of the ranks (at least 2).
     *
     * @param percent share of ranks in percent, {@link #validShare valid}
     * @return the fit, or empty when the order has fewer than two distinct n-grams (no line to fit)
     */
    static Optional<ZipfFit> fit(NGramCounts counts, int percent) {
        if (!validShare(percent)) {
            throw new IllegalArgumentException(
                    "share must be between " + MIN_SHARE + " and " + MAX_SHARE + " %, got " + percent);
        }
        return counts.distinct() < 2 ? Optional.empty() : Optional.of(counts.zipfFit(percent / 100.0));
    }

    /** @return (rank, frequency) at most {@code maxPoints} log-spaced ranks, first and last included */
    static List<Point> frequencies(NGramCounts counts, int maxPoints) {
        List<RankFrequency> ranked = counts.rankFrequencies(maxPoints);
        List<Point> points = new ArrayList<>(ranked.size());
        for (RankFrequency rf : ranked) {
            points.add(new Point(rf.rank(), rf.frequency()));
        }
        return points;
    }

    /**
     * The fitted line over the ranks the fit used: a straight line in log-log axes, so its two ends
     * (rank 1 and the last fitted rank) draw it exactly.
     */
    static List<Point> fitLine(ZipfFit fit) {
        return List.of(new Point(1, fit.frequencyAt(1)), new Point(fit.ranks(), fit.frequencyAt(fit.ranks())));
    }
}
