package org.rnnplayground.text.ui;

import static org.rnnplayground.ui.Widgets.escapeHtml;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayDeque;
import java.util.Deque;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TokenPage;
import org.rnnplayground.text.TokenizerKind;
import org.rnnplayground.text.Vocabulary;

/**
 * A page of the text as coloured token spans (hover: token, index, frequency) and the same rows as
 * vocabulary indices. Pages hold a bounded number of lines, tokens and characters ({@link
 * TokenPage.Limits#DEFAULT}), so a text that is one giant line is cut into pages too, and one page
 * costs the same whatever the text. Lines carry the book's 0-based indices ({@code lines[i]}),
 * empty lines included.
 */
class TokenPanel extends Div {

    static final TokenPage.Limits LIMITS = TokenPage.Limits.DEFAULT;

    final Div spans = new Div();
    final Div indices = new Div();
    final Span range = new Span();
    final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());

    private ProcessedText text;
    private TokenPage page;
    /** Whether the text shown is only the opening of a text still being counted (no indices yet). */
    private boolean opening;
    /** Starts of the pages before the one shown, most recent last, for going back. */
    private final Deque<TokenPage.Position> earlier = new ArrayDeque<>();

    TokenPanel() {
        addClassName("card");
        setWidthFull();
        spans.setId("token-spans");
        spans.addClassName("token-spans");
        indices.setId("token-indices");
        indices.addClassName("token-indices");
        range.setId("token-range");
        range.addClassName("muted");
        previous.setId("lines-previous");
        next.setId("lines-next");
        previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        next.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        previous.setAriaLabel(getTranslation("text.tokens.previous"));
        next.setAriaLabel(getTranslation("text.tokens.next"));
        previous.addClickListener(e -> showPrevious());
        next.addClickListener(e -> showNext());
        HorizontalLayout pager = new HorizontalLayout(previous, range, next);
        pager.setAlignItems(FlexComponent.Alignment.CENTER);
        pager.setSpacing(false);

        HorizontalLayout heading = new HorizontalLayout(new H3(getTranslation("text.tokens.title")), pager);
        heading.setWidthFull();
        heading.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        Span indicesHeading = new Span(getTranslation("text.tokens.indices"));
        indicesHeading.addClassName("subheading");
        add(heading, spans, indicesHeading, indices);
    }

    void show(ProcessedText processed) {
        this.text = processed;
        this.opening = false;
        earlier.clear();
        showFrom(TokenPage.Position.START);
    }

    /**
     * Shows the first page of a text's opening ({@link org.rnnplayground.text.TextPipeline#opening})
     * while the whole text is counted: the tokens without indices or frequencies (the opening's are
     * not the text's), no paging, and a note that the counts follow.
     */
    void showOpening(ProcessedText openingText) {
        this.text = openingText;
        this.opening = true;
        earlier.clear();
        showFrom(TokenPage.Position.START);
    }

    /** Whether the page shown is the opening of a text still being counted. */
    boolean showsOpening() {
        return opening;
    }

    /** The page shown, or null when the text has no lines. */
    TokenPage page() {
        return page;
    }

    void showNext() {
        if (!opening && page != null && !page.end().isEnd(text)) {
            earlier.addLast(new TokenPage.Position(
                    page.firstLine(), page.rows().getFirst().from()));
            showFrom(page.end());
        }
    }

    void showPrevious() {
        if (!earlier.isEmpty()) {
            showFrom(earlier.removeLast());
        }
    }

    private void showFrom(TokenPage.Position start) {
        spans.removeAll();
        indices.removeAll();
        int numLines = text.lines().size();
        if (numLines == 0) {
            page = null;
            range.setText(getTranslation("text.tokens.none"));
            previous.setEnabled(false);
            next.setEnabled(false);
            return;
        }
        page = TokenPage.at(text, start, LIMITS);
        StringBuilder spanHtml = new StringBuilder("<div>");
        StringBuilder indexHtml = new StringBuilder("<div>");
        Vocabulary vocab = text.vocab();
        boolean words = text.options().tokenizer() != TokenizerKind.CHAR;
        int[] corpus = text.corpus();
        for (TokenPage.Row row : page.rows()) {
            String lineNo = lineLabel(row);
            spanHtml.append(lineNo).append("<span class=\"line-tokens\" dir=\"auto\">");
            indexHtml.append(lineNo).append(row.continued() ? "[…, " : "[");
            int first = text.lineStart(row.line());
            for (int t = row.from(); t < row.to(); t++) {
                int index = corpus[first + t];
                spanHtml.append(
                        opening
                                ? pendingSpan(text.tokenAt(first + t), words)
                                : span(text.tokenAt(first + t), index, vocab.frequencyAt(index), words));
                indexHtml.append(t > row.from() ? ", " : "").append(index);
            }
            spanHtml.append(row.continues() ? "<span class=\"cut\">…</span>" : "")
                    .append("</span></div>");
            indexHtml.append(row.continues() ? ", …]" : "]").append("</div>");
        }
        spans.add(new Html(spanHtml.append("</div>").toString()));
        if (opening) {
            // an Html as on every other page: the panel's children are always one Html each
            indices.add(new Html(
                    "<div class=\"muted\">" + escapeHtml(getTranslation("text.tokens.indicesCounting")) + "</div>"));
            range.setText(getTranslation("text.tokens.openingRange", page.firstLine(), page.lastLine()));
            previous.setEnabled(false);
            next.setEnabled(false);
            return;
        }
        indices.add(new Html(indexHtml.append("</div>").toString()));
        String lines = getTranslation("text.tokens.range", page.firstLine(), page.lastLine(), numLines);
        int firstToken =
                text.lineStart(page.firstLine()) + page.rows().getFirst().from();
        range.setText(
                page.numTokens() == 0
                        ? lines
                        : getTranslation(
                                "text.tokens.rangeWithTokens",
                                lines,
                                firstToken,
                                firstToken + page.numTokens() - 1,
                                text.corpusLength()));
        previous.setEnabled(!earlier.isEmpty());
        next.setEnabled(!page.end().isEnd(text));
    }

    /** Opens a row's {@code <div>} with the book's line index, marked when the row is a piece of a longer line. */
    private static String lineLabel(TokenPage.Row row) {
        String cls = row.continued() || row.continues() ? "line-no cut-line" : "line-no";
        String label = row.continued() ? row.line() + "…" : String.valueOf(row.line());
        return "<div class=\"token-line\" data-line=\"" + row.line() + "\"><span class=\"" + cls + "\">" + label
                + "</span>";
    }

    /** A token of a text still being counted: its own text, no index, no colour by index yet. */
    private String pendingSpan(String token, boolean words) {
        String cut = TokenDisplay.shorten(token, LIMITS.maxTokenChars());
        String label = token.equals(" ") ? getTranslation("text.vocab.space") : cut;
        String shown = token.equals(" ") ? "·" : cut;
        return "<span class=\"tok pending" + (words ? " word" : "") + "\" title=\""
                + escapeHtml(getTranslation("text.tokens.tooltipCounting", label)) + "\">" + escapeHtml(shown)
                + "</span>";
    }

    private String span(String token, int index, int frequency, boolean words) {
        String cut = TokenDisplay.shorten(token, LIMITS.maxTokenChars());
        String label = token.equals(" ") ? getTranslation("text.vocab.space") : cut;
        String tooltip = getTranslation("text.tokens.tooltip", label, index, frequency);
        String shown = token.equals(" ") ? "·" : cut;
        String cls = index == Vocabulary.UNK_INDEX ? "tok unk" : "tok";
        // Golden-angle hues keep neighbouring indices apart.
        int hue = Math.floorMod(index * 137, 360);
        return "<span class=\"" + cls + (words ? " word" : "") + "\" style=\"background:hsl(" + hue
                + ",70%,88%)\" title=\"" + escapeHtml(tooltip) + "\" data-index=\"" + index + "\">" + escapeHtml(shown)
                + "</span>";
    }
}
