package org.rnnplayground.corpus;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Reads catalog texts off the request thread (a download can take seconds), so pages stay
 * responsive and receive the text by server push.
 */
@Service
public class CorpusLoader implements DisposableBean {

    private final CorpusStore store;
    private final ExecutorService executor = Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("corpus-io-", 0).daemon().factory());

    public CorpusLoader(CorpusStore store) {
        this.store = store;
    }

    public CorpusStore store() {
        return store;
    }

    /** Reads the entry in the background; completes exceptionally with {@link CorpusUnavailableException}. */
    public CompletableFuture<String> readAsync(CatalogEntry entry) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return store.read(entry);
                    } catch (CorpusUnavailableException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                },
                executor);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
