package org.rnnplayground.training;

/** Why a run was stopped before it finished: shown to its owner. */
public enum StopReason {
    /** Its owner pressed stop. */
    BY_USER,
    /** The instructor stopped it on the admin page. */
    BY_INSTRUCTOR,
    /** It trained longer than {@link TrainingLimits#maxRunTime()}. */
    TIME_LIMIT,
    /** Its owner was gone longer than {@link TrainingLimits#awayAfter()}. */
    AWAY,
    /** The server was shutting down. */
    SHUTDOWN
}
