package org.rnnplayground.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.rnnplayground.model.TrainOutcome.Status;
import org.rnnplayground.sampling.Minibatch;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.sampling.Samplers;
import org.rnnplayground.text.TokenCodec;

/**
 * The book's training loop ({@code train_ch8} and {@code train_epoch_ch8}, d2l 8.5.5) for any
 * {@link CharModel}, meant to run on a worker thread: it reports each epoch to a listener, stops
 * cleanly on divergence, and checks for cancellation before every minibatch.
 */
public final class Trainer {

    /** A perplexity above this counts as overflow (divergence). */
    public static final double MAX_PERPLEXITY = 1e9;

    /** Training time between two progress reports inside an epoch (a quarter of a second). */
    public static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

    /** The run's first minibatches each report, so that the start of the curve is drawn in full. */
    public static final int PROGRESS_EVERY_MINIBATCH_FIRST = 32;

    private final LongSupplier nanoTime;
    private final SpareCores cores;

    /**
     * A trainer that runs each step on its own thread only.
     *
     * @param nanoTime the clock for throughput and elapsed time, e.g. {@code System::nanoTime}
     */
    public Trainer(LongSupplier nanoTime) {
        this(nanoTime, SpareCores.NONE);
    }

    /**
     * @param nanoTime the clock for throughput and elapsed time, e.g. {@code System::nanoTime}
     * @param cores lends each step a second thread when a core is free ({@link
     *     CharModel#trainStep(int[][], int[][], State, TrainHyper, Lane)}); the run counts itself in
     *     while it trains
     */
    public Trainer(LongSupplier nanoTime, SpareCores cores) {
        this.nanoTime = nanoTime;
        this.cores = cores;
    }

    /**
     * Trains {@code model} on {@code corpus} for {@code config.numEpochs()} epochs.
     *
     * @param corpus token indices of the whole training text, [corpus_length]
     * @param codec reads generation prefixes and writes generated tokens as the text does
     * @param cancelled polled before every minibatch; when it turns true the run stops within one
     *     minibatch and the partial epoch is discarded
     */
    public TrainOutcome run(
            CharModel model,
            TrainConfig config,
            int[] corpus,
            TokenCodec codec,
            TrainListener listener,
            BooleanSupplier cancelled) {
        return run(model, config, corpus, codec, listener, cancelled, null);
    }

