package org.rnnplayground.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of steps a {@link Lane} works on while the recurrence goes on: chunks of about {@link
 * #CHUNK_ROWS} rows, but the first and the last chunk's steps one by one, since the lane works on
 * those while the recurrence waits for it (the last steps after the forward pass, the first ones
 * after the backward pass). Piece {@code k} is steps {@code [start(k), end(k))}.
 */
public final class StepPieces {

    /**
     * Rows a chunk aims at: a product large enough to run near BLAS's peak (the weight gradients'
     * {@code [h, 160] x [160, h]} at h=512).
     */
    public static final int CHUNK_ROWS = 160;

    private final int[] starts;
    private final int[] pieceOf;

    private StepPieces(int[] starts) {
        this.starts = starts;
        this.pieceOf = new int[starts[starts.length - 1]];
        for (int k = 0; k + 1 < starts.length; k++) {
            for (int t = starts[k]; t < starts[k + 1]; t++) {
                pieceOf[t] = k;
            }
        }
    }

    /** The pieces of {@code numSteps} steps of {@code batchSize} rows each. */
    public static StepPieces of(int numSteps, int batchSize) {
        return chunked(numSteps, Math.max(1, CHUNK_ROWS / batchSize));
    }

    /** The pieces with chunks of {@code chunkSteps} steps. */
    static StepPieces chunked(int numSteps, int chunkSteps) {
        List<Integer> starts = new ArrayList<>();
        int t = 0;
        while (t < numSteps) {
            starts.add(t);
            boolean edge = t < chunkSteps || t >= numSteps - chunkSteps;
            t = edge ? t + 1 : Math.min(t + chunkSteps, numSteps - chunkSteps);
        }
        starts.add(numSteps);
        return new StepPieces(starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Where every piece starts, then the number of steps. */
    int[] starts() {
        return starts.clone();
    }

    public int count() {
        return starts.length - 1;
    }

    /** The first step of piece {@code k}. */
    public int start(int k) {
        return starts[k];
    }

    /** The step after piece {@code k}'s last. */
    public int end(int k) {
        return starts[k + 1];
    }

    /** The piece that step {@code t} belongs to. */
    public int of(int t) {
        return pieceOf[t];
    }

    /** Whether piece {@code k} holds the last step: the one a backward pass gives first. */
    public boolean last(int k) {
        return k == count() - 1;
    }
}
