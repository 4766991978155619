package org.rnnplayground.model.budget;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.rnnplayground.model.Footprint;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.concise.ModelSpec;

/**
 * One compute budget for every model the server builds, checked before any work starts: a
 * training run, the Shapes page's traced forward pass, generation from a trained model, and the
 * Sequence page's fits. The estimates come from the models themselves ({@link ModelSpec#footprint},
 * {@code FitConfig.cost}); each check names what the work needs, the limit and what to reduce.
 *
 * <p>The defaults keep a class of 30 on a 2-core, 24 GB machine safe: at most two runs train at
 * once (one per core) and two Shapes traces run at once, so training and traces together hold at
 * most about 1.5 GB of ND4J's native memory and Java arrays besides the finished runs' models,
 * well inside a JVM heap of a few GB plus the same again off-heap.
 *
 * @param runBytes memory of one training run: the model, its gradients and one step's buffers
 * @param stepMultiplyAdds multiply-adds of one training step (forward and backward over a minibatch)
 * @param traceBytes memory of one traced forward pass on the Shapes page, model included
 * @param traceMultiplyAdds multiply-adds of one traced forward pass
 * @param generationLength tokens one generation feeds and predicts (prefix and predictions)
 * @param generationMultiplyAdds multiply-adds of one generation
 * @param sequenceBytes memory of one fit on the Sequence page
 * @param sequenceMultiplyAdds multiply-adds of one fit on the Sequence page (training and predictions)
 * @param keptModelsBytes memory of the trained models kept for generation, all finished runs of all
 *     users together; beyond it the oldest finished runs' models are released (their curves and
 *     samples stay)
 */
