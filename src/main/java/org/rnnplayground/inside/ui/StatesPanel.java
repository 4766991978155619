package org.rnnplayground.inside.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Locale;
import org.rnnplayground.inside.DivergingScale;
import org.rnnplayground.inside.HiddenStates;
import org.rnnplayground.inside.InsideLimits;
import org.rnnplayground.inside.Passage;
import org.rnnplayground.inside.UnitFinder;
import org.rnnplayground.model.Channel;

/**
 * Hidden states over the passage: the text coloured by one unit ({@code unit-text}), the units ×
 * steps heatmap ({@code state-heatmap}, click a row to pick its unit), and "find units" for a span
 * selected in the text ({@code find-units}). For gated cells the memory cell and gates can be chosen.
 */
class StatesPanel extends Div {

    /** The selection in the coloured text, as "first,last" token steps, or "" (evaluated in the browser). */
    static final String SELECTION = "(function(){const s=window.getSelection();"
            + "if(!s||s.isCollapsed||s.rangeCount==0)return '';const r=s.getRangeAt(0);"
            + "const f=n=>{n=n&&n.nodeType==3?n.parentElement:n;return n&&n.closest?n.closest('[data-i]'):null};"
            + "const a=f(r.startContainer),b=f(r.endContainer);if(!a||!b)return '';"
            + "return a.dataset.i+','+b.dataset.i;})()";

    final Select<Channel> channel = new Select<>();
    final Paragraph unitLabel = new Paragraph();
    final TokenHtml unitText = new TokenHtml("unit-text");
    final Image heatmap = new Image();
    final Paragraph heatmapNote = new Paragraph();
    final Div findUnits = new Div();
    final Paragraph findHint = new Paragraph();
    final Div found = new Div();
    /** The buttons of the found units, made once so that a refresh does not pull one from under a click. */
    private final List<Button> foundButtons = new java.util.ArrayList<>();

    /** The unit a found-unit button showed when it was clicked (evaluated in the browser). */
    static final String UNIT_SHOWN = "element.getAttribute('data-unit')";

    private Passage passage;
    private HiddenStates states;
    private boolean spaced;
    private int unit;
    /** The selected span of steps, [from, to), or from = -1. */
    private int from = -1, to = -1;

