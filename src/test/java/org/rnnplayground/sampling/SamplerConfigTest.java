package org.rnnplayground.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SamplerConfigTest {

    private static final String BATCH_MESSAGE =
            "batch_size must be between 1 and 5 for a corpus of 35 tokens with num_steps=5";
    private static final String STEPS_MESSAGE =
            "num_steps must be between 1 and 17 for a corpus of 35 tokens (with batch_size=1)";

    @Test
    void toyExampleFits() {
        assertEquals(Optional.empty(), SamplerConfig.problem(35, 2, 5));
        assertEquals(new SamplerConfig(2, 5), SamplerConfig.of(35, 2, 5));
        assertEquals(5, SamplerConfig.maxBatchSize(35, 5));
        assertEquals(17, SamplerConfig.maxNumSteps(35, 1));
        assertEquals(5, SamplerConfig.maxNumSteps(35, 5)); // 6 * 5 + 1 = 31 <= 35 < 6 * 6 + 1
        assertEquals(16, SamplerConfig.minCorpusLength(2, 5));
    }

    @Test
    void batchSizeZeroNegativeOrTooLargeIsExplained() {
        for (int batchSize : new int[] {0, -1, 6, 100, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertEquals(
                    Optional.of(BATCH_MESSAGE), SamplerConfig.problem(35, batchSize, 5), "batch_size " + batchSize);
            var thrown = assertThrows(
                    IllegalArgumentException.class,
                    () -> Samplers.epoch(
                            SamplerKind.RANDOM, LayoutInvariants.range(35), batchSize, 5, Samplers.rng(0)));
            assertEquals(BATCH_MESSAGE, thrown.getMessage());
        }
    }

    @Test
    void numStepsZeroNegativeOrTooLargeIsExplained() {
        for (int numSteps : new int[] {0, -3, 18, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertEquals(Optional.of(STEPS_MESSAGE), SamplerConfig.problem(35, 2, numSteps), "num_steps " + numSteps);
            var thrown = assertThrows(
                    IllegalArgumentException.class,
                    () -> Samplers.epoch(
                            SamplerKind.SEQUENTIAL, LayoutInvariants.range(35), 2, numSteps, Samplers.rng(0)));
            assertEquals(STEPS_MESSAGE, thrown.getMessage());
        }
    }

    @Test
    void numStepsThatFitsAloneButNotWithThisBatchSizeBlamesBatchSize() {
        // num_steps=10 fits with batch_size=1 (21 tokens) but batch_size=3 needs 41
        assertEquals(
                Optional.of("batch_size must be between 1 and 2 for a corpus of 35 tokens with num_steps=10"),
                SamplerConfig.problem(35, 3, 10));
    }

    @Test
    void tooShortCorpusIsExplained() {
        for (int length : new int[] {0, 1, 2}) {
            String message = SamplerConfig.problem(length, 1, 1).orElseThrow();
            assertTrue(message.startsWith("the corpus has " + length + " tokens; at least 3"), message);
        }
        assertEquals(Optional.empty(), SamplerConfig.problem(3, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SamplerConfig.of(2, 1, 1));
    }

    @Test
    void boundaryIsExactlyBatchSizePlusOneTimesNumStepsPlusOne() {
        assertTrue(new SamplerConfig(2, 5).fits(16));
        assertFalse(new SamplerConfig(2, 5).fits(15));
        assertThrows(IllegalArgumentException.class, () -> new SamplerConfig(2, 5).checkFits(15));
    }

    @Test
    void constructorRejectsNonPositiveValues() {
        var batch = assertThrows(IllegalArgumentException.class, () -> new SamplerConfig(0, 5));
        assertEquals("batch_size must be at least 1, was 0", batch.getMessage());
        var steps = assertThrows(IllegalArgumentException.class, () -> new SamplerConfig(2, -1));
        assertEquals("num_steps must be at least 1, was -1", steps.getMessage());
    }

    @Test
    void hugeValuesDoNotOverflow() {
        assertEquals(0, SamplerConfig.maxNumSteps(Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertTrue(SamplerConfig.minCorpusLength(Integer.MAX_VALUE, Integer.MAX_VALUE) > Integer.MAX_VALUE);
        assertTrue(
                SamplerConfig.problem(Integer.MAX_VALUE, Integer.MAX_VALUE, 2).isPresent());
        assertTrue(SamplerConfig.problem(1000, 1, 499).isEmpty());
        assertTrue(SamplerConfig.problem(1000, 1, 500).isPresent());
    }

    @Test
    void badOffsetIsRejected() {
        int[] corpus = LayoutInvariants.range(35);
        assertThrows(
                IllegalArgumentException.class,
                () -> Samplers.epoch(SamplerKind.RANDOM, corpus, 2, 5, 5, Samplers.rng(0)));
        assertThrows(
                IllegalArgumentException.class,
                () -> Samplers.epoch(SamplerKind.SEQUENTIAL, corpus, 2, 5, -1, Samplers.rng(0)));
        assertEquals(
                5,
                Samplers.epoch(SamplerKind.SEQUENTIAL, corpus, 2, 5, 5, Samplers.rng(0))
                        .offset());
    }
}
