package org.rnnplayground.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The invariants every epoch layout must satisfy, checked against the book's formulas. */
final class LayoutInvariants {

    private LayoutInvariants() {}

    static void check(EpochLayout layout, int[] corpus, SamplerKind kind, int batchSize, int numSteps) {
        int length = corpus.length;
        int offset = layout.offset();
        String where =
                kind + " L=" + length + " batch_size=" + batchSize + " num_steps=" + numSteps + " offset=" + offset;

        assertEquals(kind, layout.kind(), where);
        assertEquals(batchSize, layout.batchSize(), where);
        assertEquals(numSteps, layout.numSteps(), where);
        assertEquals(length, layout.corpusLength(), where);
        assertTrue(offset >= 0 && offset <= kind.maxOffset(numSteps), "offset out of range: " + where);
        assertEquals(offset, layout.discardedHead(), where);

        // the book's counts
        int expectedBatches;
        int expectedTail;
        int rowLength = (length - offset - 1) / batchSize; // sequential: Xs.shape[1]
        if (kind == SamplerKind.RANDOM) {
            int numSubseqs = (length - offset - 1) / numSteps;
            expectedBatches = numSubseqs / batchSize;
            expectedTail = length - offset - numSubseqs * numSteps;
        } else {
            int numTokens = rowLength * batchSize;
            expectedBatches = rowLength / numSteps;
            expectedTail = length - offset - numTokens;
        }
        assertTrue(expectedBatches >= 1, "validation let through a config with no minibatch: " + where);
        assertEquals(expectedBatches, layout.numBatches(), "number of minibatches: " + where);
        assertEquals(
                expectedBatches,
                Samplers.numBatches(kind, length, batchSize, numSteps, offset),
                "numBatches: " + where);
        assertEquals(expectedTail, layout.discardedTail(), "discarded tail: " + where);

        List<Minibatch> batches = layout.minibatches();
        Set<Integer> starts = new HashSet<>();
        for (int k = 0; k < batches.size(); k++) {
            Minibatch batch = batches.get(k);
            assertEquals(k, batch.index(), where);
            assertEquals(batchSize, batch.x().length, "x rows: " + where);
            assertEquals(batchSize, batch.y().length, "y rows: " + where);
            assertEquals(batchSize, batch.rowStarts().length, "rowStarts: " + where);
            for (int i = 0; i < batchSize; i++) {
                int start = batch.rowStarts()[i];
                assertEquals(numSteps, batch.x()[i].length, "x columns: " + where);
                assertEquals(numSteps, batch.y()[i].length, "y columns: " + where);
                // no window runs past the end, and none into the head or tail
                assertTrue(start >= offset, "row starts before the offset: " + where);
                assertTrue(start + numSteps <= length - expectedTail, "X runs into the tail: " + where);
                assertTrue(start + numSteps + 1 <= length, "Y runs past the end: " + where);
                for (int t = 0; t < numSteps; t++) {
                    assertEquals(corpus[start + t], batch.x()[i][t], "x = corpus at rowStarts: " + where);
                    assertEquals(corpus[start + t + 1], batch.y()[i][t], "y = x shifted by one: " + where);
                }
                assertTrue(starts.add(start), "a subsequence is used twice in one epoch: " + where);
                if (kind == SamplerKind.RANDOM) {
                    assertEquals(0, (start - offset) % numSteps, "not aligned to offset + k*num_steps: " + where);
                } else {
                    assertEquals(offset + i * rowLength + k * numSteps, start, "sequential row start: " + where);
                    if (k > 0) {
                        assertEquals(
                                batches.get(k - 1).rowStarts()[i] + numSteps,
                                start,
                                "row i of batch k+1 must continue row i of batch k: " + where);
                    }
                }
            }
        }

        // windows disjoint: each position is an input at most once
        int[] coverage = layout.coverage();
        int total = 0;
        for (int p = 0; p < length; p++) {
            assertTrue(coverage[p] <= 1, "position " + p + " used twice as input: " + where);
            if (p < offset || p >= length - expectedTail) {
                assertEquals(0, coverage[p], "head or tail position " + p + " used: " + where);
            }
            total += coverage[p];
        }
        assertEquals(expectedBatches * batchSize * numSteps, total, "input positions per epoch: " + where);
        assertEquals(total, layout.inputTokens(), where);
        assertEquals(length - total, layout.unusedTokens(), where);
    }

    static int[] range(int length) {
        int[] corpus = new int[length];
        for (int p = 0; p < length; p++) {
            corpus[p] = p;
        }
        return corpus;
    }
}