    StatesPanel() {
        addClassName("card");
        setId("inside-states");
        channel.setId("inside-channel");
        channel.setLabel(getTranslation("inside.states.channel"));
        channel.setItemLabelGenerator(this::channelLabel);
        channel.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                clearSelection();
                draw();
            }
        });
        unitLabel.setId("inside-unit");
        unitText.getElement()
                .addEventListener(
                        "mouseup", e -> select(e.getEventData().get(SELECTION).asString()))
                .addEventData(SELECTION);
        heatmap.setId("state-heatmap");
        heatmap.getStyle()
                .set("display", "block")
                .set("width", "100%")
                .set("image-rendering", "pixelated")
                .set("cursor", "crosshair")
                .set("border", "1px solid var(--lumo-contrast-10pct)");
        heatmap.setAlt(getTranslation("inside.states.heatmap.alt"));
        heatmap.getElement()
                .addEventListener("click", e -> {
                    double y = e.getEventData().get("event.offsetY").asDouble();
                    double height = e.getEventData().get("element.clientHeight").asDouble();
                    pickRow(y, height);
                })
                .addEventData("event.offsetY")
                .addEventData("element.clientHeight");
        heatmapNote.addClassName("muted");
        findUnits.setId("find-units");
        findHint.addClassName("muted");
        findHint.setText(getTranslation("inside.find.hint"));
        found.setId("find-units-list");
        found.getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "flex-start");
        for (int k = 0; k < UnitFinder.MAX_LISTED; k++) {
            Button b = new Button();
            b.setId("find-unit-" + k);
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            // the unit the learner saw on the button, even if a refresh re-ranked the list meanwhile
            b.getElement()
                    .addEventListener(
                            "click",
                            e -> pickUnit(
                                    parseUnit(e.getEventData().get(UNIT_SHOWN).asString())))
                    .addEventData(UNIT_SHOWN);
            b.setVisible(false);
            foundButtons.add(b);
            found.add(b);
        }
        findUnits.add(new H3(getTranslation("inside.find.title")), findHint, found);
        Paragraph intro = new Paragraph(getTranslation("inside.states.intro"));
        intro.addClassName("muted");
        add(
                new H3(getTranslation("inside.states.title")),
                intro,
                channel,
                unitLabel,
                unitText,
                heatmapNote,
                heatmap,
                findUnits);
    }

    /** Shows new states; keeps the channel, unit and selection when they still exist. */
    void show(Passage newPassage, HiddenStates newStates, boolean wordsSpaced) {
        boolean samePassage = passage != null && java.util.Arrays.equals(passage.tokens(), newPassage.tokens());
        Channel before = channel.getValue();
        this.passage = newPassage;
        this.states = newStates;
        this.spaced = wordsSpaced;
        channel.setItems(newStates.list());
        Channel same = before == null
                ? null
                : newStates.list().stream()
                        .filter(c -> c.layer() == before.layer() && c.name().equals(before.name()))
                        .findFirst()
                        .orElse(null);
        channel.setValue(same != null ? same : newStates.list().getFirst());
        if (!samePassage) {
            clearSelection();
        }
        unit = Math.min(unit, channel.getValue().numHiddens() - 1);
        draw();
    }

    int unit() {
        return unit;
    }

    /** Picks a unit (from the heatmap, the list of found units, or a test). */
    void pickUnit(int newUnit) {
        if (states == null || newUnit < 0 || newUnit >= channel.getValue().numHiddens()) {
            return;
        }
        unit = newUnit;
        draw();
    }

    /** Selects steps [first, last] (inclusive) and ranks the units for that span. */
    void selectSpan(int first, int last) {
        if (states == null) {
            return;
        }
        int steps = channel.getValue().numSteps();
        int a = Math.max(0, Math.min(first, last)), b = Math.min(steps - 1, Math.max(first, last));
        if (a > b || b - a + 1 >= steps) {
            findHint.setText(getTranslation("inside.find.badSpan"));
            return;
        }
        from = a;
        to = b + 1;
        draw();
    }

    private void select(String span) {
        if (span == null || span.isEmpty()) {
            return;
        }
        String[] ends = span.split(",");
        try {
            selectSpan(Integer.parseInt(ends[0].trim()), Integer.parseInt(ends[1].trim()));
        } catch (RuntimeException e) {
            // not a span of ours: ignore
        }
    }

    private static int parseUnit(String shown) {
        try {
            return Integer.parseInt(shown);
        } catch (RuntimeException e) {
            return -1; // not a unit: ignored
        }
    }

    private void pickRow(double y, double height) {
        if (states == null || !(height > 0)) {
            return;
        }
        int units = shownUnits();
        pickUnit((int) Math.max(0, Math.min(units - 1, Math.floor(y / height * units))));
    }

    private void clearSelection() {
        from = -1;
        to = -1;
    }

    private int shownUnits() {
        return Math.min(InsideLimits.MAX_UNITS_SHOWN, channel.getValue().numHiddens());
    }

    private void draw() {
        Channel c = channel.getValue();
        if (c == null || passage == null) {
            return;
        }
        double[] values = HiddenStates.unit(c, unit);
        DivergingScale scale = DivergingScale.over(values);
        unitLabel.getElement().setAttribute("data-unit", String.valueOf(unit));
        unitLabel.setText(
                getTranslation("inside.states.unit", unit, c.numHiddens(), format(min(values)), format(max(values))));
        List<String> inputs = passage.shown().subList(0, c.numSteps());
        unitText.show(
                inputs,
                spaced,
                i -> new TokenHtml.Look(
                        scale.css(values[i]),
                        getTranslation("inside.states.tokenTitle", i + 1, format(values[i])),
                        i >= from && i < to));
        int units = shownUnits();
        heatmap.setSrc(HeatmapPng.dataUrl(c, units, unit < units ? unit : -1));
        heatmap.getStyle().set("height", Math.max(96, units * 3) + "px");
        heatmapNote.setText(
                units < c.numHiddens()
                        ? getTranslation("inside.states.heatmap.some", units, c.numHiddens())
                        : getTranslation("inside.states.heatmap.all", c.numHiddens()));
        drawFound(c);
    }

    private void drawFound(Channel c) {
        if (from < 0) {
            findHint.setText(getTranslation("inside.find.hint"));
            foundButtons.forEach(b -> b.setVisible(false));
            return;
        }
        findHint.setText(getTranslation(
                "inside.find.span",
                from + 1,
                to,
                String.join(spaced ? " " : "", passage.shown().subList(from, to))));
        List<UnitFinder.UnitScore> ranked = UnitFinder.rank(c, from, to, UnitFinder.MAX_LISTED);
        for (int k = 0; k < foundButtons.size(); k++) {
            Button b = foundButtons.get(k);
            b.setVisible(k < ranked.size());
            if (k >= ranked.size()) {
                continue;
            }
            UnitFinder.UnitScore s = ranked.get(k);
            b.setText(getTranslation(
                    "inside.find.row",
                    s.unit(),
                    format(s.separation()),
                    format(s.meanInside()),
                    format(s.meanOutside())));
            b.getElement().setAttribute("data-unit", String.valueOf(s.unit()));
            b.getStyle().set("font-weight", s.unit() == unit ? "700" : "400"); // the unit the text shows
        }
    }

    private String channelLabel(Channel c) {
        String name = getTranslation("inside.channel." + channelKey(c.name()));
        return states != null && states.numLayers() > 1
                ? getTranslation("inside.channel.layer", c.layer() + 1, name)
                : name;
    }

    /** Translation key of a channel name ({@code C~} and {@code H~} are candidates). */
    static String channelKey(String name) {
        return name.replace("~", "tilde");
    }

    private String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(0);
    }
}
