package org.rnnplayground.training;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the run queue ({@code playground.training.*}); unset values fit the machine.
 *
 * @param slots runs training at the same time (default: one per core)
 * @param maxQueuedPerUser runs one user may have waiting (default 3)
 * @param maxRunningPerUser runs one user may train at once (default 1)
 * @param keepFinishedPerUser finished runs kept per user (default 20)
 * @param nativeThreads ND4J/OpenBLAS threads per operation (default 1: fastest for these small
 *     products, and leaves the other cores to other runs)
 */
@ConfigurationProperties("playground.training")
public record TrainingProperties(
        Integer slots,
        Integer maxQueuedPerUser,
        Integer maxRunningPerUser,
        Integer keepFinishedPerUser,
        Integer nativeThreads) {

    public TrainingLimits limits() {
        TrainingLimits d = TrainingLimits.forThisMachine();
        return new TrainingLimits(
                slots != null ? slots : d.slots(),
                maxQueuedPerUser != null ? maxQueuedPerUser : d.maxQueuedPerUser(),
                maxRunningPerUser != null ? maxRunningPerUser : d.maxRunningPerUser(),
                keepFinishedPerUser != null ? keepFinishedPerUser : d.keepFinishedPerUser());
    }

    public int threads() {
        return nativeThreads != null && nativeThreads > 0 ? nativeThreads : 1;
    }
}
