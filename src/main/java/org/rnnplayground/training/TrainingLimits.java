package org.rnnplayground.training;

import java.time.Duration;

/**
 * Limits of the run queue and the lifetimes of runs; the admin page may change them while the
 * server runs. Every value has a range ({@link Field}); a value outside it is refused with an
 * {@link OutOfRange} that names the field.
 *
 * @param slots runs training at the same time, for all users together
 * @param maxQueuedPerUser runs one user may have waiting
 * @param maxRunningPerUser runs one user may have training at once
 * @param keepFinishedPerUser finished runs kept in memory per user (older ones are dropped)
 * @param maxQueuedTotal runs waiting for a slot, for all users together; a launch beyond is refused
 * @param maxRunsPerAddress runs waiting or training from one client network address (0: no limit);
 *     so that a private window, a new user to the server, does not bring fresh limits
 * @param maxRunTime wall time one run may train; it is stopped after, its metrics and model kept
 * @param awayAfter how long a user may be gone (no page open, no heartbeat) before their runs are
 *     stopped and their finished runs and models released
 * @param keepFinishedFor how long a finished run and its model are kept
 */
public record TrainingLimits(
        int slots,
        int maxQueuedPerUser,
        int maxRunningPerUser,
        int keepFinishedPerUser,
        int maxQueuedTotal,
        int maxRunsPerAddress,
        Duration maxRunTime,
        Duration awayAfter,
        Duration keepFinishedFor) {

    /** Most training slots: four per core (each slot is a thread training a model). */
    public static final int MAX_SLOTS = 4 * Runtime.getRuntime().availableProcessors();

    /** Defaults of the lifetimes and global limits when only the per-user limits are given. */
    public static final int DEFAULT_MAX_QUEUED_TOTAL = 100;

    public static final Duration DEFAULT_MAX_RUN_TIME = Duration.ofMinutes(60);
    public static final Duration DEFAULT_AWAY_AFTER = Duration.ofMinutes(30);
    public static final Duration DEFAULT_KEEP_FINISHED_FOR = Duration.ofHours(6);

    /** Each limit with its valid range; durations in whole minutes. */
    public enum Field {
        SLOTS(1, MAX_SLOTS),
        MAX_QUEUED_PER_USER(0, 100),
        MAX_RUNNING_PER_USER(1, MAX_SLOTS),
        KEEP_FINISHED_PER_USER(1, 1000),
        MAX_QUEUED_TOTAL(0, 10_000),
        MAX_RUNS_PER_ADDRESS(0, 1000),
        MAX_RUN_MINUTES(1, 7 * 24 * 60),
        AWAY_AFTER_MINUTES(10, 7 * 24 * 60),
        KEEP_FINISHED_MINUTES(1, 30 * 24 * 60);

        private final long min;
        private final long max;

        Field(long min, long max) {
            this.min = min;
            this.max = max;
        }

        public long min() {
            return min;
        }

        public long max() {
            return max;
        }

        void check(long value) {
            if (value < min || value > max) {
                throw new OutOfRange(this, value);
            }
        }

        void check(Duration value) {
            if (value == null) {
                throw new OutOfRange(this, 0);
            }
            if (value.compareTo(Duration.ofMinutes(min)) < 0 || value.compareTo(Duration.ofMinutes(max)) > 0) {
                throw new OutOfRange(this, value.toMinutes());
            }
        }
    }

    /** A limit outside its range: names the field, the range and the value. */
    public static final class OutOfRange extends IllegalArgumentException {

        private final transient Field field;
        private final long value;

        OutOfRange(Field field, long value) {
            super(field.name().toLowerCase(java.util.Locale.ROOT) + " must be between " + field.min() + " and "
                    + field.max() + ", got " + value);
            this.field = field;
            this.value = value;
        }

        public Field field() {
            return field;
        }

        public long value() {
            return value;
        }
    }

    public TrainingLimits {
        Field.SLOTS.check(slots);
        Field.MAX_QUEUED_PER_USER.check(maxQueuedPerUser);
        Field.MAX_RUNNING_PER_USER.check(maxRunningPerUser);
        Field.KEEP_FINISHED_PER_USER.check(keepFinishedPerUser);
        Field.MAX_QUEUED_TOTAL.check(maxQueuedTotal);
        Field.MAX_RUNS_PER_ADDRESS.check(maxRunsPerAddress);
        Field.MAX_RUN_MINUTES.check(maxRunTime);
        Field.AWAY_AFTER_MINUTES.check(awayAfter);
        Field.KEEP_FINISHED_MINUTES.check(keepFinishedFor);
    }

    /** The per-user limits, with the default global limits and lifetimes. */
    public TrainingLimits(int slots, int maxQueuedPerUser, int maxRunningPerUser, int keepFinishedPerUser) {
        this(
                slots,
                maxQueuedPerUser,
                maxRunningPerUser,
                keepFinishedPerUser,
                DEFAULT_MAX_QUEUED_TOTAL,
                0,
                DEFAULT_MAX_RUN_TIME,
                DEFAULT_AWAY_AFTER,
                DEFAULT_KEEP_FINISHED_FOR);
    }

    /** One slot per core, a few runs per user. */
    public static TrainingLimits forThisMachine() {
        return new TrainingLimits(Math.max(1, Runtime.getRuntime().availableProcessors()), 3, 1, 20);
    }

    /** These limits with other lifetimes. */
    public TrainingLimits withLifetimes(Duration newMaxRunTime, Duration newAwayAfter, Duration newKeepFinishedFor) {
        return new TrainingLimits(
                slots,
                maxQueuedPerUser,
                maxRunningPerUser,
                keepFinishedPerUser,
                maxQueuedTotal,
                maxRunsPerAddress,
                newMaxRunTime,
                newAwayAfter,
                newKeepFinishedFor);
    }

    /** These limits with other global caps. */
    public TrainingLimits withCaps(int newMaxQueuedTotal, int newMaxRunsPerAddress) {
        return new TrainingLimits(
                slots,
                maxQueuedPerUser,
                maxRunningPerUser,
                keepFinishedPerUser,
                newMaxQueuedTotal,
                newMaxRunsPerAddress,
                maxRunTime,
                awayAfter,
                keepFinishedFor);
    }
}
