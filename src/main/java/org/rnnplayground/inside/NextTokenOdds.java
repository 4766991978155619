package org.rnnplayground.inside;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnplayground.model.CharModel;

/**
 * The model's next-token distribution at every position of a passage (read from a zero state): the
 * top {@link InsideLimits#TOP_K} tokens with their probabilities, the model's surprise at the token
 * that does come (its cross-entropy, {@code -ln p}), and the passage's perplexity, {@code exp} of the
 * mean surprise (d2l 8.4.4).
 *
 * @param positions one per predicted token: position {@code t} predicts token {@code t + 1}, [n-1]
 * @param perplexity of the passage's n-1 predictions
 */
public record NextTokenOdds(List<Position> positions, double perplexity) {

    /**
     * One prediction.
     *
     * @param actual the token that comes, a vocabulary index
     * @param surprise {@code -ln p(actual)}, in nats
     * @param top the most likely tokens, most likely first, [k]
     * @param probabilities their probabilities, [k]
     */
    public record Position(int actual, double surprise, int[] top, double[] probabilities) {}

    public NextTokenOdds {
        positions = List.copyOf(positions);
    }

    /** Runs {@code model} over the passage from a zero state and reads its softmax at every step. */
    public static NextTokenOdds of(CharModel model, Passage passage) {
        INDArray logits = model.forward(passage.inputs(), model.beginState(1)).outputs(); // [T*1, V]
        int[] next = passage.labels()[0]; // [T]
        List<Position> positions = new ArrayList<>(next.length);
        double total = 0;
        for (int t = 0; t < next.length; t++) {
            double[] logProbs = logSoftmax(logits.getRow(t).toDoubleVector()); // [V]
            double surprise = -logProbs[next[t]];
            total += surprise;
            positions.add(top(next[t], surprise, logProbs, InsideLimits.TOP_K));
        }
        return new NextTokenOdds(positions, Math.exp(total / next.length));
    }

    /** {@code o - logsumexp(o)}, stable. */
    static double[] logSoftmax(double[] o) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : o) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : o) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[o.length];
        for (int i = 0; i < o.length; i++) {
            out[i] = o[i] - log;
        }
        return out;
    }

    private static Position top(int actual, double surprise, double[] logProbs, int k) {
        int n = Math.min(k, logProbs.length);
        int[] top = new int[n];
        double[] p = new double[n];
        boolean[] taken = new boolean[logProbs.length];
        for (int r = 0; r < n; r++) {
            int best = -1;
            for (int i = 0; i < logProbs.length; i++) {
                if (!taken[i] && (best < 0 || logProbs[i] > logProbs[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            top[r] = best;
            p[r] = Math.exp(logProbs[best]);
        }
        return new Position(actual, surprise, top, p);
    }
}
