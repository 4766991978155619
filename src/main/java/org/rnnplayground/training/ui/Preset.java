package org.rnnplayground.training.ui;

import org.rnnplayground.model.Activation;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.sampling.SamplerKind;

/**
 * A named set of hyperparameters from the book or its exercises.
 *
 * @param key translation key suffix of its name
 * @param numHiddens hidden units
 * @param batchSize rows per minibatch
 * @param numSteps time steps per minibatch
 * @param lr learning rate
 * @param clip whether to clip gradients
 * @param theta the clipping threshold
 * @param sampler how minibatches are drawn
 * @param epochs epochs to train
 * @param activation hidden nonlinearity
 * @param maxTokens tokens of the text used (d2l's max_tokens), 0 for all
 * @param model from scratch or library layers, with their architecture
 */
record Preset(
        String key,
        int numHiddens,
        int batchSize,
        int numSteps,
        double lr,
        boolean clip,
        double theta,
        SamplerKind sampler,
        int epochs,
        Activation activation,
        int maxTokens,
        ModelSpec model) {

    private static final ModelSpec SCRATCH = ModelSpec.scratch();
    private static final ModelSpec CONCISE_RNN = ModelSpec.concise(CellType.RNN, 1, 0);

    static final Preset BOOK_SEQUENTIAL = new Preset(
            "bookSequential", 512, 32, 35, 1, true, 1, SamplerKind.SEQUENTIAL, 500, Activation.TANH, 10_000, SCRATCH);

    static final java.util.List<Preset> ALL = java.util.List.of(
            BOOK_SEQUENTIAL,
            new Preset(
                    "bookRandom", 512, 32, 35, 1, true, 1, SamplerKind.RANDOM, 500, Activation.TANH, 10_000, SCRATCH),
            new Preset(
                    "noClipping",
                    512,
                    32,
                    35,
                    1,
                    false,
                    1,
                    SamplerKind.SEQUENTIAL,
                    500,
                    Activation.TANH,
                    10_000,
                    SCRATCH),
            new Preset("relu", 512, 32, 35, 1, true, 1, SamplerKind.SEQUENTIAL, 500, Activation.RELU, 10_000, SCRATCH),
            new Preset(
                    "lr10", 512, 32, 35, 10, false, 1, SamplerKind.SEQUENTIAL, 100, Activation.TANH, 10_000, SCRATCH),
            new Preset(
                    "conciseRnn",
                    256,
                    32,
                    35,
                    1,
                    true,
                    1,
                    SamplerKind.SEQUENTIAL,
                    500,
                    Activation.TANH,
                    10_000,
                    CONCISE_RNN),
            new Preset(
                    "conciseGru",
                    256,
                    32,
                    35,
                    1,
                    true,
                    1,
                    SamplerKind.SEQUENTIAL,
                    500,
                    Activation.TANH,
                    10_000,
                    ModelSpec.concise(CellType.GRU, 1, 0)),
            new Preset(
                    "threeLayers",
                    256,
                    32,
                    35,
                    1,
                    true,
                    1,
                    SamplerKind.SEQUENTIAL,
                    500,
                    Activation.TANH,
                    10_000,
                    ModelSpec.concise(CellType.RNN, 3, 0)),
            new Preset(
                    "embedding",
                    256,
                    32,
                    35,
                    1,
                    true,
                    1,
                    SamplerKind.SEQUENTIAL,
                    500,
                    Activation.TANH,
                    10_000,
                    ModelSpec.concise(CellType.RNN, 1, 32)),
            new Preset(
                    "conciseLr10",
                    256,
                    32,
                    35,
                    10,
                    false,
                    1,
                    SamplerKind.SEQUENTIAL,
                    100,
                    Activation.TANH,
                    10_000,
                    CONCISE_RNN),
            new Preset("quick", 128, 32, 35, 1, true, 1, SamplerKind.SEQUENTIAL, 60, Activation.TANH, 10_000, SCRATCH));
}
