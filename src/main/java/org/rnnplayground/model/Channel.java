package org.rnnplayground.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One quantity a recurrent layer computes at every step, for every unit: its hidden state {@code H},
 * an LSTM's memory cell {@code C}, or one of its gates; copied out of the model's forward pass.
 *
 * @param layer the recurrent layer, 0 at the input
 * @param name {@code H}, {@code C}, or a gate's name ({@code I}, {@code F}, {@code O}, {@code G} for the
 *     LSTM's input, forget and output gates and candidate; {@code R}, {@code Z}, {@code N} for the GRU's
 *     reset and update gates and candidate)
 * @param batchSize rows of the minibatch, B
 * @param numSteps steps, T
 * @param numHiddens units, h
 * @param values time-major: element {@code ((t * B) + i) * h + j} is unit {@code j} of row {@code i}
 *     at step {@code t + 1}, [T*B*h]
 */
public record Channel(int layer, String name, int batchSize, int numSteps, int numHiddens, double[] values) {

    public Channel {
        if ((long) batchSize * numSteps * numHiddens != values.length) {
            throw new IllegalArgumentException(
                    "expected " + batchSize + " x " + numSteps + " x " + numHiddens + " values, got " + values.length);
        }
    }

    /**
     * Copies a time-major matrix.
     *
     * @param rows [T*B, h], row {@code t * B + i} is step {@code t + 1} of row {@code i}
     */
    public static Channel of(int layer, String name, int batchSize, INDArray rows) {
        long n = rows.size(0);
        return new Channel(
                layer,
                name,
                batchSize,
                (int) (n / batchSize),
                (int) rows.size(1),
                rows.dup('c').data().asDouble());
    }

    /**
     * Copies block {@code block} of {@code numHiddens} columns out of a host matrix of several blocks (as
     * a gated cell keeps its gates side by side).
     *
     * @param source a host copy, [rowOffset + T*B, cols]
     * @param rowOffset the row of step 1, row 0 of the minibatch
     */
    public static Channel block(
            int layer,
            String name,
            int batchSize,
            int numSteps,
            int numHiddens,
            HostMirror source,
            int cols,
            int rowOffset,
            int block) {
        int rows = batchSize * numSteps;
        double[] values = new double[rows * numHiddens];
        for (int r = 0; r < rows; r++) {
            source.copyTo((rowOffset + r) * cols + block * numHiddens, values, r * numHiddens, numHiddens);
        }
        return new Channel(layer, name, batchSize, numSteps, numHiddens, values);
    }

    /** Unit {@code j} of row {@code i} at step {@code t + 1} ({@code t} from 0). */
    public double value(int t, int i, int j) {
        return values[(t * batchSize + i) * numHiddens + j];
    }
}
