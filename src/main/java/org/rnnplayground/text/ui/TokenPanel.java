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
import java.util.ArrayList;
import java.util.List;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.Vocabulary;

/**
 * A page of the text as coloured token spans (hover: token, index, frequency) and the same lines
 * as vocabulary indices. Only one page of lines is rendered at a time, so long texts stay light.
 */
class TokenPanel extends Div {

    static final int LINES_PER_PAGE = 16;

    final Div spans = new Div();
    final Div indices = new Div();
    final Span range = new Span();
    final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());

    private ProcessedText text;
    private List<Integer> nonEmptyLines = List.of();
    private int first;

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
        previous.addClickListener(e -> showFrom(Math.max(0, first - LINES_PER_PAGE)));
        next.addClickListener(e -> showFrom(first + LINES_PER_PAGE));
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
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < processed.tokens().size(); i++) {
            if (!processed.tokens().get(i).isEmpty()) {
                lines.add(i);
            }
        }
        this.nonEmptyLines = lines;
        showFrom(0);
    }

    private void showFrom(int firstLine) {
        first = Math.min(firstLine, Math.max(0, nonEmptyLines.size() - 1));
        int last = Math.min(nonEmptyLines.size(), first + LINES_PER_PAGE);
        StringBuilder spanHtml = new StringBuilder("<div>");
        StringBuilder indexHtml = new StringBuilder("<div>");
        Vocabulary vocab = text.vocab();
        boolean words = text.options().tokenizer() != org.rnnplayground.text.TokenizerKind.CHAR;
        for (int k = first; k < last; k++) {
            int line = nonEmptyLines.get(k);
            List<String> tokens = text.tokens().get(line);
            int[] ids = text.lineIndices(line);
            spanHtml.append("<div class=\"token-line\"><span class=\"line-no\">")
                    .append(line)
                    .append("</span>");
            for (int t = 0; t < tokens.size(); t++) {
                spanHtml.append(span(tokens.get(t), ids[t], vocab.frequencyAt(ids[t]), words));
            }
            spanHtml.append("</div>");
            indexHtml
                    .append("<div class=\"token-line\"><span class=\"line-no\">")
                    .append(line)
                    .append("</span>")
                    .append(java.util.Arrays.toString(ids))
                    .append("</div>");
        }
        spans.removeAll();
        indices.removeAll();
        spans.add(new Html(spanHtml.append("</div>").toString()));
        indices.add(new Html(indexHtml.append("</div>").toString()));
        range.setText(
                nonEmptyLines.isEmpty()
                        ? getTranslation("text.tokens.none")
                        : getTranslation("text.tokens.range", first + 1, last, nonEmptyLines.size()));
        previous.setEnabled(first > 0);
        next.setEnabled(last < nonEmptyLines.size());
    }

    private String span(String token, int index, int frequency, boolean words) {
        String tooltip = getTranslation("text.tokens.tooltip", token, index, frequency);
        String shown = token.equals(" ") ? "·" : token;
        String cls = index == Vocabulary.UNK_INDEX ? "tok unk" : "tok";
        // Golden-angle hues keep neighbouring indices apart.
        int hue = Math.floorMod(index * 137, 360);
        return "<span class=\"" + cls + (words ? " word" : "") + "\" style=\"background:hsl(" + hue
                + ",70%,88%)\" title=\"" + escapeHtml(tooltip) + "\" data-index=\"" + index + "\">" + escapeHtml(shown)
                + "</span>";
    }
}
