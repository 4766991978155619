package org.rnnplayground.training;

/** Where a training run is in its life. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    FINISHED,
    STOPPED,
    DIVERGED,
    FAILED;

    /** Whether the run will not change any more. */
    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
