package org.rnnplayground.model.ui;

import java.util.ArrayList;
import java.util.List;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.sampling.SamplerConfig;

/**
 * The sizes a learner picks on the Shapes page, and the checks that keep one forward pass small
 * enough to run for them on a shared server.
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

    /** Which model the page builds: the from-scratch RNN or one of the library layers. */
    public enum Implementation {
        /** {@code ScratchRnn}, d2l 8.5. */
        SCRATCH(ModelSpec.Impl.SCRATCH, CellType.RNN),
        /** DL4J {@code SimpleRnn} layers, d2l 8.6. */
        LIBRARY_RNN(ModelSpec.Impl.CONCISE, CellType.RNN),
        /** Our {@code GruLayer} (DL4J 1.0.0-M2.1 has none), d2l 9.1. */
        LIBRARY_GRU(ModelSpec.Impl.CONCISE, CellType.GRU),
        /** DL4J {@code LSTM} layers, d2l 9.2. */
        LIBRARY_LSTM(ModelSpec.Impl.CONCISE, CellType.LSTM);

        private final ModelSpec.Impl impl;
        private final CellType cell;

        Implementation(ModelSpec.Impl impl, CellType cell) {
            this.impl = impl;
            this.cell = cell;
        }

        public ModelSpec.Impl impl() {
            return impl;
        }

        public CellType cell() {
            return cell;
        }

        /** Library layers (several layers and embeddings possible). */
        public boolean library() {
            return impl == ModelSpec.Impl.CONCISE;
        }

        /** Gate blocks per layer: 4 for the LSTM, 3 for the GRU, 1 for the RNN. */
        int gates() {
            return cell.gateBlocks();
        }
    }

    /** Largest {@code num_layers} the page accepts. */
    public static final int MAX_NUM_LAYERS = ModelSpec.MAX_LAYERS;

    /** Largest embedding size the page accepts. */
    public static final int MAX_EMBEDDING_SIZE = 1024;

    /** The model to build. */
    public ModelSpec spec() {
        return implementation.library()
                ? ModelSpec.concise(implementation.cell(), numLayers, embeddingSize)
                : ModelSpec.scratch();
    }

    /** Implementation, layers and embedding size: what the size estimates need besides the sizes. */
    record Arch(Implementation implementation, int numLayers, int embeddingSize) {
        static final Arch SCRATCH = new Arch(Implementation.SCRATCH, 1, 0);

        int gates() {
            return implementation.gates();
        }
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
        NUM_HIDDENS,
        NUM_LAYERS,
        EMBEDDING
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
        return check(batchSize, numSteps, numHiddens, Implementation.SCRATCH, 1, 0, corpusLength, vocabSize);
    }

    /**
     * As {@link #check(Integer, Integer, Integer, int, int)} for any implementation: for library
     * layers {@code num_layers} must be from 1 to
     * {@link #MAX_NUM_LAYERS} and the embedding size from 0 (one-hot) to {@link #MAX_EMBEDDING_SIZE};
     * the limits count every layer's parameters and activations, a GRU's three and an LSTM's four
     * gates included. For
     * the from-scratch model the layers and the embedding size are ignored.
     */
    public static List<Problem> check(
            Integer batchSize,
            Integer numSteps,
            Integer numHiddens,
            Implementation implementation,
            Integer numLayers,
            Integer embeddingSize,
            int corpusLength,
            int vocabSize) {
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
        Arch arch = library ? new Arch(implementation, numLayers, embeddingSize) : Arch.SCRATCH;
        long parameters = parameterCount(arch, vocabSize, numHiddens);
        if (parameters > MAX_PARAMETERS) {
            Problem problem = Problem.of(
                    Field.NUM_HIDDENS,
                    "shapes.problem.tooManyParameters",
                    parameters,
                    MAX_PARAMETERS,
                    maxNumHiddens(arch, vocabSize),
                    vocabSize);
            problems.add(problem);
            if (library && numLayers > 1) {
                problems.add(new Problem(Field.NUM_LAYERS, problem.key(), problem.args()));
            }
            if (library && embeddingSize > 0) {
                problems.add(new Problem(Field.EMBEDDING, problem.key(), problem.args()));
            }
        }
        long activations = activationFloats(arch, batchSize, numSteps, vocabSize, numHiddens);
        if (activations > MAX_ACTIVATION_FLOATS) {
            // batch_size <= N, so N (perRow + perState) bounds the estimate from above
            long maxRows = MAX_ACTIVATION_FLOATS
                    / (perRowFloats(arch, vocabSize, numHiddens) + stateFloatsPerRow(arch, numHiddens));
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
        return parameterCount(Arch.SCRATCH, vocabSize, numHiddens);
    }

    /**
     * Scalars of the model for {@code arch}: the embedding table {@code V D} (if any), per recurrent
     * layer {@code g (in h + h h + h)} with {@code g} = 4 gates for an LSTM, 3 for a GRU (else 1) and {@code in} =
     * {@code V}, {@code D} or {@code h} (layers above the first), then the output layer {@code h V +
     * V}. For the from-scratch model this is {@code V h + h h + h + h V + V}.
     */
    static long parameterCount(Arch arch, long vocabSize, long numHiddens) {
        long h = numHiddens;
        long d = arch.embeddingSize();
        long n = d > 0 ? vocabSize * d : 0;
        long in = d > 0 ? d : vocabSize;
        for (int l = 0; l < arch.numLayers(); l++) {
            n += arch.gates() * (in * h + h * h + h);
            in = h;
        }
        return n + h * vocabSize + vocabSize;
    }

    /** The largest {@code num_hiddens} whose model stays within {@link #MAX_PARAMETERS}, at least 0. */
    static int maxNumHiddens(int vocabSize) {
        return maxNumHiddens(Arch.SCRATCH, vocabSize);
    }

    /** As {@link #maxNumHiddens(int)} for {@code arch}: the count grows with {@code h}, so bisect. */
    static int maxNumHiddens(Arch arch, int vocabSize) {
        int lo = 0, hi = MAX_NUM_HIDDENS; // invariant: lo fits (or is 0), everything above hi does not
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (parameterCount(arch, vocabSize, mid) <= MAX_PARAMETERS) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * About how many numbers one traced forward pass holds besides the parameters and their
     * gradients, with {@code N = batch_size * num_steps}: the inputs {@code X} (N) and their one-hot
     * encoding (N V), the hidden states {@code H_0..H_T} ((N + B) h), and the model's per-minibatch
     * buffers: logits, log-probabilities, one-hot labels and their gradient (4 N V), and two
     * [N, h] buffers for backpropagation (2 N h).
     */
    static long activationFloats(long batchSize, long numSteps, long vocabSize, long numHiddens) {
        return activationFloats(Arch.SCRATCH, batchSize, numSteps, vocabSize, numHiddens);
    }

    /**
     * As {@link #activationFloats(long, long, long, long)} for {@code arch}. Library layers: per row
     * of the minibatch {@code X} (1), the input (one-hot V or embedding D), every layer's output and,
     * for an LSTM its four gate activations and its cell state, for a GRU its three gates and {@code
     * H_{t-1} W_hh} ({@code 5 h} per layer instead of {@code h}), the top layer copied time-major and the logits ({@code h + V}), with the same
     * 4 V + 2 h buffers as the from-scratch model; and the states {@code H_0}, {@code H_T} (and
     * {@code C_0}, {@code C_T}) of every layer.
     */
    static long activationFloats(Arch arch, long batchSize, long numSteps, long vocabSize, long numHiddens) {
        long n = batchSize * numSteps;
        return n * perRowFloats(arch, vocabSize, numHiddens) + batchSize * stateFloatsPerRow(arch, numHiddens);
    }

    /**
     * About how many multiply-adds one forward pass takes, {@code N (h h + h V)} with {@code N =
     * batch_size * num_steps}: the products {@code H_{t-1} W_hh} and {@code H_t W_hq} over all steps
     * ({@code X_t W_xh} is a row lookup). Library layers multiply every layer's input too (DL4J
     * multiplies the one-hot vectors; an embedding is a lookup), {@code 4} times for an LSTM's gates, {@code 3} times for a GRU's.
     * The page warns that a large pass takes a few seconds.
     */
    public long forwardMultiplyAdds(int vocabSize) {
        long n = (long) batchSize * numSteps;
        long h = numHiddens;
        if (!implementation.library()) {
            return n * (h * h + h * vocabSize);
        }
        long perRow = h * vocabSize;
        long in = embeddingSize > 0 ? embeddingSize : vocabSize;
        for (int l = 0; l < numLayers; l++) {
            perRow += implementation.gates() * (in * h + h * h);
            in = h;
        }
        return n * perRow;
    }

    private static long perRowFloats(Arch arch, long vocabSize, long numHiddens) {
        if (!arch.implementation().library()) {
            return 1 + 5 * vocabSize + 3 * numHiddens;
        }
        long input = arch.embeddingSize() > 0 ? arch.embeddingSize() : vocabSize;
        long perLayer = arch.gates() > 1 ? 5 * numHiddens : numHiddens;
        return 1 + input + arch.numLayers() * perLayer + 3 * numHiddens + 5 * vocabSize;
    }

    /** State numbers per row of the minibatch: {@code h} (scratch), else 2 L h per state tensor. */
    private static long stateFloatsPerRow(Arch arch, long numHiddens) {
        if (!arch.implementation().library()) {
            return numHiddens;
        }
        return 2L * arch.numLayers() * arch.implementation().cell().stateTensors() * numHiddens;
    }
}
