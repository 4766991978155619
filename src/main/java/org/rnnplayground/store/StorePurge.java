package org.rnnplayground.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the retention no longer covers: learners unseen for longer (with their runs and
 * everything of those), then texts that no learner lists and no run trains on.
 */
public class StorePurge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorePurge.class);

    private final LearnerStore learners;
    private final TextStore texts;
    private final Duration retention;
    private final Clock clock;

    private ScheduledExecutorService scheduler;

    StorePurge(LearnerStore learners, TextStore texts, Duration retention, Clock clock) {
        this.learners = learners;
        this.texts = texts;
        this.retention = retention;
        this.clock = clock;
    }

    /** Purges after {@code initialDelay}, then {@code every} after each purge ends, on a daemon thread. */
    synchronized void schedule(Duration initialDelay, Duration every) {
        if (scheduler != null) {
            throw new IllegalStateException("the purge is scheduled already");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("store-purge").daemon().factory());
        scheduler.scheduleWithFixedDelay(
                this::purgeLogged, initialDelay.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule (a purge under way is interrupted; its deletes are each atomic). */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** What one purge deleted. */
    public record Result(int learners, int texts) {}

    /** {@link #purge} for the schedule: a failure is logged, and the next purge tries again. */
    void purgeLogged() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("The purge of the store failed; it runs again in its next period", e);
        }
    }

    /** Deletes now; scheduled every {@code playground.store.purge-every} by {@link StoreConfiguration}. */
    public Result purge() {
        Instant cutoff = clock.instant().minus(retention);
        int gone = learners.purgeUnseenSince(cutoff);
        int unreferenced = texts.purgeUnreferenced(cutoff);
        if (gone > 0 || unreferenced > 0) {
            LOG.info("Purged {} learner(s) unseen since {} and {} text(s) no longer used", gone, cutoff, unreferenced);
        }
        return new Result(gone, unreferenced);
    }
}
