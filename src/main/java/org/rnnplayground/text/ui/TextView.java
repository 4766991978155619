package org.rnnplayground.text.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.rnnplayground.corpus.CatalogEntry;
import org.rnnplayground.corpus.CorpusLoader;
import org.rnnplayground.corpus.CorpusUnavailableException;
import org.rnnplayground.ui.chart.Axis;
import org.rnnplayground.ui.chart.Chart;
import org.rnnplayground.ui.chart.ChartColors;
import org.rnnplayground.ui.chart.ChartConfig;
import org.rnnplayground.ui.chart.ChartType;
import org.rnnplayground.ui.chart.Point;
import org.rnnplayground.ui.chart.Series;

/** Book section 8.2: pick a text, read it, see its characters counted. */
@Route("text")
@RouteAlias("")
public class TextView extends VerticalLayout implements HasDynamicTitle {

    static final int PREVIEW_LINES = 12;

    private final CorpusLoader loader;

    final Grid<CatalogEntry> catalog = new Grid<>(CatalogEntry.class, false);
    final Span currentName = new Span();
    final Paragraph message = new Paragraph();
    final Pre preview = new Pre();
    final Chart charChart;

    private CatalogEntry current;

    public TextView(CorpusLoader loader) {
        this.loader = loader;
        setId("page-text");
        addClassName("page");

        H2 title = new H2(getTranslation("text.title"));
        title.setId("page-title");
        Paragraph intro = new Paragraph(getTranslation("text.intro"));
        intro.addClassName("muted");

        catalog.setId("catalog-grid");
        catalog.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        catalog.addColumn(CatalogEntry::name)
                .setHeader(getTranslation("text.catalog.name"))
                .setFlexGrow(3);
        catalog.addColumn(e -> e.language().equals("zh") ? "中文" : "English")
                .setHeader(getTranslation("text.catalog.language"))
                .setFlexGrow(1);
        catalog.addColumn(this::availability)
                .setHeader(getTranslation("text.catalog.source"))
                .setFlexGrow(2);
        catalog.setItems(loader.store().catalog().entries());
        catalog.setAllRowsVisible(true);
        catalog.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::load));

        currentName.setId("current-text-name");
        message.setId("text-message");
        preview.setId("text-preview");
        preview.addClassName("text-preview");

        charChart = new Chart(new ChartConfig(
                ChartType.BAR,
                getTranslation("text.chars.chartTitle"),
                Axis.category(getTranslation("text.chars.axisChar")),
                Axis.linear(getTranslation("text.chars.axisCount")),
                false,
                false));
        charChart.setId("char-chart");
        charChart.setHeight("300px");

        Div catalogCard = card(getTranslation("text.catalog.title"), catalog);
        Div textCard = card(getTranslation("text.preview.title"), currentName, message, preview);
        Div chartCard = card(getTranslation("text.chars.title"), charChart);
        FlexLayout row = new FlexLayout(catalogCard, textCard);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        row.setWidthFull();
        catalogCard.getStyle().set("flex", "1 1 22rem");
        textCard.getStyle().set("flex", "2 1 28rem");
        add(title, intro, row, chartCard);
    }

    private static Div card(String heading, com.vaadin.flow.component.Component... content) {
        Div card = new Div(new H3(heading));
        card.add(content);
        card.addClassName("card");
        card.setWidthFull();
        return card;
    }

    private String availability(CatalogEntry entry) {
        if (entry.kind() == CatalogEntry.Kind.SAMPLE) {
            return getTranslation("text.catalog.shipped");
        }
        return loader.store().isAvailableOffline(entry)
                ? getTranslation("text.catalog.cached")
                : getTranslation("text.catalog.onDemand");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (current == null) {
            catalog.select(loader.store().catalog().defaultEntry());
        }
    }

    private void load(CatalogEntry entry) {
        current = entry;
        currentName.setText(entry.name());
        message.setText(getTranslation("text.loading", entry.name()));
        message.removeClassName("message-error");
        UI ui = UI.getCurrent();
        loader.readAsync(entry)
                .whenComplete((text, error) -> ui.access(() -> {
                    if (current != entry) {
                        return;
                    }
                    if (error != null) {
                        showError(entry, error);
                    } else {
                        show(text);
                    }
                }));
    }

    private void show(String text) {
        message.setText("");
        preview.setText(String.join("\n", text.lines().limit(PREVIEW_LINES).toList()));
        List<Point> points = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Integer> e : characterCounts(text).entrySet()) {
            points.add(new Point(i++, e.getValue(), e.getKey().equals(" ") ? "␣" : e.getKey()));
        }
        charChart.setSeries(List.of(
                new Series(getTranslation("text.chars.series"), ChartColors.color(0), points, false, false, 0)));
        catalog.getDataProvider().refreshAll();
    }

    private void showError(CatalogEntry entry, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String reason = cause instanceof CorpusUnavailableException e
                ? getTranslation(
                        "corpus.error." + e.reason().name(),
                        entry.name(),
                        entry.url(),
                        loader.store().cacheDir())
                : getTranslation("corpus.error.unexpected", entry.name());
        message.setText(reason);
        message.addClassName("message-error");
        preview.setText("");
    }

    /** Characters of the text (letters only, lower case, as the book's cleaning), most frequent first. */
    static Map<String, Integer> characterCounts(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        text.toLowerCase()
                .codePoints()
                .filter(Character::isLetter)
                .forEach(c -> counts.merge(Character.toString(c), 1, Integer::sum));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(40)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.nav.text") + " · RNN Playground";
    }
}
