package org.rnnplayground.text.ui;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.rnnplayground.corpus.CorpusStore;
import org.rnnplayground.text.NGramCounts;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;
import org.rnnplayground.work.BoundedExecutors;
import org.rnnplayground.work.BoundedPool;
import org.rnnplayground.work.WorkKind;
import org.springframework.stereotype.Service;

/**
 * Processes texts off the request thread and keeps the most recent results (per text content and
 * options), so a class loading the same text computes it once.
 */
@Service
public class TextAnalyzer {

    private record Key(String sha1, TextOptions options) {}

    private final int capacity;
    private final Map<Key, CompletableFuture<TextAnalysis>> cache;
    private final BoundedPool executor;

    public TextAnalyzer(TextProperties properties, BoundedExecutors executors) {
        this.capacity = properties.cachedAnalyses();
        this.cache = new LinkedHashMap<>(16, 0.75f, true);
        this.executor = executors.pool(WorkKind.TEXT_ANALYSIS);
    }

    /** Processes the text with the options in the background, or returns the cached result. */
    public synchronized CompletableFuture<TextAnalysis> analyze(String name, String raw, TextOptions options) {
        Key key = new Key(CorpusStore.sha1(raw.getBytes(StandardCharsets.UTF_8)), options);
        CompletableFuture<TextAnalysis> cached = cache.get(key);
        if (cached != null && !cached.isCompletedExceptionally()) {
            return cached.thenApply(a -> a.name().equals(name) ? a : a.withName(name));
        }
        CompletableFuture<TextAnalysis> future = executor.supply(() -> {
            ProcessedText processed = TextPipeline.process(raw, options);
            return new TextAnalysis(name, processed);
        });
        // the Text page shows the analysis at once; the n-grams (for the Statistics page) follow in
        // the background (a page that needs them first waits for them through ngrams(analysis))
        future.thenAccept(analysis -> executor.supply(analysis::ngrams));
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
                : executor.supply(analysis::ngrams);
    }
}
