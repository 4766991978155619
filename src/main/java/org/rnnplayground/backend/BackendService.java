package org.rnnplayground.backend;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Loads ND4J once, in the background at start-up, so the first page does not wait for it. */
@Service
public class BackendService {

    private static final Logger LOG = LoggerFactory.getLogger(BackendService.class);

    private final CompletableFuture<BackendInfo> info;

    public BackendService() {
        var executor = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("nd4j-loader").daemon().factory());
        this.info = CompletableFuture.supplyAsync(this::load, executor);
        executor.shutdown();
    }

    private BackendInfo load() {
        try {
            BackendInfo detected = BackendInfo.detect();
            LOG.info("Loaded {}", detected.summary());
            return detected;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("ND4J could not be loaded", e);
            throw e;
        }
    }

    /** The backend, once loaded; empty while loading or if loading failed. */
    public Optional<BackendInfo> current() {
        return info.isDone() && !info.isCompletedExceptionally() ? Optional.of(info.join()) : Optional.empty();
    }

    /** Completes when ND4J is loaded (exceptionally if it cannot be). */
    public CompletableFuture<BackendInfo> loaded() {
        return info.copy();
    }
}
