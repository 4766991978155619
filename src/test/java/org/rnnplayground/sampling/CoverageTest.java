package org.rnnplayground.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Coverage over many epochs, d2l exercise 8.3.5. */
class CoverageTest {

    private static final int LENGTH = 200;
    private static final int BATCH_SIZE = 3;
    private static final int NUM_STEPS = 6;
    private static final int EPOCHS = 600;

    @Test
    void eachEpochUsesNumBatchesTimesBatchSizeTimesNumStepsPositions() {
        for (SamplerKind kind : SamplerKind.values()) {
            Coverage coverage = Samplers.coverageStats(kind, LENGTH, BATCH_SIZE, NUM_STEPS, EPOCHS, 11L);
            long total = 0;
            for (int e = 0; e < EPOCHS; e++) {
                int offset = coverage.offsets()[e];
                int expected =
                        Samplers.numBatches(kind, LENGTH, BATCH_SIZE, NUM_STEPS, offset) * BATCH_SIZE * NUM_STEPS;
                assertEquals(expected, coverage.inputTokensPerEpoch()[e], kind + " epoch " + e);
                total += expected;
            }
            assertEquals(total, Arrays.stream(coverage.counts()).asLongStream().sum(), kind.toString());
            assertEquals(EPOCHS, coverage.epochs());
        }
    }

    @Test
    void countsAreTheSumOfTheEpochLayoutsOfTheSameSeed() {
        int[] corpus = LayoutInvariants.range(LENGTH);
        for (SamplerKind kind : SamplerKind.values()) {
            var rng = Samplers.rng(3L);
            int[] summed = new int[LENGTH];
            for (int e = 0; e < 50; e++) {
                EpochLayout layout = Samplers.epoch(kind, corpus, BATCH_SIZE, NUM_STEPS, rng);
                int[] epochCoverage = layout.coverage();
                for (int p = 0; p < layout.offset(); p++) {
                    assertEquals(0, epochCoverage[p], kind + ": position " + p + " before the offset was used");
                }
                for (int p = 0; p < LENGTH; p++) {
                    summed[p] += epochCoverage[p];
                }
            }
            assertArrayEquals(summed, Samplers.coverage(kind, LENGTH, BATCH_SIZE, NUM_STEPS, 50, 3L), kind.toString());
        }
    }

    @Test
    void firstTokenIsUsedLessOftenThanMiddleTokens() {
        for (SamplerKind kind : SamplerKind.values()) {
            Coverage coverage = Samplers.coverageStats(kind, LENGTH, BATCH_SIZE, NUM_STEPS, EPOCHS, 21L);
            int[] counts = coverage.counts();
            int zeroOffsets =
                    (int) Arrays.stream(coverage.offsets()).filter(o -> o == 0).count();
            assertTrue(counts[0] <= zeroOffsets, kind + ": token 0 can only be used when the offset is 0");
            if (kind == SamplerKind.SEQUENTIAL) {
                assertEquals(zeroOffsets, counts[0], "row 0 of batch 0 starts at the offset");
            }
            for (int p = LENGTH / 3; p < 2 * LENGTH / 3; p++) {
                assertTrue(
                        counts[0] < counts[p], kind + ": counts[0]=" + counts[0] + " counts[" + p + "]=" + counts[p]);
            }
            // each offset is equally likely: the first token is used about 1 / (maxOffset + 1) of epochs
            double expectedShare = 1.0 / (kind.maxOffset(NUM_STEPS) + 1);
            assertEquals(expectedShare, zeroOffsets / (double) EPOCHS, 0.05, kind.toString());
        }
    }

    @Test
    void offsetDiscardsAboutHalfOfItsRangePerEpoch() {
        for (SamplerKind kind : SamplerKind.values()) {
            Coverage coverage = Samplers.coverageStats(kind, LENGTH, BATCH_SIZE, NUM_STEPS, 4000, 8L);
            assertEquals(kind.meanOffset(NUM_STEPS), coverage.meanDiscardedHead(), 0.15, kind.toString());
        }
        assertEquals(2.5, SamplerKind.RANDOM.meanOffset(6));
        assertEquals(3.0, SamplerKind.SEQUENTIAL.meanOffset(6));
    }

    @Test
    void lastTokenIsNeverAnInput() {
        for (SamplerKind kind : SamplerKind.values()) {
            int[] counts = Samplers.coverage(kind, LENGTH, BATCH_SIZE, NUM_STEPS, EPOCHS, 4L);
            assertEquals(0, counts[LENGTH - 1], kind.toString());
        }
    }

    @Test
    void zeroEpochsCountNothing() {
        Coverage coverage = Samplers.coverageStats(SamplerKind.RANDOM, LENGTH, BATCH_SIZE, NUM_STEPS, 0, 1L);
        assertEquals(LENGTH, coverage.neverUsed());
        assertEquals(0, coverage.meanDiscardedHead());
    }
}
