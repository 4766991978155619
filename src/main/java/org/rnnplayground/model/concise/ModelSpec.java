package org.rnnplayground.model.concise;

import java.util.ArrayList;
import java.util.List;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.Footprint;
import org.rnnplayground.model.ScratchRnn;
import org.rnnplayground.model.TrainConfig;

/**
 * Which model to build and its architecture beyond {@link TrainConfig}: the from-scratch RNN of d2l
 * 8.5, or library layers (d2l 8.6 and beyond). It knows what it costs before it is built ({@link
 * #footprint}).
 *
 * @param implementation from scratch or which library layer (and so the cell)
 * @param numLayers stacked recurrent layers, 1 to {@value #MAX_LAYERS} (from scratch: 1)
 * @param embeddingSize 0 for one-hot inputs (the book), else the size of a learned embedding
 *     (exercise 8.5.2; library layers only), at most {@value #MAX_EMBEDDING_SIZE}
 */
public record ModelSpec(Implementation implementation, int numLayers, int embeddingSize) {

    /** The most stacked layers offered. */
    public static final int MAX_LAYERS = 4;

    /** The largest embedding size offered. */
    public static final int MAX_EMBEDDING_SIZE = 1024;

    public ModelSpec {
        List<String> problems = new ArrayList<>();
        if (implementation == null) {
            throw new IllegalArgumentException("the implementation is required");
        }
        if (numLayers < 1 || numLayers > MAX_LAYERS) {
            problems.add("num_layers must be between 1 and " + MAX_LAYERS + ", got " + numLayers);
        }
        if (embeddingSize < 0 || embeddingSize > MAX_EMBEDDING_SIZE) {
            problems.add(
                    "the embedding size must be 0 (one-hot) or up to " + MAX_EMBEDDING_SIZE + ", got " + embeddingSize);
        }
        if (!implementation.library() && (numLayers != 1 || embeddingSize != 0)) {
            problems.add("the from-scratch model is one RNN layer with one-hot inputs; use library layers for "
                    + numLayers + " layer(s), embedding " + embeddingSize);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The recurrent cell. */
    public CellType cell() {
        return implementation.cell();
    }

    /** The book's from-scratch RNN (d2l 8.5). */
    public static ModelSpec scratch() {
        return new ModelSpec(Implementation.SCRATCH, 1, 0);
    }

    /** Library layers; {@code concise(RNN, 1, 0)} is the book's 8.6 model. */
    public static ModelSpec concise(CellType cell, int numLayers, int embeddingSize) {
        return new ModelSpec(Implementation.of(true, cell), numLayers, embeddingSize);
    }

    /**
     * What this model costs for these sizes and precision, before anything is built: parameters
     * (exactly as the built model reports them), memory and multiply-adds (see {@link Footprint}).
     */
    public Footprint footprint(
            int vocabSize, int numHiddens, int batchSize, int numSteps, TrainConfig.Precision precision) {
        if (!implementation.library()) {
            return ScratchRnn.footprint(vocabSize, numHiddens, batchSize, numSteps, precision);
        }
        return ConciseRnn.footprint(
                vocabSize, numHiddens, cell(), numLayers, embeddingSize, batchSize, numSteps, precision);
    }

    /** As {@link #footprint(int, int, int, int, TrainConfig.Precision)} for a training configuration. */
    public Footprint footprint(int vocabSize, TrainConfig config) {
        return footprint(vocabSize, config.numHiddens(), config.batchSize(), config.numSteps(), config.precision());
    }

    /**
     * A fresh model for {@code config} (hidden units, activation, precision, seed) over a vocabulary
     * of {@code vocabSize} tokens.
     */
    public CharModel newModel(int vocabSize, TrainConfig config) {
        if (!implementation.library()) {
            return config.newScratchModel(vocabSize);
        }
        return ConciseRnn.create(new ConciseRnn.Architecture(
                vocabSize,
                config.numHiddens(),
                cell(),
                numLayers,
                embeddingSize,
                config.activation(),
                config.precision().dataType(),
                config.seed()));
    }
}
