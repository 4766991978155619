package org.rnnplayground.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnplayground.text.TokenCodec;

/**
 * Generation as d2l's {@code predict_ch8}: feed the prefix one token at a time to warm up the state,
 * then feed each predicted token back in.
 */
public final class Generator {

    private Generator() {}

    /**
     * Generation from a text prefix, read and written as the run's text: the prefix is cleaned and
     * tokenized by {@code codec} (unknown tokens are fed as {@code <unk>} and listed in {@link
     * Generation#unknown()}), and the tokens are decoded by it (words joined by spaces).
     *
     * @param prefix text with at least one token once cleaned as the run's text was
     * @param numPreds how many tokens to predict after the prefix
     */
    public static Generation generate(
            CharModel model, TokenCodec codec, String prefix, int numPreds, Decoding decoding) {
        TokenCodec.Encoded encoded = codec.encode(prefix);
        int[] prefixTokens = encoded.indices();
        if (prefixTokens.length == 0) {
            throw new IllegalArgumentException(
                    "the prefix \"" + prefix + "\" has no tokens once cleaned as the text was");
        }
        int[] all = predictTokens(model, prefixTokens, numPreds, decoding);
        List<Integer> tokens = new ArrayList<>(all.length);
        for (int t : all) {
            tokens.add(t);
        }
        return new Generation(
                prefix,
                codec.decode(all),
                codec.decode(all, prefixTokens.length, all.length),
                tokens,
                encoded.unknown());
    }

    /**
     * Token-level generation: warm up on {@code prefix[1..]} (the state after feeding
     * {@code prefix[0..k-1]}), then predict {@code numPreds} tokens.
     *
     * @param prefix token indices, at least one
     * @return the prefix followed by the predictions, [prefix.length + numPreds]
     */
    public static int[] predictTokens(CharModel model, int[] prefix, int numPreds, Decoding decoding) {
        if (prefix.length == 0) {
            throw new IllegalArgumentException("the prefix needs at least one token");
        }
        if (numPreds < 0) {
            throw new IllegalArgumentException("numPreds must be >= 0, got " + numPreds);
        }
        RandomGenerator random = new SplittableRandom(decoding.seed());
        int[] out = new int[prefix.length + numPreds];
        out[0] = prefix[0];
        State state = model.beginState(1);
        int[][] input = new int[1][1];
        for (int i = 1; i < out.length; i++) {
            input[0][0] = out[i - 1];
            Forward f = model.forward(input, state); // outputs [1, V]
            state = f.state();
            out[i] = i < prefix.length ? prefix[i] : pick(f.outputs(), decoding, random);
        }
        return out;
    }

    /**
     * Picks the next token from one row of logits.
     *
     * @param logits [1, vocab_size]
     */
    static int pick(INDArray logits, Decoding decoding, RandomGenerator random) {
        double[] o = logits.reshape(logits.length()).toDoubleVector();
        if (decoding.greedy()) {
            int best = 0;
            for (int j = 1; j < o.length; j++) {
                if (o[j] > o[best]) {
                    best = j; // first maximum wins, as torch.argmax
                }
            }
            return best;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : o) {
            max = Math.max(max, v / decoding.temperature());
        }
        double[] p = new double[o.length];
        double sum = 0;
        for (int j = 0; j < o.length; j++) {
            p[j] = Math.exp(o[j] / decoding.temperature() - max); // stable softmax
            sum += p[j];
        }
        double u = random.nextDouble() * sum;
        for (int j = 0; j < p.length; j++) {
            u -= p[j];
            if (u < 0) {
                return j;
            }
        }
        return p.length - 1;
    }
}
