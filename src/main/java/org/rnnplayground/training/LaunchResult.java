package org.rnnplayground.training;

import java.util.Optional;

/**
 * The answer to a launch: the queued run, or why it was refused.
 *
 * @param run the run, when accepted
 * @param refusal why not, when refused
 * @param limit the limit that refused it
 */
public record LaunchResult(Optional<RunSnapshot> run, Refusal refusal, int limit) {

    /** Why a launch was refused. */
    public enum Refusal {
        TOO_MANY_QUEUED,
        /** The queue of all users is full ({@link TrainingLimits#maxQueuedTotal()}). */
        QUEUE_FULL,
        /** Too many runs from the user's network address ({@link TrainingLimits#maxRunsPerAddress()}). */
        TOO_MANY_FROM_ADDRESS,
        SHUTTING_DOWN
    }

    static LaunchResult accepted(RunSnapshot run) {
        return new LaunchResult(Optional.of(run), null, 0);
    }

    static LaunchResult refused(Refusal refusal, int limit) {
        return new LaunchResult(Optional.empty(), refusal, limit);
    }

    public boolean accepted() {
        return run.isPresent();
    }
}
