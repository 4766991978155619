package org.rnnplayground.text.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.rnnplayground.corpus.CorpusLoader;
import org.rnnplayground.corpus.CorpusUnavailableException;
import org.rnnplayground.text.CleaningMode;
import org.rnnplayground.text.NGramCounts;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TokenizerKind;
import org.rnnplayground.text.ZipfFit;
import org.rnnplayground.ui.Async;
import org.rnnplayground.ui.WholeNumberField;
import org.rnnplayground.ui.chart.Axis;
import org.rnnplayground.ui.chart.Chart;
import org.rnnplayground.ui.chart.ChartColors;
import org.rnnplayground.ui.chart.ChartConfig;
import org.rnnplayground.ui.chart.ChartType;
import org.rnnplayground.ui.chart.Series;
import org.rnnplayground.work.ServerBusyException;

/**
 * Book section 8.3 on the user's text: unigram, bigram and trigram frequency against rank on one
 * log-log chart, Zipf's law fitted to each over a share of the ranks the user picks, and the most
 * frequent n-grams of each order.
 */
@Route("statistics")
@AnonymousAllowed
public class StatisticsView extends VerticalLayout implements HasDynamicTitle {

    static final int DEFAULT_SHARE = 100;
    static final int DEFAULT_TOP_N = 10;
    static final int MAX_TOP_N = 10_000;

    private static final String[] TOP_IDS = {"top-unigrams", "top-bigrams", "top-trigrams"};

    private final CurrentText current;
    private final TextAnalyzer analyzer;
    private final CorpusLoader loader;

    final Span textName = new Span();
    final Span textOptions = new Span();
    final Paragraph charHint = new Paragraph();
    final Paragraph message = new Paragraph();
    final NoticeBar notices = new NoticeBar();
    final ProgressBar progress = new ProgressBar();
    final WholeNumberField share = new WholeNumberField("zipf-share", getTranslation("statistics.share.label"));
    final WholeNumberField topN = new WholeNumberField("top-n", getTranslation("statistics.top.n"));
    final Chart chart;
    final ZipfTable table = new ZipfTable();
    final List<TopNGramsPanel> tops = new ArrayList<>();

    /** The n-grams shown, {@code [3]}, or null before the text is counted. */
    private List<NGramCounts> counts;

    private boolean characters;

