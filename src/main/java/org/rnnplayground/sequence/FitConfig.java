package org.rnnplayground.sequence;

import java.util.List;
import java.util.Optional;

/**
 * How to fit a model to a series (d2l 8.1.2): windows of {@code tau}, the first {@code n_train}
 * windows for training, minibatches of {@code batch_size} in a seeded random order, Adam with
 * {@code lr}, {@code epochs} passes.
 *
 * @param tau window length, in [1, {@value #MAX_TAU}]
 * @param nTrain the book's {@code n_train}: training pairs, at least 1 (and at most {@code T - tau},
 *     see {@link #problemFor})
 * @param numHiddens hidden units, in [1, {@value #MAX_HIDDENS}]
 * @param epochs passes over the training pairs, in [1, {@value #MAX_EPOCHS}]
 * @param lr Adam's learning rate, in (0, {@value #MAX_LR}]
 * @param batchSize minibatch size, in [1, {@value #MAX_BATCH}]
 * @param seed seed of the initial weights and the shuffling
 */
public record FitConfig(int tau, int nTrain, int numHiddens, int epochs, double lr, int batchSize, long seed) {

    public static final int MAX_TAU = 256;
    public static final int MAX_HIDDENS = 512;
    public static final int MAX_EPOCHS = 1000;
    public static final double MAX_LR = 10;
    public static final int MAX_BATCH = 100_000;

    /** The book's {@code max_steps}: the longest horizon of the k-step predictions. */
    public static final int MAX_STEPS = 64;

    /** The book's settings: {@code tau = 4}, {@code n_train = 600}, 10 hidden units, 5 epochs, Adam 0.01, 16. */
    public static FitConfig book() {
        return new FitConfig(4, 600, 10, 5, 0.01, 16, 0);
    }

    public FitConfig {
        problem(tau, nTrain, numHiddens, epochs, lr, batchSize).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** What is wrong with these values on their own, if anything. */
    public static Optional<String> problem(int tau, int nTrain, int numHiddens, int epochs, double lr, int batchSize) {
        if (tau < 1 || tau > MAX_TAU) {
            return Optional.of("tau must be in [1, " + MAX_TAU + "], got " + tau);
        }
        if (nTrain < 1) {
            return Optional.of("n_train must be at least 1, got " + nTrain);
        }
        if (numHiddens < 1 || numHiddens > MAX_HIDDENS) {
            return Optional.of("num_hiddens must be in [1, " + MAX_HIDDENS + "], got " + numHiddens);
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            return Optional.of("epochs must be in [1, " + MAX_EPOCHS + "], got " + epochs);
        }
        if (!(lr > 0 && lr <= MAX_LR)) {
            return Optional.of("lr must be in (0, " + MAX_LR + "], got " + lr);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            return Optional.of("batch_size must be in [1, " + MAX_BATCH + "], got " + batchSize);
        }
        return Optional.empty();
    }

    /** The shortest series that {@code tau} allows: the k-step predictions need {@code T >= tau + max_steps}. */
    public static int minLength(int tau) {
        return tau + MAX_STEPS;
    }

    /** The most training pairs a series of length {@code T} has: {@code T - tau}. */
    public static int maxTrain(int length, int tau) {
        return length - tau;
    }

    /** What keeps this configuration from fitting a series of length {@code T}, if anything. */
    public Optional<String> problemFor(int length) {
        if (length < minLength(tau)) {
            return Optional.of("the series has " + length + " values; tau = " + tau + " needs at least "
                    + minLength(tau) + " (tau + max_steps)");
        }
        if (nTrain > maxTrain(length, tau)) {
            return Optional.of("n_train must be at most T - tau = " + maxTrain(length, tau) + ", got " + nTrain);
        }
        return Optional.empty();
    }

    /**
     * What fitting a model costs, before it starts.
     *
     * @param bytes memory of the arrays the fit holds at once (doubles)
     * @param multiplyAdds multiply-adds of training and of every prediction
     */
    public record Cost(long bytes, long multiplyAdds) {}

    /**
     * What fitting a {@code kind} to a series of {@code length} values costs ({@link
     * SequenceExperiment#run}): {@code n = T - tau} windows and their labels, the forward passes over
     * a minibatch (training) or over all windows at once (the loss and the one-step predictions),
     * each keeping {@link ModelKind#activationNumbers} per row twice over (values and gradients),
     * and the k-step table {@code [n, tau + max_steps]}; multiply-adds for {@code epochs * n_train}
     * rows trained (three times a forward pass), and the predictions over all windows, the
     * multistep run and {@code max_steps} k-step columns.
     */
    public Cost cost(ModelKind kind, int length) {
        double n = Math.max(0, length - tau);
        double perRow = kind.forwardMultiplyAdds(tau, numHiddens);
        double rowsAtOnce = Math.max(n, Math.min(batchSize, nTrain));
        double numbers = 2 * n * tau
                + n // windows, as Java arrays and as ND4J arrays, and the labels
                + 2 * rowsAtOnce * kind.activationNumbers(tau, numHiddens)
                + n * (tau + MAX_STEPS) // the k-step table
                + 4.0 * length; // the series and the three prediction curves
        double rows = 3.0 * epochs * nTrain + 2 * n + length + MAX_STEPS * n;
        return new Cost(clamp(Double.BYTES * numbers), clamp(perRow * rows));
    }

    /**
     * What fitting {@code kinds} one after the other costs: the largest memory of one (each drops
     * its arrays when it is done) and the multiply-adds of all.
     */
    public Cost cost(List<ModelKind> kinds, int length) {
        long bytes = 0;
        double multiplyAdds = 0;
        for (ModelKind kind : kinds) {
            Cost one = cost(kind, length);
            bytes = Math.max(bytes, one.bytes());
            multiplyAdds += one.multiplyAdds();
        }
        return new Cost(bytes, clamp(multiplyAdds));
    }

    private static long clamp(double value) {
        return value >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(value);
    }
}
