package org.rnnplayground.sampling.ui;

import java.util.random.RandomGenerator;
import org.rnnplayground.sampling.EpochLayout;
import org.rnnplayground.sampling.SamplerConfig;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.sampling.Samplers;

/**
 * Both methods' epochs over one corpus, one after another, each method drawing from its own {@code
 * Samplers.rng(seed)}: the first epoch is what d2l's iterator gives on a fresh generator with that
 * seed, {@link #next} draws the following one.
 */
final class MethodEpochs {

    private final int[] corpus;
    private final SamplerConfig config;
    private final long seed;
    private final RandomGenerator rngRandom;
    private final RandomGenerator rngSequential;
    private int epoch;
    private EpochLayout random;
    private EpochLayout sequential;

    /**
     * Draws the first epoch.
     *
     * @param corpus token indices, [corpus_length]; read, never changed
     * @param config fits {@code corpus.length}
     */
    MethodEpochs(int[] corpus, SamplerConfig config, long seed) {
        this.corpus = corpus;
        this.config = config.checkFits(corpus.length);
        this.seed = seed;
        this.rngRandom = Samplers.rng(seed);
        this.rngSequential = Samplers.rng(seed);
        next();
    }

    /** Draws the next epoch of each method. */
    void next() {
        random = Samplers.epoch(SamplerKind.RANDOM, corpus, config.batchSize(), config.numSteps(), rngRandom);
        sequential =
                Samplers.epoch(SamplerKind.SEQUENTIAL, corpus, config.batchSize(), config.numSteps(), rngSequential);
        epoch++;
    }

    /** Whether these epochs are drawn over a corpus of this length with these values. */
    boolean drawnFor(int corpusLength, SamplerConfig otherConfig, long otherSeed) {
        return corpus.length == corpusLength && config.equals(otherConfig) && seed == otherSeed;
    }

    /** The epoch shown, from 1. */
    int epoch() {
        return epoch;
    }

    long seed() {
        return seed;
    }

    int corpusLength() {
        return corpus.length;
    }

    EpochLayout random() {
        return random;
    }

    EpochLayout sequential() {
        return sequential;
    }

    /** Minibatches to step through: the larger of the two methods' counts. */
    int steps() {
        return Math.max(random.numBatches(), sequential.numBatches());
    }
}
