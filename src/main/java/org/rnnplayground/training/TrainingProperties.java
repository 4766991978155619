package org.rnnplayground.training;

import java.time.Duration;
import org.rnnplayground.model.SpareCores;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the run queue ({@code playground.training.*}); unset values fit the machine.
 * Values outside their range ({@link TrainingLimits.Field}) stop the server at start-up with a
 * message naming the value.
 *
 * @param slots runs training at the same time (default: one per core; at most four per core)
 * @param maxQueuedPerUser runs one user may have waiting (default 3)
 * @param maxRunningPerUser runs one user may train at once (default 1)
 * @param keepFinishedPerUser finished runs kept per user (default 20)
 * @param maxQueuedTotal runs waiting for a slot, all users together (default 100)
 * @param maxRunsPerAddress runs waiting or training from one client address (default 0: no limit;
 *     behind a proxy every user has the proxy's address unless forwarded headers are trusted)
 * @param maxRunTime wall time one run may train (default 60 minutes)
 * @param awayAfter a user gone this long has their runs stopped and released (default 30 minutes)
 * @param keepFinishedFor finished runs and their models are released after this (default 6 hours)
 * @param nativeThreads ND4J/OpenBLAS threads per operation (default 1: fastest for these small
 *     products, and leaves the other cores to other runs)
 * @param spareCores whether a run's steps may use a core no other run trains on (default true: a
 *     lone run on a 2-core machine uses both; see {@link SpareCores}); off when {@code nativeThreads}
 *     is above 1, whose BLAS threads would take that core
 */
@ConfigurationProperties("playground.training")
public record TrainingProperties(
        Integer slots,
        Integer maxQueuedPerUser,
        Integer maxRunningPerUser,
        Integer keepFinishedPerUser,
        Integer maxQueuedTotal,
        Integer maxRunsPerAddress,
        Duration maxRunTime,
        Duration awayAfter,
        Duration keepFinishedFor,
        Integer nativeThreads,
        Boolean spareCores) {

    public TrainingLimits limits() {
        TrainingLimits d = TrainingLimits.forThisMachine();
        return new TrainingLimits(
                slots != null ? slots : d.slots(),
                maxQueuedPerUser != null ? maxQueuedPerUser : d.maxQueuedPerUser(),
                maxRunningPerUser != null ? maxRunningPerUser : d.maxRunningPerUser(),
                keepFinishedPerUser != null ? keepFinishedPerUser : d.keepFinishedPerUser(),
                maxQueuedTotal != null ? maxQueuedTotal : d.maxQueuedTotal(),
                maxRunsPerAddress != null ? maxRunsPerAddress : d.maxRunsPerAddress(),
                maxRunTime != null ? maxRunTime : d.maxRunTime(),
                awayAfter != null ? awayAfter : d.awayAfter(),
                keepFinishedFor != null ? keepFinishedFor : d.keepFinishedFor());
    }

    /** The cores a run may borrow a second one from: the machine's, or none. */
    public SpareCores cores() {
        boolean lend = (spareCores == null || spareCores) && threads() == 1; // BLAS threads would take the core
        return lend ? SpareCores.machine() : SpareCores.NONE;
    }

    public int threads() {
        return nativeThreads != null && nativeThreads > 0 ? nativeThreads : 1;
    }
}
