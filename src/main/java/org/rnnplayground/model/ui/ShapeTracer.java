package org.rnnplayground.model.ui;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.budget.ComputeBudget;
import org.rnnplayground.sampling.Minibatch;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.sampling.Samplers;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.work.BoundedExecutors;
import org.rnnplayground.work.BoundedPool;
import org.rnnplayground.work.WorkKind;
import org.springframework.stereotype.Service;

/**
 * Runs the Shapes page's forward passes off the request thread: builds the chosen model (from
 * scratch or library layers, {@code ModelSpec.newModel}) for the chosen sizes, takes the first minibatch of sequential partitioning from the learner's corpus and
 * asks the model which tensors it met.
 */
@Service
public class ShapeTracer {

    /** Seeds the sampler's random offset and the initial parameters, shown on the page. */
    public static final long SEED = 0L;

    private final ComputeBudget budget;
    private final BoundedPool executor;

    public ShapeTracer(BoundedExecutors executors, ComputeBudget budget) {
        this.executor = executors.pool(WorkKind.SHAPES);
        this.budget = budget;
    }

    /** The budget each trace must fit, checked again here before any model is built. */
    public ComputeBudget budget() {
        return budget;
    }

    /**
     * Traces one forward pass in the background. Cancelling the future before it starts skips the
     * work.
     *
     * @throws IllegalArgumentException (in the future) when {@link ShapeRequest#check} finds a problem
     * @throws org.rnnplayground.work.ServerBusyException (in the future) when the tracer's pool is full
     */
    public CompletableFuture<ShapeTrace> trace(ProcessedText text, ShapeRequest request) {
        return executor.supply(() -> traceNow(text, request, budget));
    }

    /**
     * Traces one forward pass on the calling thread.
     *
     * @throws IllegalArgumentException when {@link ShapeRequest#check} finds a problem, the budget's
     *     refusal among them
     */
    public static ShapeTrace traceNow(ProcessedText text, ShapeRequest request, ComputeBudget budget) {
        List<ShapeRequest.Problem> problems = ShapeRequest.check(
                request.batchSize(),
                request.numSteps(),
                request.numHiddens(),
                request.implementation(),
                request.numLayers(),
                request.embeddingSize(),
                text.corpusLength(),
                text.vocabSize(),
                budget);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot trace " + request + ": " + problems);
        }
        Iterator<Minibatch> epoch = Samplers.iterator(
                SamplerKind.SEQUENTIAL, text.corpus(), request.batchSize(), request.numSteps(), Samplers.rng(SEED));
        Minibatch first = epoch.next();
        TrainConfig config = TrainConfig.book()
                .withNumHiddens(request.numHiddens())
                .withBatch(request.batchSize(), request.numSteps())
                .withActivation(request.activation())
                .withSeed(SEED);
        CharModel model = request.spec().newModel(text.vocabSize(), config);
        int[] row = first.x()[0];
        return new ShapeTrace(
                request,
                model.vocabSize(),
                SEED,
                first.rowStarts()[0],
                row,
                text.vocab().decode(row),
                model.traceShapes(first.x()),
                model.parameterCount());
    }
}
