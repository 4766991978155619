package org.rnnplayground.model.concise;

/**
 * The recurrent cell of a library layer (d2l 8.6, 9.1, 9.2).
 *
 * <p>DL4J 1.0.0-M2.1 ships {@code SimpleRnn}, {@code LSTM} and {@code GravesLSTM} layers (plus
 * wrappers such as {@code Bidirectional}), but no GRU layer; {@link #GRU} is our {@link GruLayer},
 * a DL4J layer that computes what ND4J's {@code gru} op computes.
 */
public enum CellType {
    /** {@code H_t = phi(X_t W_xh + H_{t-1} W_hh + b_h)}: DL4J {@code SimpleRnn}. */
    RNN(1, 1),
    /** Gated recurrent unit (reset, update, candidate): our {@link GruLayer}. */
    GRU(1, 3),
    /** Long short-term memory with hidden state {@code H} and cell state {@code C}: DL4J {@code LSTM}. */
    LSTM(2, 4);

    private final int stateTensors;
    private final int gateBlocks;

    CellType(int stateTensors, int gateBlocks) {
        this.stateTensors = stateTensors;
        this.gateBlocks = gateBlocks;
    }

    /** How many state tensors each layer carries: 1 ({@code H}) or 2 ({@code H} and {@code C}). */
    public int stateTensors() {
        return stateTensors;
    }

    /**
     * How many {@code num_hiddens}-wide blocks the layer's weights hold side by side: 1 for the RNN,
     * 3 for the GRU (reset, update, candidate), 4 for the LSTM (input, forget, output, candidate).
     */
    public int gateBlocks() {
        return gateBlocks;
    }

    /** The DL4J layer class that implements this cell, as the Shapes page names it. */
    public String layerClass() {
        return switch (this) {
            case RNN -> "SimpleRnn";
            case GRU -> "GruLayer";
            case LSTM -> "LSTM";
        };
    }
}
