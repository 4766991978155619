package org.rnnplayground.training;

import java.time.Instant;
import java.util.List;
import org.rnnplayground.model.EpochReport;

/**
 * An immutable picture of a run at one moment, safe to hand to any thread.
 *
 * @param id the run's id
 * @param owner who launched it
 * @param spec what it trains
 * @param status where it is
 * @param epochs one report per finished epoch, in order
 * @param samples generated texts, oldest first
 * @param queuePosition 1-based place in the queue while queued, else 0
 * @param divergedAtEpoch the epoch where it diverged, else 0
 * @param message why it stopped, diverged or failed; empty otherwise
 * @param createdAt when it was launched
 * @param startedAt when it got a slot, or null
 * @param finishedAt when it ended, or null
 * @param stopReason why it was stopped, when its status is {@link RunStatus#STOPPED}; else null
 */
public record RunSnapshot(
        String id,
        UserId owner,
        RunSpec spec,
        RunStatus status,
        List<EpochReport> epochs,
        List<RunSample> samples,
        int queuePosition,
        int divergedAtEpoch,
        String message,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        StopReason stopReason) {

    public RunSnapshot {
        epochs = List.copyOf(epochs);
        samples = List.copyOf(samples);
    }

    /** The latest perplexity, or NaN before the first epoch. */
    public double perplexity() {
        return epochs.isEmpty() ? Double.NaN : epochs.getLast().perplexity();
    }

    /** Epochs done. */
    public int epochsDone() {
        return epochs.size();
    }

    /** Estimated seconds left from the mean epoch time so far, or -1 when unknown. */
    public double etaSeconds() {
        if (status != RunStatus.RUNNING || epochs.isEmpty()) {
            return -1;
        }
        double perEpoch = epochs.getLast().elapsed().toNanos() / 1e9 / epochs.size();
        return perEpoch * (spec.config().numEpochs() - epochs.size());
    }
}
