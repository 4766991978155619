package org.rnnplayground.sequence;

import java.util.List;

/**
 * One trained model and its predictions on the series.
 *
 * @param kind which model
 * @param losses the training loss after each epoch
 * @param oneStep {@link Predictions#oneStep}, length {@code T - tau}
 * @param multistep {@link Predictions#multistep}, length {@code T}
 * @param kStep {@link Predictions#kStep} for the book's horizons 1, 4, 16, 64
 * @param oneStepMse mean squared error of the one-step predictions over all {@code T - tau} windows
 * @param kStepMse mean squared error at each horizon of {@code kStep.steps()}
 */
public record ModelResult(
        ModelKind kind,
        List<EpochLoss> losses,
        double[] oneStep,
        double[] multistep,
        KStep kStep,
        double oneStepMse,
        double[] kStepMse) {

    public ModelResult {
        losses = List.copyOf(losses);
        oneStep = oneStep.clone();
        multistep = multistep.clone();
        kStepMse = kStepMse.clone();
    }

    @Override
    public double[] oneStep() {
        return oneStep.clone();
    }

    @Override
    public double[] multistep() {
        return multistep.clone();
    }

    @Override
    public double[] kStepMse() {
        return kStepMse.clone();
    }
}
