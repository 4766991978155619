package org.rnnplayground.text.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.rnnplayground.corpus.CatalogEntry;
import org.rnnplayground.corpus.CorpusLoader;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.ui.Async;

/**
 * The text a user works with, and the options it is processed with: chosen on the Text page, read
 * by the Statistics, Minibatches, Shapes and Train pages. One per browser session, so every tab of
 * the user sees the same text. Access it from UI code only (under the session lock).
 */
@SpringComponent
@VaadinSessionScope
public class CurrentText {

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

    private Source source;
    private TextOptions options = TextOptions.bookChars();
    private TextAnalysis analysis;
    private CompletableFuture<Loaded> defaultLoad;

    public CurrentText(CorpusLoader corpusLoader, TextAnalyzer analyzer) {
        this.corpusLoader = corpusLoader;
        this.analyzer = analyzer;
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

    /**
     * Makes a processed text current. Call from UI code with the result of {@link #process}.
     */
    public void set(Source newSource, TextOptions newOptions, TextAnalysis newAnalysis) {
        this.source = newSource;
        this.options = newOptions;
        this.analysis = newAnalysis;
    }

    /** Processes a text in the background (cached across users); does not make it current. */
    public CompletableFuture<TextAnalysis> process(Source newSource, TextOptions newOptions) {
        return analyzer.analyze(newSource.name(), newSource.raw(), newOptions);
    }

    /**
     * The current text, or, when the user has not chosen one yet, the default corpus (The Time
     * Machine) with the book's options, loaded in the background. Completes on a background
     * thread: apply the result with {@code ui.access} and {@link #set}.
     */
    public CompletableFuture<Loaded> currentOrDefault() {
        if (analysis != null) {
            return CompletableFuture.completedFuture(new Loaded(source, options, analysis));
        }
        CatalogEntry entry = corpusLoader.store().catalog().defaultEntry();
        TextOptions bookOptions = TextOptions.bookChars();
        if (defaultLoad == null || defaultLoad.isCompletedExceptionally()) {
            defaultLoad = corpusLoader
                    .readAsync(entry)
                    .thenCompose(raw -> analyzer.analyze(entry.name(), raw, bookOptions)
                            .thenApply(a -> new Loaded(new Source(entry.name(), raw, entry.id()), bookOptions, a)));
        }
        return defaultLoad;
    }

    /**
     * A loaded text with its source and options.
     *
     * @param source where it came from
     * @param options how it was processed
     * @param analysis the result
     */
    public record Loaded(Source source, TextOptions options, TextAnalysis analysis) {}

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
        currentOrDefault()
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
            set(loaded.source(), loaded.options(), loaded.analysis());
        }
    }
}
