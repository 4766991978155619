package org.rnnplayground.model.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.Footprint;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.budget.BudgetProblem;
import org.rnnplayground.model.budget.ComputeBudget;
import org.rnnplayground.model.concise.Implementation;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.sampling.SamplerConfig;

/**
 * The sizes a learner picks on the Shapes page, and the checks that keep one forward pass within
 * the server's {@link ComputeBudget}.
 *
 * @param batchSize {@code batch_size}, rows of a minibatch
 * @param numSteps {@code num_steps}, time steps of a minibatch
 * @param numHiddens {@code num_hiddens}, hidden units
 * @param activation the hidden nonlinearity {@code phi} (the LSTM has its own, tanh and sigmoid)
 * @param implementation from scratch or which library layer
 * @param numLayers {@code num_layers}, stacked recurrent layers (from scratch: 1)
 * @param embeddingSize 0 for one-hot inputs, else the size of a learned embedding (from scratch: 0)
 */
public record ShapeRequest(
        int batchSize,
        int numSteps,
        int numHiddens,
        Activation activation,
        Implementation implementation,
        int numLayers,
        int embeddingSize) {

    /** The from-scratch model of d2l 8.5 with these sizes. */
    public ShapeRequest(int batchSize, int numSteps, int numHiddens, Activation activation) {
        this(batchSize, numSteps, numHiddens, activation, Implementation.SCRATCH, 1, 0);
    }

    public ShapeRequest {
        if (activation == null || implementation == null) {
            throw new IllegalArgumentException("activation and implementation are required");
        }
    }

    /** The book's sizes (d2l 8.5): batch 32, 35 steps, 512 hidden units, tanh. */
    public static ShapeRequest book() {
        return new ShapeRequest(32, 35, 512, Activation.TANH);
    }

    /** Largest {@code num_layers} the page accepts. */
    public static final int MAX_NUM_LAYERS = ModelSpec.MAX_LAYERS;

    /** Largest embedding size the page accepts. */
    public static final int MAX_EMBEDDING_SIZE = ModelSpec.MAX_EMBEDDING_SIZE;

    /** Largest {@code num_hiddens} the field accepts; the budget may refuse less. */
    public static final int MAX_NUM_HIDDENS = 4096;

    /** The model to build. */
    public ModelSpec spec() {
        return implementation.library() ? new ModelSpec(implementation, numLayers, embeddingSize) : ModelSpec.scratch();
    }

    /** What the traced model costs over a vocabulary of {@code vocabSize} (in float32, as traced). */
    public Footprint footprint(int vocabSize) {
        return spec().footprint(vocabSize, numHiddens, batchSize, numSteps, TrainConfig.Precision.FLOAT32);
    }

    /** A field of the form, the text itself, or the model as a whole (too large for the budget). */
    public enum Field {
        TEXT,
        MODEL,
        BATCH_SIZE,
        NUM_STEPS,
        NUM_HIDDENS,
        NUM_LAYERS,
        EMBEDDING
    }

    /**
     * Something wrong with the values, to be shown next to a field (or once for the page, for the
     * text or the model as a whole).
     *
     * @param field where to show it
     * @param key translation key of the explanation (bundle {@code shapes}), or of the budget's
     *     sentence
     * @param args its arguments
     * @param budget the budget's refusal, when that is the problem, else null
     */
    public record Problem(Field field, String key, List<Object> args, BudgetProblem budget) {
        public Problem {
            args = List.copyOf(args);
        }

        static Problem of(Field field, String key, Object... args) {
            return new Problem(field, key, List.of(args), null);
        }

        /** The explanation in the translator's language. */
        public String message(BudgetProblem.Translator translator) {
            return budget != null ? budget.message(translator) : translator.translate(key, args.toArray());
        }
    }

    /** As {@link #check(Integer, Integer, Integer, Implementation, Integer, Integer, int, int, ComputeBudget)} for the from-scratch model. */
    public static List<Problem> check(
            Integer batchSize,
            Integer numSteps,
            Integer numHiddens,
            int corpusLength,
            int vocabSize,
            ComputeBudget budget) {
        return check(batchSize, numSteps, numHiddens, Implementation.SCRATCH, 1, 0, corpusLength, vocabSize, budget);
    }

    /**
     * Everything wrong with the values a learner typed, for a corpus and vocabulary; empty when a
     * forward pass can run. A {@code null} value is a field that does not hold a whole number.
     *
     * <p>Order: the ranges of each field (num_steps and batch_size from {@link SamplerConfig} for
     * this corpus, num_hiddens up to {@link #MAX_NUM_HIDDENS}; for library layers {@code num_layers}
     * from 1 to {@link #MAX_NUM_LAYERS} and the embedding size from 0 to {@link
     * #MAX_EMBEDDING_SIZE}, ignored for the from-scratch model); only when all are in range, the
     * {@linkplain ComputeBudget#checkTrace budget} of one traced forward pass: a problem of the
     * model as a whole ({@link Field#MODEL}), whose sentence names what to reduce, rather than of
     * any one field.
     */
    public static List<Problem> check(
            Integer batchSize,
            Integer numSteps,
            Integer numHiddens,
            Implementation implementation,
            Integer numLayers,
            Integer embeddingSize,
            int corpusLength,
            int vocabSize,
            ComputeBudget budget) {
        List<Problem> problems = new ArrayList<>();
        boolean library = implementation.library();
        if (library && (numLayers == null || numLayers < 1 || numLayers > MAX_NUM_LAYERS)) {
            problems.add(Problem.of(Field.NUM_LAYERS, "shapes.problem.numLayers", MAX_NUM_LAYERS));
        }
        if (library && (embeddingSize == null || embeddingSize < 0 || embeddingSize > MAX_EMBEDDING_SIZE)) {
            problems.add(Problem.of(Field.EMBEDDING, "shapes.problem.embedding", MAX_EMBEDDING_SIZE));
        }
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
        ModelSpec spec = library ? new ModelSpec(implementation, numLayers, embeddingSize) : ModelSpec.scratch();
        Optional<BudgetProblem> over = budget.checkTrace(spec, vocabSize, numHiddens, batchSize, numSteps);
        over.ifPresent(p -> problems.add(new Problem(Field.MODEL, p.key(), p.args(), p)));
        return problems;
    }
}
