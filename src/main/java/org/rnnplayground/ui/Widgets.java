package org.rnnplayground.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** Small pieces every page uses: a labelled figure, HTML escaping for rendered token strips. */
public final class Widgets {

    private Widgets() {}

    /** A figure with a small label above it (classes {@code stat}, {@code stat-label}, {@code stat-value}). */
    public static Div stat(String label, Span value) {
        Span l = new Span(label);
        l.addClassName("stat-label");
        value.addClassName("stat-value");
        Div box = new Div(l, value);
        box.addClassName("stat");
        return box;
    }

    /** Escapes text for inclusion in HTML content or a double-quoted attribute. */
    public static String escapeHtml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
