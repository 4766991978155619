package org.rnnplayground.model.ui;

import java.util.ArrayList;
import java.util.List;
import org.rnnplayground.model.Activation;
import org.rnnplayground.sampling.SamplerConfig;

/**
 * The sizes a learner picks on the Shapes page, and the checks that keep one forward pass small
 * enough to run for them on a shared server.
 *
 * @param batchSize {@code batch_size}, rows of a minibatch
 * @param numSteps {@code num_steps}, time steps of a minibatch
 * @param numHiddens {@code num_hiddens}, hidden units
 * @param activation the hidden nonlinearity {@code phi}
 */
public record ShapeRequest(int batchSize, int numSteps, int numHiddens, Activation activation) {

    /** The book's sizes (d2l 8.5): batch 32, 35 steps, 512 hidden units, tanh. */
    public static ShapeRequest book() {
        return new ShapeRequest(32, 35, 512, Activation.TANH);
    }

    /** Largest {@code num_hiddens} the page accepts. */
    public static final int MAX_NUM_HIDDENS = 4096;

    /** Largest number of trainable scalars the page builds a model with. */
    public static final long MAX_PARAMETERS = 50_000_000L;

    /** Largest {@link #activationFloats} estimate the page runs a forward pass for. */
    public static final long MAX_ACTIVATION_FLOATS = 20_000_000L;

    /** A field of the form, or the text itself. */
    public enum Field {
        TEXT,
        BATCH_SIZE,
        NUM_STEPS,
        NUM_HIDDENS
    }

    /**
     * Something wrong with the values, to be shown next to a field.
     *
     * @param field where to show it
     * @param key translation key of the explanation (bundle {@code shapes})
     * @param args its arguments
     */
    public record Problem(Field field, String key, List<Object> args) {
        public Problem {
            args = List.copyOf(args);
        }

        static Problem of(Field field, String key, Object... args) {
            return new Problem(field, key, List.of(args));
        }
    }

