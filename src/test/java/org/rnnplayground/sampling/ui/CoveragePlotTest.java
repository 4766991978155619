package org.rnnplayground.sampling.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnplayground.sampling.Coverage;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.sampling.Samplers;
import org.rnnplayground.ui.chart.Point;

class CoveragePlotTest {

    @Test
    void headDrawsEachOfTheFirstPositions() {
        int[] counts = {0, 1, 2, 3, 4, 5};
        assertEquals(List.of(new Point(0, 0), new Point(1, 1), new Point(2, 2)), CoveragePlot.head(counts, 3));
        assertEquals(200, CoveragePlot.headLength(10_000, 5));
        assertEquals(210, CoveragePlot.headLength(10_000, 35));
        assertEquals(CoveragePlot.MAX_POINTS, CoveragePlot.headLength(10_000, 1000));
        assertEquals(35, CoveragePlot.headLength(35, 5));
    }

    @Test
    void binsAverageTheirPositionsAndTheLastBinMayBeShorter() {
        int[] counts = {1, 3, 5, 7, 10};
        assertEquals(List.of(new Point(0, 2), new Point(2, 6), new Point(4, 10)), CoveragePlot.binned(counts, 2));
        assertEquals(1, CoveragePlot.binSize(600));
        assertEquals(2, CoveragePlot.binSize(601));
        assertEquals(285, CoveragePlot.binSize(170_580));
    }

    @Test
    void binnedPointsKeepTheTotalNumberOfUses() {
        Coverage c = Samplers.coverageStats(SamplerKind.SEQUENTIAL, 1000, 4, 7, 50, 3);
        int bin = 8; // divides 1000: every bin is full
        double total = CoveragePlot.binned(c.counts(), bin).stream()
                .mapToDouble(p -> p.y() * bin)
                .sum();
        assertEquals(java.util.Arrays.stream(c.inputTokensPerEpoch()).sum(), total, 1e-6);
    }
}