    /**
     * As {@link #run(CharModel, TrainConfig, int[], TokenCodec, TrainListener, BooleanSupplier)},
     * going on from a checkpoint: the model takes its parameters, the sampler's generator skips the
     * epochs done, and training starts with the next epoch (the reports cover only the epochs
     * trained now).
     *
     * @param resume where to pick up, or null to start from the model as it is
     */
    public TrainOutcome run(
            CharModel model,
            TrainConfig config,
            int[] corpus,
            TokenCodec codec,
            TrainListener listener,
            BooleanSupplier cancelled,
            Resume resume) {
        OpenBlas.load();
        cores.enter();
        try {
            RandomGenerator samplerRng = Samplers.rng(config.seed());
            int firstEpoch = 1;
            if (resume != null) {
                model.loadParameters(resume.parameters());
                for (int e = 1; e <= resume.epochsDone(); e++) {
                    // the same draws as the epochs done, so the next epoch gets the same offset and order
                    Samplers.epoch(config.sampler(), corpus, config.batchSize(), config.numSteps(), samplerRng);
                }
                firstEpoch = resume.epochsDone() + 1;
            }
            List<EpochReport> reports = new ArrayList<>();
            long start = nanoTime.getAsLong();
            long lastProgress = start;
            int steps = 0; // minibatches trained in this run
            for (int epoch = firstEpoch; epoch <= config.numEpochs(); epoch++) {
                List<Minibatch> batches = Samplers.epoch(
                                config.sampler(), corpus, config.batchSize(), config.numSteps(), samplerRng)
                        .minibatches();
                if (batches.isEmpty()) {
                    return new TrainOutcome(
                            Status.COMPLETED,
                            reports,
                            0,
                            "the corpus of " + corpus.length
                                    + " tokens is too short for one minibatch of batch_size " + config.batchSize()
                                    + " and num_steps " + config.numSteps());
                }
                EpochStats stats = new EpochStats(nanoTime.getAsLong());
                State state = null;
                for (int b = 0; b < batches.size(); b++) {
                    Minibatch mb = batches.get(b);
                    if (cancelled.getAsBoolean()) {
                        return new TrainOutcome(Status.CANCELLED, reports, 0, "cancelled in epoch " + epoch);
                    }
                    boolean fresh = state == null || config.sampler() == SamplerKind.RANDOM;
                    // sequential: carry the values of H, but the model treats them as constants (detach)
                    State in = fresh ? model.beginState(mb.batchSize()) : state;
                    StepResult r = cores.withLane(lane -> model.trainStep(mb.x(), mb.y(), in, config.hyper(), lane));
                    double epochs = epoch - 1 + (b + 1.0) / batches.size();
                    long now = nanoTime.getAsLong();
                    if (!r.finite()) {
                        listener.onProgress(stats.overflow(epochs, r.gradNorm(), now, start));
                        return diverged(
                                reports,
                                epoch,
                                "the loss became " + r.loss() + " (gradient norm " + r.gradNorm() + ") in epoch "
                                        + epoch);
                    }
                    stats.add(r);
                    state = r.state();
                    listener.afterStep(model);
                    boolean last = b == batches.size() - 1;
                    steps++;
                    if (last
                            || steps <= PROGRESS_EVERY_MINIBATCH_FIRST
                            || now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
                        TrainProgress progress = stats.progress(epochs, r.gradNorm(), now, start);
                        if (last && !(progress.perplexity() <= MAX_PERPLEXITY)) {
                            listener.onProgress(stats.overflow(epochs, r.gradNorm(), now, start));
                            return diverged(
                                    reports,
                                    epoch,
                                    "the perplexity overflowed (" + progress.perplexity() + ") in epoch " + epoch);
                        }
                        listener.onProgress(progress);
                        lastProgress = now;
                    }
                }
                long now = nanoTime.getAsLong();
                EpochReport report = stats.report(epoch, now, start);
                reports.add(report);
                listener.onEpoch(report);
                boolean sampleNow =
                        config.sampleEvery() > 0 && (epoch % config.sampleEvery() == 0 || epoch == config.numEpochs());
                if (sampleNow) {
                    Decoding decoding = config.decoding().greedy()
                            ? config.decoding()
                            : Decoding.sampling(
                                    config.decoding().temperature(),
                                    config.decoding().seed() + epoch);
                    listener.onSample(
                            epoch, Generator.generate(model, codec, config.prefix(), config.numPreds(), decoding));
                }
                listener.atEpochEnd(epoch, model);
            }
            return new TrainOutcome(Status.COMPLETED, reports, 0, "trained " + config.numEpochs() + " epochs");
        } finally {
            cores.leave();
        }
    }

    private static TrainOutcome diverged(List<EpochReport> reports, int epoch, String why) {
        return new TrainOutcome(Status.DIVERGED, reports, epoch, "diverged: " + why);
    }

    /** Running sums over one epoch's minibatches. */
    private static final class EpochStats {
        private final long start;
        private double lossSum; // sum of loss * tokens, as d2l's metric.add(l * y.numel(), y.numel())
        private long tokens;
        private int minibatches;
        private int clipped;
        private double normSum;
        private double normMax;

        EpochStats(long start) {
            this.start = start;
        }

        void add(StepResult r) {
            lossSum += r.loss() * r.tokens();
            tokens += r.tokens();
            minibatches++;
            clipped += r.clipped() ? 1 : 0;
            normSum += r.gradNorm();
            normMax = Math.max(normMax, r.gradNorm());
        }

        /** The running figures of this epoch after its latest minibatch. */
        TrainProgress progress(double epochs, double gradNorm, long now, long runStart) {
            return new TrainProgress(
                    epochs,
                    Math.exp(lossSum / tokens),
                    tokens / (Math.max(1, now - start) / 1e9),
                    gradNorm,
                    Duration.ofNanos(now - runStart),
                    false);
        }

        /** The point where the loss overflowed. */
        TrainProgress overflow(double epochs, double gradNorm, long now, long runStart) {
            return new TrainProgress(
                    epochs,
                    Double.POSITIVE_INFINITY,
                    tokens / (Math.max(1, now - start) / 1e9),
                    gradNorm,
                    Duration.ofNanos(now - runStart),
                    true);
        }

        EpochReport report(int epoch, long now, long runStart) {
            long nanos = Math.max(1, now - start);
            return new EpochReport(
                    epoch,
                    Math.exp(lossSum / tokens),
                    tokens / (nanos / 1e9),
                    normSum / minibatches,
                    normMax,
                    (double) clipped / minibatches,
                    minibatches,
                    tokens,
                    Duration.ofNanos(nanos),
                    Duration.ofNanos(now - runStart));
        }
    }
}
