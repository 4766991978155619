package org.rnnplayground.model;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.rnnplayground.sampling.SamplerKind;

/**
 * Everything one training run of the from-scratch RNN needs besides the text (d2l 8.5.5).
 *
 * @param numHiddens hidden units, at least 1
 * @param batchSize rows per minibatch, at least 1
 * @param numSteps time steps per minibatch, at least 1
 * @param numEpochs epochs to run, at least 1
 * @param hyper learning rate and clipping
 * @param sampler random sampling (fresh zero state per minibatch) or sequential partitioning (state
 *     carried, gradient cut at minibatch boundaries)
 * @param activation the hidden nonlinearity
 * @param precision float32 (default) or float64
 * @param seed seeds the initial parameters, the sampler's offsets and shuffles, and sampled
 *     generation
 * @param sampleEvery generate a sample every this many epochs (and after the last); 0 for never
 * @param prefix the generation prefix, e.g. {@code time traveller}
 * @param numPreds tokens to generate after the prefix
 * @param decoding how samples pick tokens
 */
public record TrainConfig(
        int numHiddens,
        int batchSize,
        int numSteps,
        int numEpochs,
        TrainHyper hyper,
        SamplerKind sampler,
        Activation activation,
        Precision precision,
        long seed,
        int sampleEvery,
        String prefix,
        int numPreds,
        Decoding decoding) {

    /** Floating-point precision of parameters and activations. */
    public enum Precision {
        FLOAT32(DataType.FLOAT),
        FLOAT64(DataType.DOUBLE);

        private final DataType dataType;

        Precision(DataType dataType) {
            this.dataType = dataType;
        }

        public DataType dataType() {
            return dataType;
        }
    }

    public TrainConfig {
        List<String> problems = new ArrayList<>();
        if (numHiddens < 1) problems.add("num_hiddens must be at least 1, got " + numHiddens);
        if (batchSize < 1) problems.add("batch_size must be at least 1, got " + batchSize);
        if (numSteps < 1) problems.add("num_steps must be at least 1, got " + numSteps);
        if (numEpochs < 1) problems.add("num_epochs must be at least 1, got " + numEpochs);
        if (sampleEvery < 0) problems.add("sampleEvery must be 0 (never) or positive, got " + sampleEvery);
        if (numPreds < 0) problems.add("numPreds must be >= 0, got " + numPreds);
        if (sampleEvery > 0 && (prefix == null || prefix.isEmpty())) {
            problems.add("a generation prefix needs at least one character");
        }
        if (hyper == null || sampler == null || activation == null || precision == null || decoding == null) {
            problems.add("hyper, sampler, activation, precision and decoding are required");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * The book's run (d2l 8.5.5): 512 hidden units, batch 32, 35 steps, lr 1, theta 1, 500 epochs,
     * sequential partitioning, tanh, float32, seed 0, a greedy sample of 50 tokens after
     * {@code time traveller} every 10 epochs.
     */
    public static TrainConfig book() {
        return new TrainConfig(
                512,
                32,
                35,
                500,
                TrainHyper.clipped(1, 1),
                SamplerKind.SEQUENTIAL,
                Activation.TANH,
                Precision.FLOAT32,
                0L,
                10,
                "time traveller",
                50,
                Decoding.greedyArgmax());
    }

    public TrainConfig withNumHiddens(int v) {
        return new TrainConfig(
                v,
                batchSize,
                numSteps,
                numEpochs,
                hyper,
                sampler,
                activation,
                precision,
                seed,
                sampleEvery,
                prefix,
                numPreds,
                decoding);
    }

    public TrainConfig withNumEpochs(int v) {
        return new TrainConfig(
                numHiddens,
                batchSize,
                numSteps,
                v,
                hyper,
                sampler,
                activation,
                precision,
                seed,
                sampleEvery,
                prefix,
                numPreds,
                decoding);
    }

    public TrainConfig withHyper(TrainHyper v) {
        return new TrainConfig(
                numHiddens,
                batchSize,
                numSteps,
                numEpochs,
                v,
                sampler,
                activation,
                precision,
                seed,
                sampleEvery,
                prefix,
                numPreds,
                decoding);
    }

    public TrainConfig withSampler(SamplerKind v) {
        return new TrainConfig(
                numHiddens,
                batchSize,
                numSteps,
                numEpochs,
                hyper,
                v,
                activation,
                precision,
                seed,
                sampleEvery,
                prefix,
                numPreds,
                decoding);
    }

    public TrainConfig withBatch(int newBatchSize, int newNumSteps) {
        return new TrainConfig(
                numHiddens,
                newBatchSize,
                newNumSteps,
                numEpochs,
                hyper,
                sampler,
                activation,
                precision,
                seed,
                sampleEvery,
                prefix,
                numPreds,
                decoding);
    }

    public TrainConfig withActivation(Activation v) {
        return new TrainConfig(
                numHiddens,
                batchSize,
                numSteps,
                numEpochs,
                hyper,
                sampler,
                v,
                precision,
                seed,
                sampleEvery,
                prefix,
                numPreds,
                decoding);
    }

    public TrainConfig withSeed(long v) {
        return new TrainConfig(
                numHiddens,
                batchSize,
                numSteps,
                numEpochs,
                hyper,
                sampler,
                activation,
                precision,
                v,
                sampleEvery,
                prefix,
                numPreds,
                decoding);
    }

    public TrainConfig withSamples(int every, String newPrefix, int newNumPreds, Decoding newDecoding) {
        return new TrainConfig(
                numHiddens,
                batchSize,
                numSteps,
                numEpochs,
                hyper,
                sampler,
                activation,
                precision,
                seed,
                every,
                newPrefix,
                newNumPreds,
                newDecoding);
    }

    /** A fresh from-scratch model for this configuration, initialised from {@link #seed()}. */
    public ScratchRnn newScratchModel(int vocabSize) {
        return ScratchRnn.create(vocabSize, numHiddens, activation, precision.dataType(), seed);
    }
}
