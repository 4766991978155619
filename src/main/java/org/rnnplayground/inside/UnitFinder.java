package org.rnnplayground.inside;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rnnplayground.model.Channel;

/**
 * "Find units" (LSTMVis's hypothesis selection, Strobelt et al. 2018): given a span of a passage, the
 * units whose activation best separates the span from the rest of the passage.
 *
 * <p>A unit's separation is {@code (mean_in - mean_out) / (sd_in + sd_out + 1e-6)}: how far apart the
 * two groups of its values lie, in units of their spread; positive when the unit is higher inside the
 * span. Units are ranked by its absolute value.
 */
public final class UnitFinder {

    /** Units listed at most. */
    public static final int MAX_LISTED = 10;

    /**
     * One unit's separation.
     *
     * @param unit the unit's index, 0 to num_hiddens - 1
     * @param separation signed, see the class documentation
     * @param meanInside the unit's mean over the span
     * @param meanOutside its mean over the rest
     */
    public record UnitScore(int unit, double separation, double meanInside, double meanOutside) {}

    private UnitFinder() {}

    /**
     * Ranks the units of {@code channel} by how well they separate steps {@code [from, to)} from the
     * other steps.
     *
     * @param channel one row's values, [num_steps, 1, num_hiddens]
     * @param from first step of the span, from 0
     * @param to the step after the span; the span must leave at least one step outside
     * @return at most {@code min(limit, MAX_LISTED)} units, best first
     */
    public static List<UnitScore> rank(Channel channel, int from, int to, int limit) {
        int steps = channel.numSteps();
        if (from < 0 || to > steps || to - from < 1 || to - from >= steps) {
            throw new IllegalArgumentException("the span [" + from + ", " + to + ") must lie inside the " + steps
                    + " steps and leave some outside");
        }
        List<UnitScore> scores = new ArrayList<>(channel.numHiddens());
        for (int j = 0; j < channel.numHiddens(); j++) {
            scores.add(score(channel, j, from, to));
        }
        scores.sort(Comparator.comparingDouble((UnitScore s) -> -Math.abs(s.separation()))
                .thenComparingInt(UnitScore::unit));
        return List.copyOf(scores.subList(0, Math.min(Math.min(limit, MAX_LISTED), scores.size())));
    }

    private static UnitScore score(Channel c, int unit, int from, int to) {
        double sumIn = 0, sumOut = 0, sqIn = 0, sqOut = 0;
        int nIn = to - from, nOut = c.numSteps() - nIn;
        for (int t = 0; t < c.numSteps(); t++) {
            double v = c.value(t, 0, unit);
            if (t >= from && t < to) {
                sumIn += v;
                sqIn += v * v;
            } else {
                sumOut += v;
                sqOut += v * v;
            }
        }
        double meanIn = sumIn / nIn, meanOut = sumOut / nOut;
        double sdIn = Math.sqrt(Math.max(0, sqIn / nIn - meanIn * meanIn));
        double sdOut = Math.sqrt(Math.max(0, sqOut / nOut - meanOut * meanOut));
        return new UnitScore(unit, (meanIn - meanOut) / (sdIn + sdOut + 1e-6), meanIn, meanOut);
    }
}
