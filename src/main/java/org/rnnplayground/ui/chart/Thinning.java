package org.rnnplayground.ui.chart;

import java.util.ArrayList;
import java.util.List;

/** Keeps a series bounded: halves it (every other point, first and last kept) until it fits. */
final class Thinning {

    private Thinning() {}

    static List<Point> thin(List<Point> points, int maxPoints) {
        List<Point> current = points;
        while (current.size() > maxPoints) {
            List<Point> half = new ArrayList<>(current.size() / 2 + 2);
            for (int i = 0; i < current.size(); i += 2) {
                half.add(current.get(i));
            }
            if ((current.size() - 1) % 2 != 0) {
                half.add(current.getLast());
            }
            current = half;
        }
        return current;
    }
}
