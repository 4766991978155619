package org.rnnplayground.model.concise;

import java.util.Locale;

/**
 * Which model a form, the command line or a run means: the from-scratch RNN of d2l 8.5, or one of
 * the library layers (d2l 8.6, 9.1, 9.2). The one list of models that every page and the runtime
 * share; the rest of the architecture (layers, embedding) is on {@link ModelSpec}.
 */
public enum Implementation {
    /** {@code ScratchRnn}: d2l 8.5, one RNN layer with one-hot inputs. */
    SCRATCH(false, CellType.RNN),
    /** DL4J {@code SimpleRnn} layers ({@code CarriedStateSimpleRnn}), d2l 8.6. */
    LIBRARY_RNN(true, CellType.RNN),
    /** Our {@link GruLayer} (DL4J 1.0.0-M2.1 has none), d2l 9.1. */
    LIBRARY_GRU(true, CellType.GRU),
    /** DL4J {@code LSTM} layers ({@code CarriedStateLstm}), d2l 9.2. */
    LIBRARY_LSTM(true, CellType.LSTM);

    private final boolean library;
    private final CellType cell;

    Implementation(boolean library, CellType cell) {
        this.library = library;
        this.cell = cell;
    }

    /** Library layers ({@link ConciseRnn}): several layers and an embedding are possible. */
    public boolean library() {
        return library;
    }

    /** The recurrent cell; the from-scratch model is an {@link CellType#RNN}. */
    public CellType cell() {
        return cell;
    }

    /**
     * The implementation for a choice between from scratch and library layers and a cell.
     *
     * @throws IllegalArgumentException for a from-scratch model with a cell other than the RNN
     */
    public static Implementation of(boolean library, CellType cell) {
        if (!library) {
            if (cell != CellType.RNN) {
                throw new IllegalArgumentException("the from-scratch model is an RNN; use library layers for "
                        + cell.name().toLowerCase(Locale.ROOT));
            }
            return SCRATCH;
        }
        return switch (cell) {
            case RNN -> LIBRARY_RNN;
            case GRU -> LIBRARY_GRU;
            case LSTM -> LIBRARY_LSTM;
        };
    }
}
