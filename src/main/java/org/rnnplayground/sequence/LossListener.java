package org.rnnplayground.sequence;

/**
 * Receives the loss after every epoch, on the training thread (book exercise 8.1.1: watch it while
 * changing tau, noise and the network). Implementations return quickly and touch no UI component.
 */
@FunctionalInterface
public interface LossListener {

    void onEpoch(EpochLoss loss);

    /** Listens to nothing. */
    static LossListener none() {
        return loss -> {};
    }
}
