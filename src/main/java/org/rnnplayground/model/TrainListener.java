package org.rnnplayground.model;

/**
 * Receives a run's progress on the training thread. Implementations must return quickly and must
 * not touch UI components (hand the immutable records over to the UI thread instead).
 */
public interface TrainListener {

    /** After every epoch. */
    void onEpoch(EpochReport report);

    /**
     * Within epochs: after each of the run's first {@link Trainer#PROGRESS_EVERY_MINIBATCH_FIRST}
     * minibatches, then at most every {@link Trainer#PROGRESS_INTERVAL_NANOS} of training time, after
     * the last minibatch of every epoch, and where the loss overflows.
     */
    default void onProgress(TrainProgress progress) {}

    /**
     * After every minibatch's step, on the training thread: the moment to copy the model ({@link
     * CharModel#snapshot()}) for someone who wants to generate from it while it trains.
     */
    default void afterStep(CharModel model) {}

    /** A sample generated after {@code epoch} (every {@code sampleEvery} epochs and after the last). */
    default void onSample(int epoch, Generation sample) {}

    /**
     * At the end of every epoch, after its sample: the moment a checkpoint may be taken ({@link
     * CharModel#parameters()}, on this thread) to {@link Resume} from.
     *
     * @param epochsDone epochs finished so far
     */
    default void atEpochEnd(int epochsDone, CharModel model) {}

    /** Listens to nothing. */
    static TrainListener none() {
        return report -> {};
    }
}
