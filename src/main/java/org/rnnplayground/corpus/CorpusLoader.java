package org.rnnplayground.corpus;

import java.util.concurrent.CompletableFuture;
import org.rnnplayground.work.BoundedExecutors;
import org.rnnplayground.work.BoundedPool;
import org.rnnplayground.work.WorkKind;
import org.springframework.stereotype.Service;

/**
 * Reads catalog texts off the request thread (a download can take seconds), so pages stay
 * responsive and receive the text by server push.
 */
@Service
public class CorpusLoader {

    private final CorpusStore store;
    private final BoundedPool executor;

    public CorpusLoader(CorpusStore store, BoundedExecutors executors) {
        this.store = store;
        this.executor = executors.pool(WorkKind.CORPUS_DOWNLOAD);
    }

    public CorpusStore store() {
        return store;
    }

    /**
     * Reads the entry in the background; completes exceptionally with {@link
     * CorpusUnavailableException}, or {@link org.rnnplayground.work.ServerBusyException} when the
     * pool is full.
     */
    public CompletableFuture<String> readAsync(CatalogEntry entry) {
        return executor.supply(() -> {
            try {
                return store.read(entry);
            } catch (CorpusUnavailableException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }
}
