package org.rnnplayground.text.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.rnnplayground.corpus.CatalogEntry;
import org.rnnplayground.corpus.CorpusLoader;
import org.rnnplayground.corpus.CorpusUnavailableException;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.ui.Async;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text a user works with, and the options it is processed with: chosen on the Text page, read
 * by the Statistics, Minibatches, Shapes and Train pages. One per browser session, so every tab of
 * the user sees the same text. Access it from UI code only (under the session lock).
 */
@SpringComponent
@VaadinSessionScope
public class CurrentText {

    private static final Logger log = LoggerFactory.getLogger(CurrentText.class);

    /**
     * Where a text came from.
     *
     * @param name display name
     * @param raw the raw text (before cleaning)
     * @param catalogId the catalog entry's id, or null for an upload or a paste
     */
    public record Source(String name, String raw, String catalogId) {}

    private final CorpusLoader corpusLoader;
    private final TextAnalyzer analyzer;
    private final I18NProvider i18n;

    private Source source;
    private TextOptions options = TextOptions.bookChars();
    private TextAnalysis analysis;
    private List<Notice> notices = List.of();
    private CompletableFuture<Loaded> defaultLoad;

    public CurrentText(CorpusLoader corpusLoader, TextAnalyzer analyzer, I18NProvider i18n) {
        this.corpusLoader = corpusLoader;
        this.analyzer = analyzer;
        this.i18n = i18n;
    }

    public Optional<Source> source() {
        return Optional.ofNullable(source);
    }

    public TextOptions options() {
        return options;
    }

    /** The processed current text, once there is one. */
    public Optional<TextAnalysis> analysis() {
        return Optional.ofNullable(analysis);
    }

    /** What the pages say about the current text while it is current (empty when nothing). */
    public List<Notice> notices() {
        return notices;
    }

    /**
     * Makes a processed text current. Call from UI code with the result of {@link #process}.
     */
    public void set(Source newSource, TextOptions newOptions, TextAnalysis newAnalysis) {
        set(newSource, newOptions, newAnalysis, List.of());
    }

    /** Makes a processed text current, with what the pages are to say about it. */
    public void set(Source newSource, TextOptions newOptions, TextAnalysis newAnalysis, List<Notice> newNotices) {
        this.source = newSource;
        this.options = newOptions;
        this.analysis = newAnalysis;
        this.notices = List.copyOf(newNotices);
    }

    /** Processes a text in the background (cached across users); does not make it current. */
    public CompletableFuture<TextAnalysis> process(Source newSource, TextOptions newOptions) {
        return analyzer.analyze(newSource.name(), newSource.raw(), newOptions);
    }

    /**
     * The current text, or, when the user has not chosen one yet, the default corpus (The Time
     * Machine) with the book's options, loaded in the background; when the default cannot be had
     * (offline and not in the cache), the catalog's fallback sample, with notices that say why.
     * Completes on a background thread: apply the result with {@code ui.access} and {@link #set}.
     *
     * @param locale the language of the text's display name and of the notices' parameters
     */
    public CompletableFuture<Loaded> currentOrDefault(Locale locale) {
        if (analysis != null) {
            return CompletableFuture.completedFuture(new Loaded(source, options, analysis, notices));
        }
        if (defaultLoad == null || defaultLoad.isCompletedExceptionally()) {
            var store = corpusLoader.store();
            CatalogEntry entry = store.catalog().defaultEntry();
            defaultLoad = corpusLoader
                    .readAsync(entry)
                    .thenCompose(raw -> open(entry, raw, List.of(), locale))
                    .exceptionallyCompose(error -> {
                        if (!(Async.cause(error) instanceof CorpusUnavailableException e)) {
                            return CompletableFuture.failedFuture(Async.cause(error));
                        }
                        log.warn("Opening the fallback sample: {}", e.getMessage());
                        CatalogEntry sample = store.catalog().fallbackEntry();
                        List<Notice> why = List.of(
                                Notice.of(
                                        "corpus.error." + e.reason().name(),
                                        name(entry, locale),
                                        store.downloadUrl(entry),
                                        store.cacheDir().toString()),
                                Notice.of("corpus.fallback", name(sample, locale)));
                        return corpusLoader.readAsync(sample).thenCompose(raw -> open(sample, raw, why, locale));
                    });
        }
        return defaultLoad;
    }

    /** Processes a catalog text with the book's options (or Unicode cleaning, if it needs it). */
    private CompletableFuture<Loaded> open(CatalogEntry entry, String raw, List<Notice> why, Locale locale) {
        String name = name(entry, locale);
        CleaningAdvice.Choice choice = CleaningAdvice.advise(raw, TextOptions.bookChars(), false);
        List<Notice> all = new ArrayList<>(why);
        all.addAll(choice.notices());
        return analyzer.analyze(name, raw, choice.options())
                .thenApply(a -> new Loaded(new Source(name, raw, entry.id()), choice.options(), a, all));
    }

    private String name(CatalogEntry entry, Locale locale) {
        return CatalogNames.name(entry, key -> i18n.getTranslation(key, locale));
    }

    /**
     * A loaded text with its source and options.
     *
     * @param source where it came from
     * @param options how it was processed
     * @param analysis the result
     * @param notices what the pages say about it
     */
    public record Loaded(Source source, TextOptions options, TextAnalysis analysis, List<Notice> notices) {}

    /**
     * Shows the current text on a page: at once when there is one; otherwise runs {@code loading},
     * loads the default corpus in the background and then, under {@code ui}'s lock, makes it current
     * (unless the user chose a text meanwhile) and shows it, or reports why it could not be loaded.
     *
     * @param failed receives the cause (a {@code CorpusUnavailableException} or another error),
     *     unwrapped from the future's completion exception
     */
    public void whenReady(UI ui, Runnable loading, Consumer<TextAnalysis> show, Consumer<Throwable> failed) {
        if (analysis != null) {
            show.accept(analysis);
            return;
        }
        loading.run();
        currentOrDefault(ui.getLocale())
                .whenComplete((loaded, error) -> ui.access(() -> {
                    if (error != null) {
                        failed.accept(Async.cause(error));
                    } else {
                        adoptIfUnset(loaded);
                        analysis().ifPresent(show);
                    }
                }));
    }

    /** Applies a loaded default unless the user has chosen a text meanwhile. */
    public void adoptIfUnset(Loaded loaded) {
        if (analysis == null) {
            set(loaded.source(), loaded.options(), loaded.analysis(), loaded.notices());
        }
    }
}
