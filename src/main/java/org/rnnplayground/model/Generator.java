package org.rnnplayground.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Generation as d2l's {@code predict_ch8}: feed the prefix one token at a time to warm up the state,
 * then feed each predicted token back in.
 */
public final class Generator {

    /** Token index of {@code <unk>} in every vocabulary of this app. */
    static final int UNK = 0;

    private Generator() {}

    /**
     * Character-level generation from a text prefix.
     *
     * @param prefix at least one character; characters outside the vocabulary are fed as {@code <unk>}
     *     and reported in {@link Generation#notes()}
     * @param numPreds how many tokens to predict after the prefix
     * @param indexOf the vocabulary's token-to-index map (unknown tokens to 0, {@code <unk>})
     * @param tokenAt the vocabulary's index-to-token map
     */
    public static Generation generate(
            CharModel model,
            String prefix,
            int numPreds,
            Decoding decoding,
            ToIntFunction<String> indexOf,
            IntFunction<String> tokenAt) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("the prefix needs at least one character");
        }
        int[] codePoints = prefix.codePoints().toArray();
        int[] prefixTokens = new int[codePoints.length];
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < codePoints.length; i++) {
            String c = Character.toString(codePoints[i]);
            prefixTokens[i] = indexOf.applyAsInt(c);
            if (prefixTokens[i] == UNK) {
                unknown.add(c);
            }
        }
        int[] all = predictTokens(model, prefixTokens, numPreds, decoding);
        StringBuilder text = new StringBuilder();
        StringBuilder predicted = new StringBuilder();
        List<Integer> tokens = new ArrayList<>(all.length);
        for (int i = 0; i < all.length; i++) {
            String token = tokenAt.apply(all[i]);
            text.append(token);
            if (i >= prefixTokens.length) {
                predicted.append(token);
            }
            tokens.add(all[i]);
        }
        List<String> notes = new ArrayList<>();
        for (String c : unknown) {
            notes.add("'" + c + "' (U+" + String.format("%04X", c.codePointAt(0))
                    + ") is not in the vocabulary; it was fed as <unk>");
        }
        return new Generation(prefix, text.toString(), predicted.toString(), tokens, notes);
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
