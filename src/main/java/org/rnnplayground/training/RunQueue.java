package org.rnnplayground.training;

/** Accepts runs, runs them on a bounded number of slots, fair between users. */
public interface RunQueue {

    /** Queues a run for {@code owner}, or refuses it with the reason. */
    LaunchResult launch(UserId owner, RunSpec spec);

    /** Stops (or unqueues) one of the requester's own runs; false if it is not theirs or already over. */
    boolean stop(String runId, UserId requester);

    /** The limits in force. */
    TrainingLimits limits();

    /**
     * Changes the limits. Running runs keep their slots, but a shorter time limit stops those
     * already past it.
     */
    void setLimits(TrainingLimits limits);

    /** Runs training now. */
    int running();

    /** Runs waiting for a slot. */
    int queued();
}