    public StatisticsView(CurrentText current, TextAnalyzer analyzer, CorpusLoader loader) {
        this.current = current;
        this.analyzer = analyzer;
        this.loader = loader;
        setId("page-statistics");
        addClassName("page");

        H2 title = new H2(getTranslation("statistics.title"));
        title.setId("page-title");
        Paragraph intro = new Paragraph(getTranslation("statistics.intro"));
        intro.addClassName("muted");

        message.setId("stats-message");
        progress.setId("stats-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        message.setVisible(false);

        chart = new Chart(new ChartConfig(
                ChartType.SCATTER,
                getTranslation("statistics.chart.title"),
                Axis.log(getTranslation("statistics.chart.axisRank")),
                Axis.log(getTranslation("statistics.chart.axisFrequency")),
                true,
                false));
        chart.setId("zipf-chart");
        chart.setHeight("440px");

        add(title, intro, source(), notices, message, progress, zipfCard(), topCard());
    }

    private Component source() {
        Span label = new Span(getTranslation("statistics.source.label"));
        label.addClassName("stat-label");
        textName.setId("stats-text-name");
        textName.addClassName("stats-text-name");
        textOptions.setId("stats-text-options");
        textOptions.addClassName("muted");
        RouterLink change = new RouterLink(getTranslation("statistics.source.change"), TextView.class);
        change.setId("stats-change-text");
        HorizontalLayout line = new HorizontalLayout(label, textName, textOptions, change);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.addClassName("stats-source");
        charHint.setId("stats-char-hint");
        charHint.addClassName("muted");
        charHint.setText(getTranslation("statistics.source.charHint"));
        charHint.setVisible(false);
        Div box = new Div(line, charHint);
        box.setWidthFull();
        return box;
    }

    private Component zipfCard() {
        share.setHelperText(getTranslation("statistics.share.help"));
        share.setSuffixComponent(new Span("%"));
        share.setNumber(DEFAULT_SHARE);
        share.addValueChangeListener(e -> refit());

        Paragraph explain = new Paragraph(getTranslation("statistics.chart.explain"));
        explain.setId("zipf-explain");
        explain.addClassName("zipf-explain");

        H3 heading = new H3(getTranslation("statistics.chart.card"));
        FlexLayout fitRow = new FlexLayout(share, table);
        fitRow.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        fitRow.addClassName("zipf-fit-row");
        Div card = new Div(heading, explain, chart, fitRow);
        card.addClassName("card");
        card.addClassName("zipf-card");
        card.setWidthFull();
        return card;
    }

    private Component topCard() {
        topN.setNumber(DEFAULT_TOP_N);
        topN.addValueChangeListener(e -> showTop());

        FlexLayout panels = new FlexLayout();
        panels.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        panels.setWidthFull();
        panels.addClassName("top-panels");
        for (int n = 1; n <= TOP_IDS.length; n++) {
            TopNGramsPanel panel = new TopNGramsPanel(n, TOP_IDS[n - 1]);
            panel.getStyle().set("flex", (n == 3 ? "1.3" : "1") + " 1 16rem");
            tops.add(panel);
            panels.add(panel);
        }
        H3 heading = new H3(getTranslation("statistics.top.card"));
        Div card = new Div(heading, topN, panels);
        card.setWidthFull();
        card.addClassName("top-card");
        return card;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        current.whenReady(
                ui,
                () -> busy(getTranslation(
                        "statistics.loading",
                        CatalogNames.name(loader.store().catalog().defaultEntry(), this::getTranslation))),
                this::show,
                error -> showError(loadError(error)));
    }

    private String loadError(Throwable error) {
        Throwable cause = Async.cause(error);
        var entry = loader.store().catalog().defaultEntry();
        return cause instanceof CorpusUnavailableException e
                ? getTranslation(
                        "corpus.error." + e.reason().name(),
                        CatalogNames.name(entry, this::getTranslation),
                        loader.store().downloadUrl(entry),
                        loader.store().cacheDir())
                : getTranslation("corpus.error.unexpected", CatalogNames.name(entry, this::getTranslation));
    }

    /** Shows which text this is, then its n-grams, counted in the background if need be. */
    private void show(TextAnalysis analysis) {
        TextOptions options = analysis.text().options();
        notices.show(current);
        textName.setText(analysis.name());
        textOptions.setText(describe(options));
        characters = options.tokenizer() == TokenizerKind.CHAR;
        charHint.setVisible(characters);
        CompletableFuture<List<NGramCounts>> ngrams = analyzer.ngrams(analysis);
        if (ngrams.isDone() && !ngrams.isCompletedExceptionally()) {
            showCounts(ngrams.join());
            return;
        }
        UI ui = UI.getCurrent();
        busy(getTranslation("statistics.counting", analysis.name()));
        ngrams.whenComplete((result, error) -> ui.access(() -> {
            if (ServerBusyException.isBusy(error)) {
                showError(getTranslation("shell.busy"));
            } else if (error != null) {
                showError(getTranslation(
                        "statistics.countFailed",
                        analysis.name(),
                        String.valueOf(Async.cause(error).getMessage())));
            } else {
                showCounts(result);
            }
        }));
    }

    private String describe(TextOptions options) {
        String tokens =
                getTranslation("text.options.tokenizer." + options.tokenizer().name());
        if (options.tokenizer() == TokenizerKind.BPE) {
            tokens = getTranslation("statistics.source.bpe", tokens, options.bpeMerges());
        }
        String cleaning =
                getTranslation("text.options.cleaning." + options.cleaning().name());
        if (options.cleaning() == CleaningMode.UNICODE && options.lowerCase()) {
            cleaning = getTranslation("statistics.source.lowerCased", cleaning);
        }
        return getTranslation("statistics.source.options", tokens, cleaning);
    }

    private void showCounts(List<NGramCounts> ngrams) {
        progress.setVisible(false);
        message.setVisible(false);
        message.setText("");
        message.removeClassName("message-error");
        counts = ngrams;
        refit();
        showTop();
    }

    /** Fits each order over the chosen share of ranks and redraws the chart and the table. */
    void refit() {
        boolean valid = share.check(
                ZipfPlot::validShare,
                getTranslation("statistics.share.invalid", ZipfPlot.MIN_SHARE, ZipfPlot.MAX_SHARE));
        if (!valid || counts == null) {
            return;
        }
        int percent = share.number().orElseThrow();
        List<Series> series = new ArrayList<>();
        List<Optional<ZipfFit>> fits = new ArrayList<>();
        for (NGramCounts c : counts) {
            int n = c.order();
            String color = ChartColors.color(n - 1);
            // the data a little transparent, so the dashed fit over it stays visible
            series.add(Series.scatter(
                    getTranslation("statistics.chart.series." + n),
                    color + "99",
                    ZipfPlot.frequencies(c, ZipfPlot.MAX_POINTS)));
            Optional<ZipfFit> fit = ZipfPlot.fit(c, percent);
            fit.ifPresent(f -> series.add(
                    Series.dashed(getTranslation("statistics.chart.fit." + n, f.alpha()), color, ZipfPlot.fitLine(f))));
            fits.add(fit);
        }
        chart.setSeries(series);
        table.show(counts, fits);
    }

    /** Fills the top-n tables with the chosen number of rows. */
    void showTop() {
        boolean valid = topN.check(v -> v >= 1 && v <= MAX_TOP_N, getTranslation("statistics.top.invalid", MAX_TOP_N));
        if (!valid || counts == null) {
            return;
        }
        int n = topN.number().orElseThrow();
        for (int i = 0; i < tops.size(); i++) {
            tops.get(i).show(counts.get(i), n, characters);
        }
    }

    private void busy(String text) {
        message.setVisible(true);
        message.setText(text);
        message.removeClassName("message-error");
        progress.setVisible(true);
    }

    private void showError(String text) {
        progress.setVisible(false);
        message.setVisible(true);
        message.setText(text);
        message.addClassName("message-error");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.nav.statistics") + " · RNN Playground";
    }
}
