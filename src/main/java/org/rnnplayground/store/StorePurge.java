package org.rnnplayground.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the retention no longer covers: learners unseen for longer (with their runs and
 * everything of those), then texts that no learner lists and no run trains on.
 */
public class StorePurge {

    private static final Logger LOG = LoggerFactory.getLogger(StorePurge.class);

    private final LearnerStore learners;
    private final TextStore texts;
    private final Duration retention;
    private final Clock clock;

    StorePurge(LearnerStore learners, TextStore texts, Duration retention, Clock clock) {
        this.learners = learners;
        this.texts = texts;
        this.retention = retention;
        this.clock = clock;
    }

    /** What one purge deleted. */
    public record Result(int learners, int texts) {}

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
