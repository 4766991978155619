package org.rnnplayground.training;

/**
 * Limits of the run queue; the admin page may change them while the server runs.
 *
 * @param slots runs training at the same time, for all users together
 * @param maxQueuedPerUser runs one user may have waiting
 * @param maxRunningPerUser runs one user may have training at once
 * @param keepFinishedPerUser finished runs kept in memory per user (older ones are dropped)
 */
public record TrainingLimits(int slots, int maxQueuedPerUser, int maxRunningPerUser, int keepFinishedPerUser) {

    public TrainingLimits {
        if (slots < 1 || maxQueuedPerUser < 0 || maxRunningPerUser < 1 || keepFinishedPerUser < 1) {
            throw new IllegalArgumentException("limits: slots, running and kept runs must be at least 1, queued at"
                    + " least 0; got slots=" + slots + ", queued=" + maxQueuedPerUser + ", running="
                    + maxRunningPerUser + ", kept=" + keepFinishedPerUser);
        }
    }

    /** One slot per core, a few runs per user. */
    public static TrainingLimits forThisMachine() {
        return new TrainingLimits(Math.max(1, Runtime.getRuntime().availableProcessors()), 3, 1, 20);
    }
}
