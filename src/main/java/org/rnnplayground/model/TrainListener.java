package org.rnnplayground.model;

/**
 * Receives a run's progress on the training thread. Implementations must return quickly and must
 * not touch UI components (hand the immutable records over to the UI thread instead).
 */
public interface TrainListener {

    /** After every epoch. */
    void onEpoch(EpochReport report);

    /** A sample generated after {@code epoch} (every {@code sampleEvery} epochs and after the last). */
    default void onSample(int epoch, Generation sample) {}

    /** Listens to nothing. */
    static TrainListener none() {
        return report -> {};
    }
}
