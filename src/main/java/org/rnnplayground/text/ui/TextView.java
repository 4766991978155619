package org.rnnplayground.text.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.rnnplayground.corpus.CatalogEntry;
import org.rnnplayground.corpus.CorpusLoader;
import org.rnnplayground.corpus.CorpusUnavailableException;
import org.rnnplayground.text.CleaningMode;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TokenFrequency;
import org.rnnplayground.text.TokenizerKind;
import org.rnnplayground.ui.Async;
import org.rnnplayground.ui.WholeNumberField;
import org.rnnplayground.ui.Widgets;
import org.rnnplayground.ui.chart.Axis;
import org.rnnplayground.ui.chart.Chart;
import org.rnnplayground.ui.chart.ChartColors;
import org.rnnplayground.ui.chart.ChartConfig;
import org.rnnplayground.ui.chart.ChartType;
import org.rnnplayground.ui.chart.Point;
import org.rnnplayground.ui.chart.Series;
import org.rnnplayground.work.ServerBusyException;

/**
 * Book section 8.2 on the user's text: choose a text and how it is cleaned and tokenized; see the
 * tokens, their indices, the vocabulary and the most frequent tokens.
 */
@Route("text")
@AnonymousAllowed
@RouteAlias("")
public class TextView extends VerticalLayout implements HasDynamicTitle {

    static final int CHART_TOKENS = 40;

    /** Largest min_freq the form takes. */
    static final int MAX_MIN_FREQ = 1_000_000;

    private final CurrentText current;
    private final CorpusLoader loader;

    final SourcePanel sources;
    final Select<CleaningMode> cleaning = new Select<>();
    final Checkbox lowerCase = new Checkbox();
    final Select<TokenizerKind> tokenizer = new Select<>();
    final WholeNumberField bpeMerges = new WholeNumberField("bpe-merges", getTranslation("text.options.bpeMerges"));
    final WholeNumberField minFreq = new WholeNumberField("min-freq", getTranslation("text.options.minFreq"));
    final Span currentName = new Span();
    final Span corpusLength = new Span();
    final Span vocabSize = new Span();
    final Span unkShare = new Span();
    final Paragraph message = new Paragraph();
    final NoticeBar notices = new NoticeBar(this::useUnicode);
    final ProgressBar progress = new ProgressBar();
    final TokenPanel tokens = new TokenPanel();
    final VocabularyPanel vocabulary = new VocabularyPanel();
    final Chart tokenChart;

    private final TextAnalyzer analyzer;

    /** The analysis this page waits for, or null: cancelled when a newer text or newer options come. */
    private CompletableFuture<TextAnalysis> pending;

    private boolean updatingFields;
    /** Whether the user chose book cleaning for the current text (then it is kept, with a notice). */
    private boolean bookChosen;

