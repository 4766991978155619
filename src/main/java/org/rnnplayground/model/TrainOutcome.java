package org.rnnplayground.model;

import java.util.List;

/**
 * How a run ended.
 *
 * @param status completed, diverged or cancelled
 * @param epochs reports of the epochs that completed, in order
 * @param divergedAtEpoch the 1-based epoch in which divergence was detected, or 0
 * @param message a sentence for the reader
 */
public record TrainOutcome(Status status, List<EpochReport> epochs, int divergedAtEpoch, String message) {

    public enum Status {
        COMPLETED,
        /** The loss became non-finite or the perplexity overflowed; training stopped cleanly. */
        DIVERGED,
        CANCELLED
    }

    public TrainOutcome {
        epochs = List.copyOf(epochs);
    }

    /** The perplexity of the last completed epoch, or NaN if none completed. */
    public double finalPerplexity() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).perplexity();
    }
}
