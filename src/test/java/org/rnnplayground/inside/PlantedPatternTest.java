package org.rnnplayground.inside;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.Channel;
import org.rnnplayground.model.ScratchRnn;
import org.rnnplayground.model.State;
import org.rnnplayground.model.TrainHyper;

/**
 * A text with a planted pattern: quotes that open and close, with capital letters inside them and
 * small ones outside, so that predicting a letter's case needs to remember whether a quote is open. A
 * small model trained on it must grow a unit that tracks the open quote, and "find units", shown one
 * quoted span of a passage, must rank such a unit first: one whose activation separates the quoted
 * steps from the others over every quote of another passage.
 */
class PlantedPatternTest {

    /** Tokens: 0 unused (the vocabulary's unknown), 1-4 small letters, 5-8 capitals, 9 space, 10 the quote. */
    static final int V = 11, SPACE = 9, QUOTE = 10;

    @Test
    void findUnitsRanksTheQuoteUnitFirst() {
        int[] corpus = text(new SplittableRandom(1), 30_000);
        ScratchRnn model = ScratchRnn.create(V, 16, Activation.TANH, DataType.FLOAT, 2);
        train(model, corpus, 16, 32, 12);

        int[] first = withQuotes(new SplittableRandom(11), InsideLimits.MAX_PASSAGE_TOKENS);
        Channel h = HiddenStates.of(model, passage(first)).channel(0, "H");
        boolean[] inside = inside(first);
        int from = firstQuoteStart(inside), to = from;
        while (inside[to]) {
            to++;
        }
        List<UnitFinder.UnitScore> ranked = UnitFinder.rank(h, from, to, 3);

        int[] second = withQuotes(new SplittableRandom(12), InsideLimits.MAX_PASSAGE_TOKENS);
        Channel h2 = HiddenStates.of(model, passage(second)).channel(0, "H");
        double auc = auc(HiddenStates.unit(h2, ranked.get(0).unit()), inside(second));
        double tracking = Math.max(auc, 1 - auc);
        assertTrue(
                tracking > 0.95,
                "unit " + ranked.get(0).unit() + " ranked first separates quoted steps elsewhere with AUC " + tracking
                        + "; ranking " + ranked);
    }

    /** Trains with sequential minibatches carrying the state, as the book does. */
    private static void train(ScratchRnn model, int[] corpus, int batchSize, int numSteps, int epochs) {
        int rowLength = (corpus.length - 1) / batchSize;
        TrainHyper hyper = TrainHyper.clipped(1, 1);
        for (int epoch = 0; epoch < epochs; epoch++) {
            State state = model.beginState(batchSize);
            for (int start = 0; start + numSteps <= rowLength; start += numSteps) {
                int[][] x = new int[batchSize][numSteps], y = new int[batchSize][numSteps];
                for (int i = 0; i < batchSize; i++) {
                    for (int t = 0; t < numSteps; t++) {
                        x[i][t] = corpus[i * rowLength + start + t];
                        y[i][t] = corpus[i * rowLength + start + t + 1];
                    }
                }
                state = model.trainStep(x, y, state, hyper).state();
            }
        }
    }

    /** Words of 2 to 5 letters; a quote opens or closes before a word with probability 0.2. */
    static int[] text(SplittableRandom random, int length) {
        List<Integer> out = new ArrayList<>();
        boolean open = false;
        while (out.size() < length) {
            if (random.nextDouble() < 0.2) {
                open = !open;
                out.add(QUOTE);
            }
            int letters = 2 + random.nextInt(4);
            for (int k = 0; k < letters; k++) {
                out.add((open ? 5 : 1) + random.nextInt(4));
            }
            out.add(SPACE);
        }
        return out.stream().limit(length).mapToInt(Integer::intValue).toArray();
    }

    /** A text of {@code length} tokens with at least two quoted spans. */
    private static int[] withQuotes(SplittableRandom random, int length) {
        while (true) {
            int[] t = text(random, length);
            int quotes = 0;
            for (int token : t) {
                quotes += token == QUOTE ? 1 : 0;
            }
            if (quotes >= 4) {
                return t;
            }
        }
    }

    /**
     * Whether a quote is open in the state after reading token {@code t}, for the passage's inputs
     * (all tokens but the last), [n-1].
     */
    private static boolean[] inside(int[] tokens) {
        boolean[] inside = new boolean[tokens.length - 1];
        boolean open = false;
        for (int t = 0; t < inside.length; t++) {
            open ^= tokens[t] == QUOTE;
            inside[t] = open;
        }
        return inside;
    }

    private static int firstQuoteStart(boolean[] inside) {
        for (int t = 0; t < inside.length; t++) {
            if (inside[t]) {
                return t;
            }
        }
        throw new IllegalStateException("no quote");
    }

    /** The probability that a quoted step's value exceeds an unquoted one's (ties count half). */
    private static double auc(double[] values, boolean[] positive) {
        double wins = 0;
        long pairs = 0;
        for (int a = 0; a < values.length; a++) {
            for (int b = 0; b < values.length; b++) {
                if (positive[a] && !positive[b]) {
                    wins += values[a] > values[b] ? 1 : values[a] == values[b] ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return wins / pairs;
    }

    private static Passage passage(int[] tokens) {
        List<String> shown = new ArrayList<>();
        for (int t : tokens) {
            shown.add(t == QUOTE ? "\"" : t == SPACE ? " " : String.valueOf((char) ((t < 5 ? 'a' - 1 : 'A' - 5) + t)));
        }
        return new Passage(tokens, shown);
    }
}
