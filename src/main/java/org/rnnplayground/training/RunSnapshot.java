package org.rnnplayground.training;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.Footprint;
import org.rnnplayground.model.TrainProgress;

/**
 * An immutable picture of a run at one moment, safe to hand to any thread.
 *
 * @param id the run's id, unique among all runs (a UUID)
 * @param number the owner's count of runs launched, this one included
 * @param owner who launched it
 * @param spec what it trains
 * @param status where it is
 * @param epochs one report per finished epoch, in order
 * @param progress progress inside epochs, in order (thinned on long runs); the last one may mark
 *     the overflow of a diverged run
 * @param samples generated texts, oldest first
 * @param queuePlace where it stands while queued, else {@link QueuePlace#NONE}
 * @param divergedAtEpoch the epoch where it diverged, else 0
 * @param message why it stopped, diverged or failed; empty otherwise
 * @param createdAt when it was launched
 * @param startedAt when it got a slot, or null
 * @param finishedAt when it ended, or null
 * @param footprint what its model costs, estimated when it was launched
 * @param stopReason why it was stopped, when its status is {@link RunStatus#STOPPED}; else null
 * @param modelReleased true when the run ended with a model that was then released to keep the
 *     memory of all kept models within the budget: it no longer generates
 * @param resumedFromEpoch the epochs it had done when it was resumed from a checkpoint after a
 *     server restart, or 0
 */
public record RunSnapshot(
        String id,
        int number,
        UserId owner,
        RunSpec spec,
        RunText text,
        RunStatus status,
        List<EpochReport> epochs,
        List<TrainProgress> progress,
        List<RunSample> samples,
        QueuePlace queuePlace,
        int divergedAtEpoch,
        String message,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Footprint footprint,
        StopReason stopReason,
        boolean modelReleased,
        int resumedFromEpoch) {

    public RunSnapshot {
        epochs = List.copyOf(epochs);
        progress = List.copyOf(progress);
        samples = List.copyOf(samples);
    }

    /** What the learner calls the run: r1, r2... in the order they launched theirs. */
    public String label() {
        return "r" + number;
    }

    /**
     * The memory the run holds by the estimate: the model and a step's buffers while queued or
     * training (what it needs), the model alone once it ended with one (the buffers are released),
     * nothing once it failed or was stopped before it started.
     */
    public long memoryBytes() {
        return switch (status) {
            case QUEUED, RUNNING -> footprint.trainingTotalBytes();
            case FINISHED, STOPPED, DIVERGED -> startedAt == null || modelReleased ? 0 : footprint.modelBytes();
            case FAILED -> 0;
        };
    }

    /** The latest finite perplexity: of the last epoch, or the running one inside the first, else NaN. */
    public double perplexity() {
        return withinEpoch()
                .map(TrainProgress::perplexity)
                .orElse(epochs.isEmpty() ? Double.NaN : epochs.getLast().perplexity());
    }

    /** Tokens per second of the latest report (inside the current epoch when there is one), or NaN. */
    public double tokensPerSecond() {
        return withinEpoch()
                .map(TrainProgress::tokensPerSecond)
                .orElse(epochs.isEmpty() ? Double.NaN : epochs.getLast().tokensPerSecond());
    }

    /** The latest progress point when it lies inside an epoch not yet reported, else empty. */
    private Optional<TrainProgress> withinEpoch() {
        return latestProgress().filter(p -> p.epochs() > epochs.size());
    }

    /** The latest progress point that is not an overflow. */
    private Optional<TrainProgress> latestProgress() {
        for (int i = progress.size() - 1; i >= 0; i--) {
            if (!progress.get(i).overflow()) {
                return Optional.of(progress.get(i));
            }
        }
        return Optional.empty();
    }

    /** Epochs done. */
    public int epochsDone() {
        return epochs.size();
    }

    /** Epochs done with the fraction of the current one (2.5: half of the third), from the progress. */
    public double epochsDoneFraction() {
        double fromProgress = latestProgress().map(TrainProgress::epochs).orElse(0.0);
        return Math.max(epochs.size(), fromProgress);
    }

    /**
     * Estimated seconds left from the training time so far, or -1 when unknown: known after the
     * run's first minibatch, as the time per epoch so far times the epochs left.
     */
    public double etaSeconds() {
        if (status != RunStatus.RUNNING) {
            return -1;
        }
        Optional<TrainProgress> latest = latestProgress();
        double done;
        double seconds;
        if (latest.isPresent() && latest.get().epochs() >= epochs.size()) {
            done = latest.get().epochs();
            seconds = latest.get().elapsed().toNanos() / 1e9;
        } else if (!epochs.isEmpty()) {
            done = epochs.size();
            seconds = epochs.getLast().elapsed().toNanos() / 1e9;
        } else {
            return -1;
        }
        return done <= 0 ? -1 : seconds / done * (spec.config().numEpochs() - done);
    }
}
