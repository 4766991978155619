package org.rnnplayground.model.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The book's notation in HTML: {@code W_xh} becomes W<sub>xh</sub>, {@code H_{t-1}} becomes
 * H<sub>t-1</sub>. Built from text nodes and {@code sub} elements, never from markup.
 */
final class MathText {

    private static final Pattern SUBSCRIPT = Pattern.compile("([A-Za-z]\\u0303?)_(\\{([^}]*)\\}|[A-Za-z0-9]+)");

    private MathText() {}

    /** A span showing {@code text} with its subscripts set. */
    static Span of(String text) {
        Span span = new Span();
        span.addClassName("math");
        append(span.getElement(), text);
        return span;
    }

    static void append(Element parent, String text) {
        Matcher m = SUBSCRIPT.matcher(text);
        int last = 0;
        while (m.find()) {
            parent.appendChild(Element.createText(text.substring(last, m.start()) + m.group(1)));
            String sub = m.group(3) != null ? m.group(3) : m.group(2);
            parent.appendChild(new Element("sub").setText(sub.replace('-', '−')));
            last = m.end();
        }
        parent.appendChild(Element.createText(text.substring(last)));
    }
}
