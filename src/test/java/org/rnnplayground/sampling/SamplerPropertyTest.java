package org.rnnplayground.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property-style checks over many seeded random (length, batch_size, num_steps) combinations. */
class SamplerPropertyTest {

    private static final int CASES = 300;

    @Test
    void drawnLayoutsSatisfyTheBooksInvariants() {
        Random cases = new Random(8_3_4L);
        for (int c = 0; c < CASES; c++) {
            Case tc = Case.draw(cases);
            for (SamplerKind kind : SamplerKind.values()) {
                for (int epoch = 0; epoch < 3; epoch++) {
                    EpochLayout layout =
                            Samplers.epoch(kind, tc.corpus, tc.batchSize, tc.numSteps, Samplers.rng(c * 10L + epoch));
                    LayoutInvariants.check(layout, tc.corpus, kind, tc.batchSize, tc.numSteps);
                }
            }
        }
    }

    @Test
    void everyOffsetGivesAValidLayout() {
        Random cases = new Random(42L);
        for (int c = 0; c < CASES / 3; c++) {
            Case tc = Case.draw(cases);
            for (SamplerKind kind : SamplerKind.values()) {
                for (int offset = 0; offset <= kind.maxOffset(tc.numSteps); offset++) {
                    EpochLayout layout =
                            Samplers.epoch(kind, tc.corpus, tc.batchSize, tc.numSteps, offset, Samplers.rng(c));
                    assertEquals(offset, layout.offset());
                    LayoutInvariants.check(layout, tc.corpus, kind, tc.batchSize, tc.numSteps);
                }
            }
        }
    }

    @Test
    void drawnOffsetsStayInTheBooksInclusiveRanges() {
        Random cases = new Random(7L);
        for (int c = 0; c < 40; c++) {
            Case tc = Case.draw(cases);
            for (SamplerKind kind : SamplerKind.values()) {
                boolean[] seen = new boolean[tc.numSteps + 2];
                var rng = Samplers.rng(c);
                for (int epoch = 0; epoch < 60 * (tc.numSteps + 1); epoch++) {
                    int offset = Samplers.epoch(kind, tc.corpus, tc.batchSize, tc.numSteps, rng)
                            .offset();
                    assertTrue(offset >= 0 && offset <= kind.maxOffset(tc.numSteps), kind + " offset " + offset);
                    seen[offset] = true;
                }
                for (int offset = 0; offset <= kind.maxOffset(tc.numSteps); offset++) {
                    assertTrue(seen[offset], kind + " never drew offset " + offset + " with num_steps=" + tc.numSteps);
                }
            }
        }
    }

    @Test
    void iteratorYieldsTheSameMinibatchesAsTheLayout() {
        Random cases = new Random(99L);
        for (int c = 0; c < 50; c++) {
            Case tc = Case.draw(cases);
            for (SamplerKind kind : SamplerKind.values()) {
                EpochLayout layout = Samplers.epoch(kind, tc.corpus, tc.batchSize, tc.numSteps, Samplers.rng(c));
                var iterator = Samplers.iterator(kind, tc.corpus, tc.batchSize, tc.numSteps, Samplers.rng(c));
                for (Minibatch expected : layout.minibatches()) {
                    assertTrue(iterator.hasNext());
                    assertEquals(expected, iterator.next());
                }
                assertTrue(!iterator.hasNext(), "iterator yields more minibatches than the layout");
            }
        }
    }

    @Test
    void validationIsExactlyOneMinibatchForBothMethodsAndEveryOffset() {
        for (int length = 0; length <= 60; length++) {
            for (int batchSize = 1; batchSize <= 20; batchSize++) {
                for (int numSteps = 1; numSteps <= 20; numSteps++) {
                    boolean alwaysOneBatch = true;
                    for (SamplerKind kind : SamplerKind.values()) {
                        for (int offset = 0; offset <= kind.maxOffset(numSteps); offset++) {
                            alwaysOneBatch &= Samplers.numBatches(kind, length, batchSize, numSteps, offset) >= 1;
                        }
                    }
                    assertEquals(
                            alwaysOneBatch,
                            SamplerConfig.problem(length, batchSize, numSteps).isEmpty(),
                            "L=" + length + " batch_size=" + batchSize + " num_steps=" + numSteps);
                }
            }
        }
    }

    /** A corpus with a batch_size and num_steps that fit it. */
    private record Case(int[] corpus, int batchSize, int numSteps) {

        static Case draw(Random random) {
            int length = 3 + random.nextInt(400);
            int numSteps = 1 + random.nextInt(Math.min(40, SamplerConfig.maxNumSteps(length, 1)));
            int batchSize = 1 + random.nextInt(Math.min(40, SamplerConfig.maxBatchSize(length, numSteps)));
            int[] corpus = new int[length];
            boolean identity = random.nextBoolean();
            for (int p = 0; p < length; p++) {
                corpus[p] = identity ? p : random.nextInt(50);
            }
            return new Case(corpus, batchSize, numSteps);
        }
    }
}
