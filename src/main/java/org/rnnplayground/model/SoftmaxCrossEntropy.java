package org.rnnplayground.model;

/**
 * Softmax and cross-entropy over the vocabulary, row by row on {@link HostMirror} copies: for logits
 * {@code O} (one row per token), bias {@code b} and target distributions {@code Y}, the summed loss
 * {@code -sum Y * log softmax(O + b)} and its gradient {@code dL/dO = softmax(O + b) - Y}.
 *
 * <p>The log-softmax is the stable one, {@code (o - max) - log(sum(exp(o - max)))}, as libnd4j's
 * {@code log_softmax}. A row of {@code V = 28} logits is too short for a native op call to pay off
 * (see {@link HostMirror}): five ND4J ops over [T*B, V] cost more than this loop.
 */
public final class SoftmaxCrossEntropy {

    private SoftmaxCrossEntropy() {}

    /**
     * Replaces the logits by {@code dL/dO} (in place on their host copy) and returns the summed
     * cross-entropy.
     *
     * @param logits {@code O = H W} without the bias, [rows, vocab_size]; becomes {@code softmax(O + b) - Y}
     * @param bias {@code b} in row 0, [1, vocab_size] or more rows
     * @param labels {@code Y}, one distribution (one-hot for token labels) per row, [rows, vocab_size]
     * @param rows the rows to compute, from row 0
     * @return {@code -sum over rows and vocabulary of Y * log softmax(O + b)}
     */
    public static double lossAndDelta(HostMirror logits, HostMirror bias, HostMirror labels, int rows) {
        return lossAndDelta(logits, bias, labels, 0, rows);
    }

    /** {@link #lossAndDelta(HostMirror, HostMirror, HostMirror, int)} over rows {@code [from, to)}. */
    public static double lossAndDelta(HostMirror logits, HostMirror bias, HostMirror labels, int from, int to) {
        int v = logits.index(1);
        if (bias.index(1) != v || labels.index(1) != v) {
            throw new IllegalArgumentException("logits, bias and labels need one width, the vocabulary size");
        }
        double sum = 0;
        for (int r = from; r < to; r++) {
            int at = logits.index(r);
            sum += logits.floats != null
                    ? row(logits.floats, at, bias.floats, labels.floats, v)
                    : row(logits.doubles, at, bias.doubles, labels.doubles, v);
        }
        return sum;
    }

    /** One row of {@link #lossAndDelta} in float32: {@code o[at, at + v)} becomes the gradient. */
    private static double row(float[] o, int at, float[] b, float[] y, int v) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < v; k++) {
            float z = o[at + k] + b[k]; // O + b
            o[at + k] = z;
            max = Math.max(max, z);
        }
        float expSum = 0f, labelSum = 0f, labelDot = 0f;
        for (int k = 0; k < v; k++) {
            float shifted = o[at + k] - max;
            labelDot += y[at + k] * shifted;
            labelSum += y[at + k];
            float e = (float) Math.exp(shifted);
            o[at + k] = e;
            expSum += e;
        }
        float inv = 1f / expSum;
        for (int k = 0; k < v; k++) {
            o[at + k] = o[at + k] * inv - y[at + k]; // softmax - Y
        }
        // -sum Y (shifted - log expSum)
        return (double) labelSum * Math.log(expSum) - labelDot;
    }

    /** One row of {@link #lossAndDelta} in float64. */
    private static double row(double[] o, int at, double[] b, double[] y, int v) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < v; k++) {
            double z = o[at + k] + b[k];
            o[at + k] = z;
            max = Math.max(max, z);
        }
        double expSum = 0, labelSum = 0, labelDot = 0;
        for (int k = 0; k < v; k++) {
            double shifted = o[at + k] - max;
            labelDot += y[at + k] * shifted;
            labelSum += y[at + k];
            double e = Math.exp(shifted);
            o[at + k] = e;
            expSum += e;
        }
        double inv = 1 / expSum;
        for (int k = 0; k < v; k++) {
            o[at + k] = o[at + k] * inv - y[at + k];
        }
        return labelSum * Math.log(expSum) - labelDot;
    }
}
