package org.rnnplayground.ui.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns our chart model into the plain maps that become Chart.js JSON. */
final class ChartJson {

    private ChartJson() {}

    static Map<String, Object> config(ChartConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", c.type().js());
        m.put("title", c.title());
        m.put("legend", c.legend());
        m.put("zoom", c.zoom());
        m.put("x", axis(c.x()));
        m.put("y", axis(c.y()));
        return m;
    }

    private static Map<String, Object> axis(Axis a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", a.title());
        m.put("type", a.scale().js());
        m.put("min", a.min());
        m.put("max", a.max());
        return m;
    }

    static List<Map<String, Object>> datasets(List<Series> series) {
        List<Map<String, Object>> out = new ArrayList<>(series.size());
        for (Series s : series) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", s.label());
            m.put("color", s.color());
            m.put("showLine", s.showLine());
            m.put("dashed", s.dashed());
            m.put("pointRadius", s.pointRadius());
            m.put("marker", s.marker());
            m.put("data", s.points());
            out.add(m);
        }
        return out;
    }
}
