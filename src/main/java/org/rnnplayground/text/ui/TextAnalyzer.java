package org.rnnplayground.text.ui;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.rnnplayground.corpus.CorpusStore;
import org.rnnplayground.text.NGramCounts;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Processes texts off the request thread and keeps the most recent results (per text content and
 * options), so a class loading the same text computes it once.
 */
@Service
public class TextAnalyzer implements DisposableBean {

    private record Key(String sha1, TextOptions options) {}

    private final int capacity;
    private final Map<Key, CompletableFuture<TextAnalysis>> cache;
    private final ExecutorService executor = Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("text-analysis-", 0).daemon().factory());

    public TextAnalyzer(TextProperties properties) {
        this.capacity = properties.cachedAnalyses();
        this.cache = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Processes the text with the options in the background, or returns the cached result. */
    public synchronized CompletableFuture<TextAnalysis> analyze(String name, String raw, TextOptions options) {
        Key key = new Key(CorpusStore.sha1(raw.getBytes(StandardCharsets.UTF_8)), options);
        CompletableFuture<TextAnalysis> cached = cache.get(key);
        if (cached != null && !cached.isCompletedExceptionally()) {
            return cached.thenApply(a -> a.name().equals(name) ? a : a.withName(name));
        }
        CompletableFuture<TextAnalysis> future = CompletableFuture.supplyAsync(
                () -> {
                    ProcessedText processed = TextPipeline.process(raw, options);
                    TextAnalysis analysis = new TextAnalysis(name, processed);
                    analysis.ngrams();
                    return analysis;
                },
                executor);
        cache.put(key, future);
        while (cache.size() > capacity) {
            cache.remove(cache.keySet().iterator().next());
        }
        return future;
    }

    /**
     * The n-gram counts of an analysis: at once when they are counted already, otherwise counted
     * in the background.
     */
    public CompletableFuture<List<NGramCounts>> ngrams(TextAnalysis analysis) {
        return analysis.ngramsReady()
                ? CompletableFuture.completedFuture(analysis.ngrams())
                : CompletableFuture.supplyAsync(analysis::ngrams, executor);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