    public TextView(CurrentText current, TextAnalyzer analyzer, CorpusLoader loader, TextProperties properties) {
        this.current = current;
        this.analyzer = analyzer;
        this.loader = loader;
        setId("page-text");
        addClassName("page");

        H2 title = new H2(getTranslation("text.title"));
        title.setId("page-title");
        Paragraph intro = new Paragraph(getTranslation("text.intro"));
        intro.addClassName("muted");

        sources = new SourcePanel(
                loader.store(),
                properties.maxUploadBytes(),
                VaadinService.getCurrent().getDeploymentConfiguration().getMaxRequestBodySize(),
                this::loadCatalogEntry,
                this::useText,
                this::showRejection);
        message.setId("text-message");
        progress.setId("text-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);

        tokenChart = new Chart(new ChartConfig(
                ChartType.BAR,
                getTranslation("text.chart.title"),
                Axis.category(getTranslation("text.chart.axisToken")),
                Axis.linear(getTranslation("text.chart.axisCount")),
                false,
                false));
        tokenChart.setId("token-chart");
        tokenChart.setHeight("280px");

        Div chartCard = new Div(new H3(getTranslation("text.chart.card")), tokenChart);
        chartCard.addClassName("card");
        chartCard.setWidthFull();
        FlexLayout lower = new FlexLayout(vocabulary, chartCard);
        lower.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        lower.setWidthFull();
        lower.getStyle().set("gap", "var(--lumo-space-m)");
        vocabulary.getStyle().set("flex", "1 1 20rem");
        chartCard.getStyle().set("flex", "2 1 30rem");

        add(title, intro, sources, optionsBar(), message, notices, progress, summary(), tokens, lower);
    }

    private Component optionsBar() {
        cleaning.setId("cleaning");
        cleaning.setLabel(getTranslation("text.options.cleaning"));
        cleaning.setItems(CleaningMode.values());
        cleaning.setItemLabelGenerator(m -> getTranslation("text.options.cleaning." + m.name()));
        cleaning.setHelperText(getTranslation("text.options.cleaning.help"));
        lowerCase.setId("lower-case");
        lowerCase.setLabel(getTranslation("text.options.lowerCase"));
        tokenizer.setId("tokenizer");
        tokenizer.setLabel(getTranslation("text.options.tokenizer"));
        tokenizer.setItems(TokenizerKind.values());
        tokenizer.setItemLabelGenerator(k -> getTranslation("text.options.tokenizer." + k.name()));
        minFreq.setHelperText(getTranslation("text.options.minFreq.help"));
        showOptions(current.options());

        cleaning.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                bookChosen = e.getValue() == CleaningMode.BOOK;
            }
            optionsChanged();
        });
        lowerCase.addValueChangeListener(e -> optionsChanged());
        tokenizer.addValueChangeListener(e -> optionsChanged());
        bpeMerges.addValueChangeListener(e -> optionsChanged());
        minFreq.addValueChangeListener(e -> optionsChanged());

        HorizontalLayout bar = new HorizontalLayout(cleaning, lowerCase, tokenizer, bpeMerges, minFreq);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        bar.addClassName("options-bar");
        return bar;
    }

    private Component summary() {
        currentName.setId("current-text-name");
        corpusLength.setId("corpus-length");
        vocabSize.setId("vocab-size");
        unkShare.setId("unk-share");
        HorizontalLayout stats = new HorizontalLayout(
                Widgets.stat(getTranslation("text.summary.text"), currentName),
                Widgets.stat(getTranslation("text.summary.corpusLength"), corpusLength),
                Widgets.stat(getTranslation("text.summary.vocabSize"), vocabSize),
                Widgets.stat(getTranslation("text.summary.unkShare"), unkShare));
        stats.addClassName("stats");
        stats.getStyle().set("flex-wrap", "wrap");
        return stats;
    }

    private void showOptions(TextOptions o) {
        updatingFields = true;
        cleaning.setValue(o.cleaning());
        lowerCase.setValue(o.lowerCase());
        lowerCase.setEnabled(o.cleaning() == CleaningMode.UNICODE);
        tokenizer.setValue(o.tokenizer());
        bpeMerges.setNumber(o.bpeMerges() > 0 ? o.bpeMerges() : 200);
        bpeMerges.setVisible(o.tokenizer() == TokenizerKind.BPE);
        minFreq.setNumber(o.minFreq());
        updatingFields = false;
    }

    /** The options in the form, or null (with the fields marked) when a value is invalid. */
    TextOptions optionsFromFields() {
        boolean bpe = tokenizer.getValue() == TokenizerKind.BPE;
        bpeMerges.setVisible(bpe);
        boolean unicode = cleaning.getValue() == CleaningMode.UNICODE;
        lowerCase.setEnabled(unicode);
        boolean mergesOk = true;
        if (bpe) {
            mergesOk = bpeMerges.check(
                    v -> v >= 1 && v <= TextOptions.MAX_BPE_MERGES,
                    getTranslation("text.options.bpeMerges.invalid", TextOptions.MAX_BPE_MERGES));
        } else {
            bpeMerges.clearMark();
        }
        boolean freqOk = minFreq.check(
                v -> v >= 0 && v <= MAX_MIN_FREQ, getTranslation("text.options.minFreq.invalid", MAX_MIN_FREQ));
        if (!mergesOk || !freqOk) {
            return null;
        }
        return new TextOptions(
                cleaning.getValue(),
                !unicode || lowerCase.getValue(),
                tokenizer.getValue(),
                bpe ? bpeMerges.number().orElseThrow() : 0,
                minFreq.number().orElseThrow());
    }

    private void optionsChanged() {
        if (updatingFields) {
            return;
        }
        TextOptions options = optionsFromFields();
        if (options != null) {
            current.source()
                    .ifPresent(
                            source -> process(source, options, CleaningAdvice.stillTrue(current.notices(), options)));
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        current.whenReady(
                ui,
                () -> busy(getTranslation(
                        "text.loading", name(loader.store().catalog().defaultEntry()))),
                this::show,
                error -> showLoadError(loader.store().catalog().defaultEntry(), error));
    }

    /** The entry's name in the page's language. */
    private String name(CatalogEntry entry) {
        return CatalogNames.name(entry, this::getTranslation);
    }

    private void loadCatalogEntry(CatalogEntry entry) {
        UI ui = UI.getCurrent();
        String name = name(entry);
        busy(getTranslation("text.loading", name));
        loader.readAsync(entry)
                .whenComplete((raw, error) -> ui.access(() -> {
                    if (error != null) {
                        showLoadError(entry, error);
                    } else {
                        bookChosen = false;
                        process(new CurrentText.Source(name, raw, entry.id()), currentOptionsOrDefault());
                    }
                }));
    }

    private void useText(String name, String raw) {
        bookChosen = false;
        process(new CurrentText.Source(name, raw, null), currentOptionsOrDefault());
    }

    private TextOptions currentOptionsOrDefault() {
        TextOptions fromFields = optionsFromFields();
        return fromFields != null ? fromFields : current.options();
    }

    /** Re-processes the current text with Unicode cleaning (the notice's button). */
    private void useUnicode() {
        bookChosen = false;
        cleaning.setValue(CleaningMode.UNICODE);
    }

    /**
     * Processes a text in the background and makes it current; book cleaning that would remove
     * most of the text gives way to Unicode cleaning unless the user chose it ({@link CleaningAdvice}).
     */
    private void process(CurrentText.Source source, TextOptions requested) {
        process(source, requested, List.of());
    }

    /** @param kept notices about this text that still hold (when it is processed again with other options) */
    private void process(CurrentText.Source source, TextOptions requested, List<Notice> kept) {
        UI ui = UI.getCurrent();
        CleaningAdvice.Choice choice = CleaningAdvice.advise(source.raw(), requested, bookChosen);
        TextOptions options = choice.options();
        List<Notice> notices = new ArrayList<>(kept);
        choice.notices().stream().filter(n -> !notices.contains(n)).forEach(notices::add);
        if (pending != null) {
            pending.cancel(false); // a newer text or newer options: the older result is not wanted
        }
        CompletableFuture<TextAnalysis> analysis = current.process(source, options);
        pending = analysis;
        if (!analysis.isDone() && source.raw().length() > TextAnalyzer.OPENING_CHARS) {
            // a long text: its first tokens at once, the counts when they are there
            showOpening(source.name(), analyzer.opening(source.raw(), options), options);
        } else if (!analysis.isDone()) {
            busy(getTranslation("text.processing", source.name()));
        }
        analysis.whenComplete((result, error) -> ui.access(() -> {
            if (pending != analysis) {
                return; // superseded: a newer text or newer options are being processed
            }
            pending = null;
            if (error == null) {
                current.set(source, options, result, notices);
                show(result);
                return;
            }
            // the opening shown belongs to the text that failed: back to the current text
            current.analysis().ifPresent(this::show);
            if (ServerBusyException.isBusy(error)) {
                showRejection(getTranslation("shell.busy"));
            } else {
                Throwable cause = Async.cause(error);
                showRejection(getTranslation("text.processFailed", source.name(), String.valueOf(cause.getMessage())));
            }
        }));
    }

    /**
     * Shows the opening of a text at once, while the whole text is counted in the background: its
     * name and first tokens, and "counting…" where the counts, the vocabulary and the chart will be.
     */
    private void showOpening(String name, ProcessedText opening, TextOptions options) {
        busy(getTranslation(options.tokenizer() == TokenizerKind.BPE ? "text.countingBpe" : "text.counting", name));
        showOptions(options);
        currentName.setText(name);
        String counting = getTranslation("text.summary.counting");
        corpusLength.setText(counting);
        vocabSize.setText(counting);
        unkShare.setText(counting);
        tokens.showOpening(opening);
        vocabulary.showCounting();
        tokenChart.setSeries(List.of());
    }

    private void busy(String text) {
        message.setText(text);
        message.removeClassName("message-error");
        progress.setVisible(true);
    }

    private void showRejection(String text) {
        progress.setVisible(false);
        message.setText(text);
        message.addClassName("message-error");
        current.source().ifPresent(s -> sources.showSelected(s.catalogId()));
    }

    private void showLoadError(CatalogEntry entry, Throwable error) {
        Throwable cause = Async.cause(error);
        showRejection(
                ServerBusyException.isBusy(cause)
                        ? getTranslation("shell.busy")
                        : cause instanceof CorpusUnavailableException e
                                ? getTranslation(
                                        "corpus.error." + e.reason().name(),
                                        name(entry),
                                        loader.store().downloadUrl(entry),
                                        loader.store().cacheDir())
                                : getTranslation("corpus.error.unexpected", name(entry)));
    }

    private void show(TextAnalysis analysis) {
        progress.setVisible(false);
        message.setText("");
        message.removeClassName("message-error");
        notices.show(current);
        var text = analysis.text();
        showOptions(text.options());
        current.source().ifPresent(s -> sources.showSelected(s.catalogId()));
        sources.refreshAvailability();
        currentName.setText(analysis.name());
        corpusLength.setText(String.format(getLocale(), "%,d", text.corpusLength()));
        vocabSize.setText(String.format(getLocale(), "%,d", text.vocabSize()));
        unkShare.setText(String.format(getLocale(), "%.2f %%", 100 * text.unknownShare()));
        tokens.show(text);
        vocabulary.show(text.vocab());
        List<Point> points = new ArrayList<>();
        List<TokenFrequency> top = text.vocab().tokenFreqs();
        for (int i = 0; i < Math.min(CHART_TOKENS, top.size()); i++) {
            String token = TokenDisplay.shorten(top.get(i).token(), TokenPanel.LIMITS.maxTokenChars());
            points.add(new Point(i, top.get(i).count(), TokenDisplay.visible(token)));
        }
        tokenChart.setSeries(List.of(
                new Series(getTranslation("text.chart.series"), ChartColors.color(0), points, false, false, 0)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.nav.text") + " · RNN Playground";
    }
}
