package org.rnnplayground.text.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.rnnplayground.text.NGramCounts;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;
import org.rnnplayground.text.TextRef;
import org.rnnplayground.work.BoundedExecutors;
import org.rnnplayground.work.BoundedPool;
import org.rnnplayground.work.WorkKind;
import org.springframework.stereotype.Service;

/**
 * Processes texts off the request thread and keeps the most recent results (per text content and
 * options), so a class loading the same text computes it once. Each caller gets a future of its
 * own: cancelling it says the caller no longer wants the result (a newer text came); once every
 * caller of a text has cancelled, its processing stops (at once when it has not started, else at
 * the end of the stage it is in) and its n-grams are not counted.
 */
@Service
public class TextAnalyzer {

    /**
     * How much of a raw text {@link #opening} reads: enough for the Text page's first page of tokens
     * ({@link TokenPanel#LIMITS}) on any ordinary text, and a few milliseconds of work at most.
     */
    static final int OPENING_CHARS = 64 * 1024;

    /** One text being processed, or processed, with the callers still waiting for it. */
    private static final class Entry {
        CompletableFuture<TextAnalysis> result;
        int waiting;
        boolean abandoned;
    }

    private final int capacity;
    private final Map<TextRef, Entry> cache;
    private final BoundedPool executor;

    public TextAnalyzer(TextProperties properties, BoundedExecutors executors) {
        this.capacity = properties.cachedAnalyses();
        this.cache = new LinkedHashMap<>(16, 0.75f, true);
        this.executor = executors.pool(WorkKind.TEXT_ANALYSIS);
    }

    /**
     * Processes the text with the options in the background, or returns the cached result.
     *
     * @return a future of this caller's own; cancel it when the result is no longer wanted
     */
    public CompletableFuture<TextAnalysis> analyze(String name, String raw, TextOptions options) {
        // hashing a 20 MB text takes tens of milliseconds: outside the lock all users share
        TextRef key = TextRef.of(raw, options);
        Entry entry;
        synchronized (this) {
            entry = cache.get(key);
            if (entry == null || entry.result.isCompletedExceptionally()) {
                entry = start(key, name, raw);
            }
            entry.waiting++;
        }
        CompletableFuture<TextAnalysis> mine =
                entry.result.thenApply(a -> a.name().equals(name) ? a : a.withName(name));
        Entry e = entry;
        mine.whenComplete((a, error) -> {
            if (error instanceof CancellationException) {
                release(key, e);
            }
        });
        return mine;
    }

    private Entry start(TextRef key, String name, String raw) {
        Entry entry = new Entry();
        entry.result = executor.supply(() -> {
            ProcessedText processed = TextPipeline.process(raw, key.options(), () -> abandoned(entry));
            return new TextAnalysis(name, key, processed);
        });
        // the Text page shows the analysis at once; the n-grams (for the Statistics page) follow in
        // the background (a page that needs them first waits for them through ngrams(analysis))
        entry.result.thenAccept(analysis -> {
            if (!abandoned(entry)) {
                executor.supply(analysis::ngrams);
            }
        });
        cache.put(key, entry);
        while (cache.size() > capacity) {
            cache.remove(cache.keySet().iterator().next());
        }
        return entry;
    }

    /** Whether the cache holds this text with these options, processed or being processed (not given up). */
    boolean holds(String raw, TextOptions options) {
        TextRef key = TextRef.of(raw, options);
        synchronized (this) {
            Entry entry = cache.get(key);
            return entry != null && !entry.result.isCompletedExceptionally();
        }
    }

    private synchronized boolean abandoned(Entry entry) {
        return entry.abandoned;
    }

    /** One caller no longer waits; when it was the last, the processing stops. */
    private synchronized void release(TextRef key, Entry entry) {
        if (--entry.waiting > 0 || entry.result.isDone()) {
            return;
        }
        entry.abandoned = true;
        entry.result.cancel(false); // skipped if it has not started
        cache.remove(key, entry);
    }

    /**
     * The opening of a text processed with the options ({@link TextPipeline#opening}): bounded work,
     * cheap enough for the request thread, to show while {@link #analyze} counts the whole text.
     */
    public ProcessedText opening(String raw, TextOptions options) {
        return TextPipeline.opening(raw, options, OPENING_CHARS);
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
