package org.rnnplayground.model.concise;

import java.util.ArrayList;
import java.util.List;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.TrainConfig;

/**
 * Which implementation of the character model to build, and its architecture beyond {@link
 * TrainConfig}: the from-scratch RNN of d2l 8.5, or library layers (d2l 8.6 and beyond).
 *
 * @param impl from scratch or DL4J layers
 * @param cell the recurrent cell; the from-scratch model is an {@link CellType#RNN}
 * @param numLayers stacked recurrent layers, 1 to {@value #MAX_LAYERS} (from scratch: 1)
 * @param embeddingSize 0 for one-hot inputs (the book), else the size of a learned embedding
 *     (exercise 8.5.2; library layers only)
 */
public record ModelSpec(Impl impl, CellType cell, int numLayers, int embeddingSize) {

    /** The most stacked layers offered. */
    public static final int MAX_LAYERS = 4;

    /** The implementation. */
    public enum Impl {
        /** {@code ScratchRnn}: d2l 8.5. */
        SCRATCH,
        /** {@link ConciseRnn}: DL4J layers, d2l 8.6. */
        CONCISE
    }

    public ModelSpec {
        List<String> problems = new ArrayList<>();
        if (impl == null || cell == null) {
            throw new IllegalArgumentException("impl and cell are required");
        }
        if (numLayers < 1 || numLayers > MAX_LAYERS) {
            problems.add("num_layers must be between 1 and " + MAX_LAYERS + ", got " + numLayers);
        }
        if (embeddingSize < 0) {
            problems.add("the embedding size must be 0 (one-hot) or positive, got " + embeddingSize);
        }
        if (impl == Impl.SCRATCH && (cell != CellType.RNN || numLayers != 1 || embeddingSize != 0)) {
            problems.add("the from-scratch model is one RNN layer with one-hot inputs; use the concise"
                    + " implementation for " + cell.name().toLowerCase(java.util.Locale.ROOT) + ", " + numLayers
                    + " layer(s), embedding " + embeddingSize);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The book's from-scratch RNN (d2l 8.5). */
    public static ModelSpec scratch() {
        return new ModelSpec(Impl.SCRATCH, CellType.RNN, 1, 0);
    }

    /** Library layers; {@code concise(RNN, 1, 0)} is the book's 8.6 model. */
    public static ModelSpec concise(CellType cell, int numLayers, int embeddingSize) {
        return new ModelSpec(Impl.CONCISE, cell, numLayers, embeddingSize);
    }

    /**
     * A fresh model for {@code config} (hidden units, activation, precision, seed) over a vocabulary
     * of {@code vocabSize} tokens.
     */
    public CharModel newModel(int vocabSize, TrainConfig config) {
        return switch (impl) {
            case SCRATCH -> config.newScratchModel(vocabSize);
            case CONCISE ->
                ConciseRnn.create(new ConciseRnn.Architecture(
                        vocabSize,
                        config.numHiddens(),
                        cell,
                        numLayers,
                        embeddingSize,
                        config.activation(),
                        config.precision().dataType(),
                        config.seed()));
        };
    }
}
