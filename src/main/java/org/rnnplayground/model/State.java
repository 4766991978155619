package org.rnnplayground.model;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A recurrent state carried between steps and, with sequential partitioning, between minibatches.
 *
 * <p>The from-scratch RNN has one tensor, {@code H [batch_size, num_hiddens]}; a library LSTM has
 * two ({@code H} and {@code C}). A state is a value: models never write into a state they were
 * given, and return a fresh one.
 *
 * @param tensors the state tensors, each [batch_size, num_hiddens] (library layers may use
 *     [num_layers * directions, batch_size, num_hiddens])
 */
public record State(List<INDArray> tensors) {

    public State {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("a state needs at least one tensor");
        }
        tensors = List.copyOf(tensors);
    }

    public static State of(INDArray... tensors) {
        return new State(List.of(tensors));
    }

    /** The first (for the scratch RNN, the only) tensor, [batch_size, num_hiddens]. */
    public INDArray h() {
        return tensors.get(0);
    }

    /** The number of rows, batch_size. */
    public int batchSize() {
        INDArray h = h();
        return (int) h.size(h.rank() - 2);
    }

    /** A deep copy. */
    public State copy() {
        List<INDArray> copies = new ArrayList<>(tensors.size());
        for (INDArray t : tensors) {
            copies.add(t.dup());
        }
        return new State(copies);
    }
}
