package org.rnnplayground.model.concise;

/**
 * The recurrent cell of a library layer (d2l 8.6, 9.1, 9.2).
 *
 * <p>DL4J 1.0.0-M2.1 ships {@code SimpleRnn}, {@code LSTM} and {@code GravesLSTM} layers (plus
 * wrappers such as {@code Bidirectional}), but no GRU layer. ND4J has GRU ops ({@code gru},
 * {@code gru_bp}, {@code gruCell}) usable from SameDiff or a hand-written layer; {@link #GRU} is
 * listed so configurations can name it, and {@link #available()} says it cannot be built yet.
 */
public enum CellType {
    /** {@code H_t = phi(X_t W_xh + H_{t-1} W_hh + b_h)}: DL4J {@code SimpleRnn}. */
    RNN(1, true),
    /** Gated recurrent unit: not in DL4J 1.0.0-M2.1. */
    GRU(1, false),
    /** Long short-term memory with hidden state {@code H} and cell state {@code C}: DL4J {@code LSTM}. */
    LSTM(2, true);

    private final int stateTensors;
    private final boolean available;

    CellType(int stateTensors, boolean available) {
        this.stateTensors = stateTensors;
        this.available = available;
    }

    /** How many state tensors each layer carries: 1 ({@code H}) or 2 ({@code H} and {@code C}). */
    public int stateTensors() {
        return stateTensors;
    }

    /** Whether DL4J 1.0.0-M2.1 has a trainable layer for this cell. */
    public boolean available() {
        return available;
    }
}
