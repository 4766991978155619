package org.rnnplayground.sampling.ui;

import java.util.ArrayList;
import java.util.List;
import org.rnnplayground.ui.chart.Point;

/**
 * Turns coverage counts (times each position was an input over many epochs) into chart points:
 * either every one of the first positions, where the random offset's effect shows, or the whole
 * corpus averaged in equal bins.
 */
final class CoveragePlot {

    /** How the coverage chart reads the counts. */
    enum View {
        /** Every position of the start of the corpus, one point each. */
        HEAD,
        /** The whole corpus, mean count per bin of consecutive positions. */
        BINNED
    }

    /** Fewest positions the head view draws. */
    static final int MIN_HEAD = 200;

    /** Most points one series may have. */
    static final int MAX_POINTS = 600;

    private CoveragePlot() {}

    /**
     * Positions the head view draws: {@code 6 * num_steps} (so several rows' worth of offsets show),
     * at least {@link #MIN_HEAD}, at most {@link #MAX_POINTS} and the corpus length.
     */
    static int headLength(int corpusLength, int numSteps) {
        long wanted = Math.max(MIN_HEAD, 6L * numSteps);
        return (int) Math.min(Math.min(wanted, MAX_POINTS), corpusLength);
    }

    /**
     * Size of the bins the binned view averages over: the smallest that gives at most {@link
     * #MAX_POINTS} bins.
     */
    static int binSize(int corpusLength) {
        return Math.max(1, (corpusLength + MAX_POINTS - 1) / MAX_POINTS);
    }

    /**
     * One point per position {@code p < length}: {@code (p, counts[p])}.
     *
     * @param counts [corpus_length]
     */
    static List<Point> head(int[] counts, int length) {
        List<Point> points = new ArrayList<>(length);
        for (int p = 0; p < length; p++) {
            points.add(new Point(p, counts[p]));
        }
        return points;
    }

    /**
     * One point per bin of {@code binSize} consecutive positions (the last may be shorter): x is
     * the bin's first position, y the mean count over the bin.
     *
     * @param counts [corpus_length]
     */
    static List<Point> binned(int[] counts, int binSize) {
        List<Point> points = new ArrayList<>(counts.length / binSize + 1);
        for (int from = 0; from < counts.length; from += binSize) {
            int to = Math.min(counts.length, from + binSize);
            long sum = 0;
            for (int p = from; p < to; p++) {
                sum += counts[p];
            }
            points.add(new Point(from, (double) sum / (to - from)));
        }
        return points;
    }
}
