package org.rnnplayground.model;

/**
 * The optimisation settings of one SGD step (d2l 8.5.5 and 8.5.6).
 *
 * @param lr the learning rate, {@code p -= lr * grad}; positive and finite
 * @param clip whether gradients are clipped by global norm
 * @param theta the clipping threshold: if the global gradient norm exceeds it, every gradient is
 *     scaled by {@code theta / norm}; positive and finite when {@code clip} is on, ignored otherwise
 */
public record TrainHyper(double lr, boolean clip, double theta) {

    public TrainHyper {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be a positive finite number, got " + lr);
        }
        if (clip && (!(theta > 0) || Double.isInfinite(theta))) {
            throw new IllegalArgumentException(
                    "theta must be a positive finite number when clipping is on, got " + theta);
        }
    }

    /** SGD with clipping by global norm {@code theta}, as the book trains. */
    public static TrainHyper clipped(double lr, double theta) {
        return new TrainHyper(lr, true, theta);
    }

    /** Plain SGD without clipping. */
    public static TrainHyper unclipped(double lr) {
        return new TrainHyper(lr, false, Double.NaN);
    }
}
