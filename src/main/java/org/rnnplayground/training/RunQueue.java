package org.rnnplayground.training;

/** Accepts runs, runs them on a bounded number of slots, fair between users. */
public interface RunQueue {

    /**
     * Queues a run for {@code owner}, or refuses it with the reason.
     *
     * @param spec what to train
     * @param text the text the spec names, resolved by the caller who has it at hand (a page that
     *     processed it); must be processed with the spec's options
     */
    LaunchResult launch(UserId owner, RunSpec spec, RunText text);

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