public record ComputeBudget(
        long runBytes,
        long stepMultiplyAdds,
        long traceBytes,
        long traceMultiplyAdds,
        int generationLength,
        long generationMultiplyAdds,
        long sequenceBytes,
        long sequenceMultiplyAdds,
        long keptModelsBytes) {

    static final long MB = 1024L * 1024;

    /** 512 MB and 20 billion multiply-adds per training step (a few seconds on one core). */
    public static final long DEFAULT_RUN_MB = 512;

    public static final long DEFAULT_STEP_MULTIPLY_ADDS = 20_000_000_000L;
    public static final long DEFAULT_TRACE_MB = 512;
    /** The Shapes page's book model with 4096 hidden units takes about 19 billion: refused. */
    public static final long DEFAULT_TRACE_MULTIPLY_ADDS = 4_000_000_000L;

    public static final int DEFAULT_GENERATION_LENGTH = 2000;
    public static final long DEFAULT_GENERATION_MULTIPLY_ADDS = 5_000_000_000L;
    public static final long DEFAULT_SEQUENCE_MB = 256;
    public static final long DEFAULT_SEQUENCE_MULTIPLY_ADDS = 20_000_000_000L;
    /** 30 students with a few finished runs of the book's size each need well under 100 MB. */
    public static final long DEFAULT_KEPT_MODELS_MB = 2048;

    public ComputeBudget {
        if (runBytes < 1
                || stepMultiplyAdds < 1
                || traceBytes < 1
                || traceMultiplyAdds < 1
                || generationLength < 1
                || generationMultiplyAdds < 1
                || sequenceBytes < 1
                || sequenceMultiplyAdds < 1
                || keptModelsBytes < 1) {
            throw new IllegalArgumentException("every limit of the compute budget must be positive, got " + this);
        }
    }

    /** The defaults above. */
    public static ComputeBudget defaults() {
        return new ComputeBudget(
                DEFAULT_RUN_MB * MB,
                DEFAULT_STEP_MULTIPLY_ADDS,
                DEFAULT_TRACE_MB * MB,
                DEFAULT_TRACE_MULTIPLY_ADDS,
                DEFAULT_GENERATION_LENGTH,
                DEFAULT_GENERATION_MULTIPLY_ADDS,
                DEFAULT_SEQUENCE_MB * MB,
                DEFAULT_SEQUENCE_MULTIPLY_ADDS,
                DEFAULT_KEPT_MODELS_MB * MB);
    }

    /**
     * Whether a training run fits: its memory, its step's multiply-adds, and the samples it
     * generates while training (prefix and predictions).
     */
    public Optional<BudgetProblem> checkTraining(ModelSpec model, int vocabSize, TrainConfig config) {
        Sizes sizes = new Sizes(
                model, vocabSize, config.numHiddens(), config.batchSize(), config.numSteps(), config.precision());
        Footprint f = sizes.footprint();
        if (f.trainingTotalBytes() > runBytes) {
            return Optional.of(sizes.memoryProblem(
                    "budget.training.memory", Footprint::trainingTotalBytes, f.trainingTotalBytes(), runBytes));
        }
        if (f.trainingStepMultiplyAdds() > stepMultiplyAdds) {
            return Optional.of(sizes.computeProblem(
                    "budget.training.compute",
                    Footprint::trainingStepMultiplyAdds,
                    f.trainingStepMultiplyAdds(),
                    stepMultiplyAdds));
        }
        if (config.sampleEvery() > 0) {
            return checkGeneration(
                    f, config.prefix().codePointCount(0, config.prefix().length()), config.numPreds());
        }
        return Optional.empty();
    }

    /** Whether one traced forward pass fits (the Shapes page builds the model in float32). */
    public Optional<BudgetProblem> checkTrace(
            ModelSpec model, int vocabSize, int numHiddens, int batchSize, int numSteps) {
        Sizes sizes = new Sizes(model, vocabSize, numHiddens, batchSize, numSteps, TrainConfig.Precision.FLOAT32);
        Footprint f = sizes.footprint();
        if (f.traceTotalBytes() > traceBytes) {
            return Optional.of(sizes.memoryProblem(
                    "budget.trace.memory", Footprint::traceTotalBytes, f.traceTotalBytes(), traceBytes));
        }
        if (f.forwardMultiplyAdds() > traceMultiplyAdds) {
            return Optional.of(sizes.computeProblem(
                    "budget.trace.compute",
                    Footprint::forwardMultiplyAdds,
                    f.forwardMultiplyAdds(),
                    traceMultiplyAdds));
        }
        return Optional.empty();
    }

    /**
     * Whether generating fits: {@code prefixTokens} fed and {@code length} predicted, one row at a
     * time, with a model of footprint {@code f}.
     */
    public Optional<BudgetProblem> checkGeneration(Footprint f, int prefixTokens, int length) {
        long tokens = (long) prefixTokens + length;
        if (tokens > generationLength) {
            return Optional.of(new BudgetProblem(
                    "budget.generation.length",
                    List.of(prefixTokens, length, generationLength),
                    "budget.reduce.generation",
                    tokens,
                    generationLength));
        }
        long multiplyAdds = f.generationMultiplyAdds(tokens);
        if (multiplyAdds > generationMultiplyAdds) {
            return Optional.of(new BudgetProblem(
                    "budget.generation.compute",
                    List.of(tokens, billions(multiplyAdds), billions(generationMultiplyAdds)),
                    "budget.reduce.generation",
                    multiplyAdds,
                    generationMultiplyAdds));
        }
        return Optional.empty();
    }

    /**
     * Whether a fit on the Sequence page fits, by its estimate ({@code FitConfig.cost}).
     *
     * @param bytes memory the fit holds at once
     * @param multiplyAdds multiply-adds of training and predicting
     * @param length the series' {@code T}; with {@code tau} and {@code numHiddens}, named when the
     *     memory is too much
     * @param epochs with {@code nTrain}, named when the multiply-adds are too many
     */
    public Optional<BudgetProblem> checkSequence(
            long bytes, long multiplyAdds, int length, int tau, int numHiddens, int epochs, int nTrain) {
        if (bytes > sequenceBytes) {
            return Optional.of(new BudgetProblem(
                    "budget.sequence.memory",
                    List.of(length, tau, numHiddens, size(bytes), size(sequenceBytes)),
                    "budget.reduce.sequenceMemory",
                    bytes,
                    sequenceBytes));
        }
        if (multiplyAdds > sequenceMultiplyAdds) {
            return Optional.of(new BudgetProblem(
                    "budget.sequence.compute",
                    List.of(epochs, nTrain, billions(multiplyAdds), billions(sequenceMultiplyAdds)),
                    "budget.reduce.sequenceCompute",
                    multiplyAdds,
                    sequenceMultiplyAdds));
        }
        return Optional.empty();
    }

    /** A byte count as people read it: {@code 840 KB}, {@code 512 MB}, {@code 1.6 GB}. */
    public static String size(long bytes) {
        if (bytes < MB) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        if (bytes < 1024 * MB) {
            return Math.round(bytes / (double) MB) + " MB";
        }
        double gb = bytes / (1024.0 * MB);
        return (gb < 10 ? String.format(Locale.ROOT, "%.1f", gb) : String.format(Locale.ROOT, "%,.0f", gb)) + " GB";
    }

    /** Multiply-adds in billions, for {@code {n,number,#.#}} in the messages. */
    static double billions(long multiplyAdds) {
        return multiplyAdds / 1e9;
    }

    /** The sizes of a model, and what halving each would save. */
    private record Sizes(
            ModelSpec model,
            int vocabSize,
            int numHiddens,
            int batchSize,
            int numSteps,
            TrainConfig.Precision precision) {

        Footprint footprint() {
            return model.footprint(vocabSize, numHiddens, batchSize, numSteps, precision);
        }

        BudgetProblem memoryProblem(String key, ToLongFunction<Footprint> cost, long needed, long limit) {
            return new BudgetProblem(
                    key, List.of(vocabSize, numHiddens, size(needed), size(limit)), hint(cost), needed, limit);
        }

        BudgetProblem computeProblem(String key, ToLongFunction<Footprint> cost, long needed, long limit) {
            return new BudgetProblem(
                    key, List.of(vocabSize, numHiddens, billions(needed), billions(limit)), hint(cost), needed, limit);
        }

        /**
         * What to reduce: the size whose halving saves the most of {@code cost}, the vocabulary
         * (raise min_freq, or characters instead of words), the hidden units (or layers), or the
         * minibatch.
         */
        private String hint(ToLongFunction<Footprint> cost) {
            long vocab = cost.applyAsLong(
                    model.footprint(Math.max(1, vocabSize / 2), numHiddens, batchSize, numSteps, precision));
            long hidden = cost.applyAsLong(
                    model.footprint(vocabSize, Math.max(1, numHiddens / 2), batchSize, numSteps, precision));
            long batch = cost.applyAsLong(model.footprint(
                    vocabSize, numHiddens, Math.max(1, batchSize / 2), Math.max(1, numSteps), precision));
            if (vocab <= hidden && vocab <= batch) {
                return "budget.reduce.vocab";
            }
            return hidden <= batch ? "budget.reduce.hidden" : "budget.reduce.batch";
        }
    }
}
