package org.rnnplayground.sampling.ui;

import java.util.concurrent.CompletableFuture;
import org.rnnplayground.sampling.Coverage;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.sampling.Samplers;
import org.rnnplayground.work.BoundedExecutors;
import org.rnnplayground.work.BoundedPool;
import org.rnnplayground.work.WorkKind;
import org.springframework.stereotype.Service;

/**
 * Counts coverage over many epochs off the request thread: a whole corpus over a thousand epochs
 * takes a few hundred milliseconds, on the bounded pool of {@link WorkKind#COVERAGE}.
 */
@Service
public class CoverageService {

    /** Most epochs one request may count. */
    public static final int MAX_EPOCHS = 1000;

    /**
     * Coverage of both methods for the same settings and seed.
     *
     * @param random random sampling
     * @param sequential sequential partitioning
     */
    public record Both(Coverage random, Coverage sequential) {}

    private final BoundedPool pool;

    public CoverageService(BoundedExecutors executors) {
        this.pool = executors.pool(WorkKind.COVERAGE);
    }

    /**
     * Counts, in the background, how often each position is an input over {@code epochs} epochs of
     * each method, each drawn from its own {@code Samplers.rng(seed)}. The future fails with a
     * {@link org.rnnplayground.work.ServerBusyException} when the pool is full.
     */
    public CompletableFuture<Both> count(int corpusLength, int batchSize, int numSteps, int epochs, long seed) {
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be between 1 and " + MAX_EPOCHS + ", was " + epochs);
        }
        return pool.supply(() -> new Both(
                Samplers.coverageStats(SamplerKind.RANDOM, corpusLength, batchSize, numSteps, epochs, seed),
                Samplers.coverageStats(SamplerKind.SEQUENTIAL, corpusLength, batchSize, numSteps, epochs, seed)));
    }
}