    /**
     * Everything wrong with the values a learner typed, for a corpus and vocabulary; empty when a
     * forward pass can run. A {@code null} value is a field that does not hold a whole number.
     *
     * <p>Order: the ranges of each field (num_steps and batch_size from {@link SamplerConfig} for
     * this corpus, num_hiddens up to {@link #MAX_NUM_HIDDENS}); only when all three are in range, the
     * parameter count against {@link #MAX_PARAMETERS} and the activation estimate against {@link
     * #MAX_ACTIVATION_FLOATS}.
     */
    public static List<Problem> check(
            Integer batchSize, Integer numSteps, Integer numHiddens, int corpusLength, int vocabSize) {
        List<Problem> problems = new ArrayList<>();
        if (corpusLength < SamplerConfig.MIN_CORPUS_LENGTH) {
            problems.add(Problem.of(
                    Field.TEXT, "shapes.problem.corpusTooShort", corpusLength, SamplerConfig.MIN_CORPUS_LENGTH));
            return problems;
        }
        int maxNumSteps = SamplerConfig.maxNumSteps(corpusLength, 1);
        boolean stepsOk = numSteps != null && numSteps >= 1 && numSteps <= maxNumSteps;
        if (!stepsOk) {
            problems.add(Problem.of(Field.NUM_STEPS, "shapes.problem.numSteps", maxNumSteps, corpusLength));
        }
        int stepsForBatch = stepsOk ? numSteps : 1;
        int maxBatchSize = SamplerConfig.maxBatchSize(corpusLength, stepsForBatch);
        boolean batchOk = batchSize != null && batchSize >= 1 && batchSize <= maxBatchSize;
        if (!batchOk) {
            problems.add(Problem.of(
                    Field.BATCH_SIZE, "shapes.problem.batchSize", maxBatchSize, corpusLength, stepsForBatch));
        }
        boolean hiddensOk = numHiddens != null && numHiddens >= 1 && numHiddens <= MAX_NUM_HIDDENS;
        if (!hiddensOk) {
            problems.add(Problem.of(Field.NUM_HIDDENS, "shapes.problem.numHiddens", MAX_NUM_HIDDENS));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        if (SamplerConfig.problem(corpusLength, batchSize, numSteps).isPresent()) {
            throw new IllegalStateException("ranges disagree with SamplerConfig.problem");
        }
        long parameters = parameterCount(vocabSize, numHiddens);
        if (parameters > MAX_PARAMETERS) {
            problems.add(Problem.of(
                    Field.NUM_HIDDENS,
                    "shapes.problem.tooManyParameters",
                    parameters,
                    MAX_PARAMETERS,
                    maxNumHiddens(vocabSize),
                    vocabSize));
        }
        long activations = activationFloats(batchSize, numSteps, vocabSize, numHiddens);
        if (activations > MAX_ACTIVATION_FLOATS) {
            // batch_size <= N, so N (perRow + h) bounds the estimate from above
            long maxRows = MAX_ACTIVATION_FLOATS / (perRowFloats(vocabSize, numHiddens) + numHiddens);
            Problem problem = Problem.of(
                    Field.BATCH_SIZE,
                    "shapes.problem.tooManyActivations",
                    activations,
                    MAX_ACTIVATION_FLOATS,
                    (long) batchSize * numSteps,
                    maxRows);
            problems.add(problem);
            problems.add(new Problem(Field.NUM_STEPS, problem.key(), problem.args()));
        }
        return problems;
    }

    /**
     * Scalars of the five parameters, {@code W_xh, W_hh, b_h, W_hq, b_q}: {@code V h + h h + h + h V
     * + V}. Used only to refuse a model before building it; the page shows the count the model reports.
     */
    static long parameterCount(long vocabSize, long numHiddens) {
        return vocabSize * numHiddens + numHiddens * numHiddens + numHiddens + numHiddens * vocabSize + vocabSize;
    }

    /** The largest {@code num_hiddens} whose model stays within {@link #MAX_PARAMETERS}, at least 0. */
    static int maxNumHiddens(int vocabSize) {
        // solve h^2 + (2V + 1) h + V <= MAX for h, then correct the rounding
        double b = 2.0 * vocabSize + 1;
        int h = (int) Math.floor((-b + Math.sqrt(b * b - 4.0 * (vocabSize - MAX_PARAMETERS))) / 2);
        h = Math.clamp(h, 0, MAX_NUM_HIDDENS);
        while (h > 0 && parameterCount(vocabSize, h) > MAX_PARAMETERS) {
            h--;
        }
        while (h < MAX_NUM_HIDDENS && parameterCount(vocabSize, h + 1) <= MAX_PARAMETERS) {
            h++;
        }
        return h;
    }

    /**
     * About how many numbers one traced forward pass holds besides the parameters and their
     * gradients, with {@code N = batch_size * num_steps}: the inputs {@code X} (N) and their one-hot
     * encoding (N V), the hidden states {@code H_0..H_T} ((N + B) h), and the model's per-minibatch
     * buffers: logits, log-probabilities, one-hot labels and their gradient (4 N V), and two
     * [N, h] buffers for backpropagation (2 N h).
     */
    static long activationFloats(long batchSize, long numSteps, long vocabSize, long numHiddens) {
        long n = batchSize * numSteps;
        return n * perRowFloats(vocabSize, numHiddens) + batchSize * numHiddens;
    }

    /**
     * About how many multiply-adds one forward pass takes, {@code N (h h + h V)} with {@code N =
     * batch_size * num_steps}: the products {@code H_{t-1} W_hh} and {@code H_t W_hq} over all steps
     * ({@code X_t W_xh} is a row lookup). The page warns that a large pass takes a few seconds.
     */
    public long forwardMultiplyAdds(int vocabSize) {
        long n = (long) batchSize * numSteps;
        return n * ((long) numHiddens * numHiddens + (long) numHiddens * vocabSize);
    }

    private static long perRowFloats(long vocabSize, long numHiddens) {
        return 1 + 5 * vocabSize + 3 * numHiddens;
    }
}
