package org.rnnplayground.sampling;

/**
 * Where one epoch's rows start, before any token is copied: what {@link Samplers} draws, shared by
 * layouts, the training iterator and coverage counts.
 *
 * @param offset the random offset
 * @param discardedTail tokens after the partitioned region
 * @param rowStarts corpus positions of each row's first input token, [num_batches][batch_size]
 */
record EpochPlan(int offset, int discardedTail, int[][] rowStarts) {

    int numBatches() {
        return rowStarts.length;
    }
}
