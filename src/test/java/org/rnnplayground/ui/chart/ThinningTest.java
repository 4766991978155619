package org.rnnplayground.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThinningTest {

    private static List<Point> points(int n) {
        List<Point> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            p.add(new Point(i, i * i));
        }
        return p;
    }

    @Test
    void keepsShortSeriesUntouched() {
        assertEquals(points(10), Thinning.thin(points(10), 16));
    }

    @Test
    void boundsLongSeriesAndKeepsFirstAndLast() {
        for (int n : new int[] {17, 100, 1001, 5000}) {
            List<Point> thinned = Thinning.thin(points(n), 64);
            assertTrue(thinned.size() <= 64, n + " -> " + thinned.size());
            assertTrue(thinned.size() > 16, "thinning halves, it does not collapse: " + thinned.size());
            assertEquals(0, thinned.getFirst().x());
            assertEquals(n - 1, thinned.getLast().x());
            for (int i = 1; i < thinned.size(); i++) {
                assertTrue(thinned.get(i).x() > thinned.get(i - 1).x(), "order kept");
            }
        }
    }

    @Test
    void chartKeepsAtMostMaxPointsWhileStreaming() {
        Chart chart = new Chart(ChartConfig.line("t", Axis.linear("x"), Axis.log("y")));
        chart.setMaxPoints(32);
        chart.setSeries(List.of(Series.line("s", "#000", List.of())));
        for (int i = 0; i < 500; i++) {
            chart.appendPoints(0, List.of(new Point(i, 1 + i)));
        }
        List<Point> kept = chart.getSeries().getFirst().points();
        assertTrue(kept.size() <= 32);
        assertEquals(499, kept.getLast().x());
    }
}
