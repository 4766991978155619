package org.rnnplayground.inside.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A passage as coloured token spans ({@code data-i} = the token's step), written as one HTML string,
 * lighter than a component per token; token text is escaped (it is the learner's text). When the
 * tokens stay the same and only their colours change (a training run's next epoch), the spans are
 * kept and restyled in place, so that a selection being made in them survives.
 */
final class TokenHtml extends Div {

    /** Restyles the spans: $0 backgrounds, $1 titles, $2 marks ("1" or "0"), each joined by U+0001. */
    private static final String RESTYLE = "const b=$0.split('\\u0001'),t=$1.split('\\u0001'),m=$2.split('\\u0001');"
            + "this.querySelectorAll('span[data-i]').forEach((s,i)=>{s.style.background=b[i];s.title=t[i];"
            + "s.style.outline=m[i]==='1'?'2px solid #333':'';s.classList.toggle('marked',m[i]==='1');});";

    private final String id;
    private List<String> shownTokens;
    private boolean shownSpaced;

    TokenHtml(String id) {
        this.id = id;
        setId(id);
        getStyle()
                .set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("line-height", "1.9")
                .set("white-space", "pre-wrap")
                .set("word-break", "break-word")
                .set("max-height", "14rem")
                .set("overflow-y", "auto")
                .set("padding", "var(--lumo-space-xs)")
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
    }

    /** Shows the tokens; restyles the spans in place when the tokens are the ones shown. */
    void show(List<String> tokens, boolean spaced, IntFunction<Look> look) {
        if (tokens.equals(shownTokens) && spaced == shownSpaced) {
            StringBuilder backgrounds = new StringBuilder(), titles = new StringBuilder(), marks = new StringBuilder();
            for (int i = 0; i < tokens.size(); i++) {
                Look l = look.apply(i);
                String sep = i == 0 ? "" : "\u0001";
                backgrounds.append(sep).append(l.background());
                titles.append(sep).append(l.title() == null ? "" : l.title().replace('\u0001', ' '));
                marks.append(sep).append(l.marked() ? '1' : '0');
            }
            getElement().executeJs(RESTYLE, backgrounds.toString(), titles.toString(), marks.toString());
            return;
        }
        shownTokens = List.copyOf(tokens);
        shownSpaced = spaced;
        removeAll();
        add(new Html(of(id, tokens, spaced, look)));
    }

    /** What one token looks like. */
    record Look(String background, String title, boolean marked) {}

    /**
     * @param tokens the tokens shown, [n]
     * @param spaced words: a space between tokens
     * @param look the look of token {@code i}
     */
    static String of(String id, List<String> tokens, boolean spaced, IntFunction<Look> look) {
        StringBuilder html = new StringBuilder("<div id=\"").append(id).append("-tokens\" class=\"inside-tokens\">");
        for (int i = 0; i < tokens.size(); i++) {
            Look l = look.apply(i);
            html.append("<span data-i=\"").append(i).append('"');
            if (l.marked()) {
                html.append(" class=\"marked\"");
            }
            html.append(" style=\"padding:0 1px;border-radius:2px;background:").append(l.background());
            html.append(l.marked() ? ";outline:2px solid #333\"" : "\"");
            if (l.title() != null) {
                html.append(" title=\"").append(escape(l.title())).append('"');
            }
            html.append('>').append(escape(tokens.get(i))).append("</span>");
            if (spaced) {
                html.append(' ');
            }
        }
        return html.append("</div>").toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
