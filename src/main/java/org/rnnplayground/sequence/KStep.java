package org.rnnplayground.sequence;

import java.util.Arrays;

/**
 * The k-step-ahead predictions of the book's {@code max_steps} construction, for a few horizons.
 * The predictions for horizon {@code k} are {@code features[:, tau + k - 1]}: row {@code j}
 * predicts {@code x[j + tau + k - 1]} from the observations {@code x[j : j + tau]} and its own
 * {@code k - 1} earlier predictions.
 *
 * @param tau the window length
 * @param maxSteps the book's {@code max_steps}
 * @param steps the horizons kept, each in [1, maxSteps]
 * @param predictions {@code predictions[s]} for horizon {@code steps[s]}, each of length {@code T -
 *     tau - max_steps + 1}
 */
public record KStep(int tau, int maxSteps, int[] steps, double[][] predictions) {

    /** The book's horizons. */
    public static final int[] BOOK_STEPS = {1, 4, 16, 64};

    public KStep {
        steps = steps.clone();
        predictions = Arrays.stream(predictions).map(double[]::clone).toArray(double[][]::new);
        if (steps.length != predictions.length) {
            throw new IllegalArgumentException("one prediction array per horizon");
        }
    }

    /** Index into the series of the first value predicted at horizon {@code k}: {@code tau + k - 1}. */
    public int firstIndex(int k) {
        return tau + k - 1;
    }

    /** The predictions at horizon {@code k} (a copy); element {@code j} predicts {@code x[firstIndex(k) + j]}. */
    public double[] at(int k) {
        for (int s = 0; s < steps.length; s++) {
            if (steps[s] == k) {
                return predictions[s].clone();
            }
        }
        throw new IllegalArgumentException("horizon " + k + " not kept; kept " + Arrays.toString(steps));
    }

    /** Mean squared error of the predictions at horizon {@code k} against the series {@code x}. */
    public double mse(int k, double[] x) {
        double[] p = at(k);
        int first = firstIndex(k);
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            double d = p[j] - x[first + j];
            sum += d * d;
        }
        return sum / p.length;
    }

    @Override
    public int[] steps() {
        return steps.clone();
    }

    @Override
    public double[][] predictions() {
        return Arrays.stream(predictions).map(double[]::clone).toArray(double[][]::new);
    }
}
