package org.rnnplayground.training;

/**
 * Something happened to a run; carries the run's snapshot after it. Published by the training
 * thread or the queue, never touching UI code.
 *
 * @param sequence the event's place among all events of the runtime that published it: later
 *     events have larger numbers, so a listener can drop one that arrives after a newer one
 * @param kind what happened
 * @param run the run after the change
 */
public record RunEvent(long sequence, Kind kind, RunSnapshot run) {

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
