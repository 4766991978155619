package org.rnnplayground.training;

/**
 * Something happened to a run; carries the run's snapshot after it. Published by the training
 * thread or the queue, never touching UI code.
 *
 * @param kind what happened
 * @param run the run after the change
 */
public record RunEvent(Kind kind, RunSnapshot run) {

    /** What happened. */
    public enum Kind {
        QUEUED,
        STARTED,
        EPOCH,
        PROGRESS,
        SAMPLE,
        ENDED,
        REMOVED
    }
}
