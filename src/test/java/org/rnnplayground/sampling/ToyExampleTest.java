package org.rnnplayground.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The book's example: the sequence 0..34, batch_size=2, num_steps=5. */
class ToyExampleTest {

    private static final int[] CORPUS = LayoutInvariants.range(35);
    private static final int BATCH_SIZE = 2;
    private static final int NUM_STEPS = 5;

    @Test
    void labelsAreInputsPlusOneForEverySeed() {
        for (SamplerKind kind : SamplerKind.values()) {
            for (long seed = 0; seed < 50; seed++) {
                EpochLayout layout = Samplers.epoch(kind, CORPUS, BATCH_SIZE, NUM_STEPS, Samplers.rng(seed));
                for (Minibatch batch : layout.minibatches()) {
                    for (int i = 0; i < BATCH_SIZE; i++) {
                        for (int t = 0; t < NUM_STEPS; t++) {
                            assertEquals(batch.x()[i][t] + 1, batch.y()[i][t]);
                            assertEquals(batch.rowStarts()[i] + t, batch.x()[i][t]);
                        }
                    }
                }
                LayoutInvariants.check(layout, CORPUS, kind, BATCH_SIZE, NUM_STEPS);
            }
        }
    }

    @Test
    void randomSamplingGivesThreeMinibatchesOfSixDisjointSubsequencesForEveryOffset() {
        for (int offset = 0; offset <= NUM_STEPS - 1; offset++) {
            EpochLayout layout =
                    Samplers.epoch(SamplerKind.RANDOM, CORPUS, BATCH_SIZE, NUM_STEPS, offset, Samplers.rng(offset));
            assertEquals(3, layout.numBatches(), "offset " + offset);
            Set<Integer> starts = new HashSet<>();
            Set<Integer> positions = new HashSet<>();
            for (Minibatch batch : layout.minibatches()) {
                for (int i = 0; i < BATCH_SIZE; i++) {
                    starts.add(batch.rowStarts()[i]);
                    for (int token : batch.x()[i]) {
                        assertTrue(positions.add(token), "subsequences overlap at " + token + ", offset " + offset);
                    }
                }
            }
            Set<Integer> expected = new HashSet<>();
            for (int k = 0; k < 6; k++) {
                expected.add(offset + k * NUM_STEPS);
            }
            assertEquals(expected, starts, "offset " + offset);
            LayoutInvariants.check(layout, CORPUS, SamplerKind.RANDOM, BATCH_SIZE, NUM_STEPS);
        }
    }

    @Test
    void sequentialRowsContinueAcrossMinibatchesForEveryOffset() {
        for (int offset = 0; offset <= NUM_STEPS; offset++) {
            EpochLayout layout =
                    Samplers.epoch(SamplerKind.SEQUENTIAL, CORPUS, BATCH_SIZE, NUM_STEPS, offset, Samplers.rng(0));
            int rowLength = (35 - offset - 1) / BATCH_SIZE;
            assertEquals(rowLength / NUM_STEPS, layout.numBatches(), "offset " + offset);
            for (int k = 1; k < layout.numBatches(); k++) {
                for (int i = 0; i < BATCH_SIZE; i++) {
                    Minibatch previous = layout.minibatches().get(k - 1);
                    Minibatch current = layout.minibatches().get(k);
                    assertEquals(previous.rowStarts()[i] + NUM_STEPS, current.rowStarts()[i]);
                    assertEquals(previous.x()[i][NUM_STEPS - 1] + 1, current.x()[i][0]);
                }
            }
            LayoutInvariants.check(layout, CORPUS, SamplerKind.SEQUENTIAL, BATCH_SIZE, NUM_STEPS);
        }
    }

    @Test
    void sequentialWithoutOffsetMatchesHandComputedLayout() {
        // Xs = corpus[0:34].reshape(2, 17): rows start at 0 and 17; three minibatches of 5 columns
        EpochLayout layout = Samplers.epoch(SamplerKind.SEQUENTIAL, CORPUS, BATCH_SIZE, NUM_STEPS, 0, Samplers.rng(0));
        assertEquals(3, layout.numBatches());
        Minibatch first = layout.minibatches().get(0);
        assertArrayEquals(new int[][] {{0, 1, 2, 3, 4}, {17, 18, 19, 20, 21}}, first.x());
        assertArrayEquals(new int[][] {{1, 2, 3, 4, 5}, {18, 19, 20, 21, 22}}, first.y());
        Minibatch last = layout.minibatches().get(2);
        assertArrayEquals(new int[][] {{10, 11, 12, 13, 14}, {27, 28, 29, 30, 31}}, last.x());
        assertArrayEquals(new int[] {10, 27}, last.rowStarts());
        assertEquals(0, layout.discardedHead());
        assertEquals(1, layout.discardedTail()); // the last token, 34, is only ever a label
        assertEquals(35 - 30, layout.unusedTokens());
    }

    @Test
    void sequentialWithLargestOffsetLosesAMinibatch() {
        // offset 5: (35 - 5 - 1) // 2 = 14 columns per row, 14 // 5 = 2 minibatches
        EpochLayout layout = Samplers.epoch(SamplerKind.SEQUENTIAL, CORPUS, BATCH_SIZE, NUM_STEPS, 5, Samplers.rng(0));
        assertEquals(2, layout.numBatches());
        assertArrayEquals(new int[] {5, 19}, layout.minibatches().get(0).rowStarts());
        assertEquals(35 - 5 - 28, layout.discardedTail());
    }

    @Test
    void randomSamplingPutsEverySubsequenceInEverySlotEquallyOften() {
        // offset 0: six subsequences starting at 0, 5, ..., 25 go to 3 minibatches x 2 rows = 6 slots
        int draws = 6000;
        int[][] counts = new int[6][6]; // [slot][subsequence]
        for (long seed = 0; seed < draws; seed++) {
            EpochLayout layout =
                    Samplers.epoch(SamplerKind.RANDOM, CORPUS, BATCH_SIZE, NUM_STEPS, 0, Samplers.rng(seed));
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < BATCH_SIZE; i++) {
                    counts[k * BATCH_SIZE + i][layout.minibatches().get(k).rowStarts()[i] / NUM_STEPS]++;
                }
            }
        }
        for (int slot = 0; slot < 6; slot++) {
            for (int subsequence = 0; subsequence < 6; subsequence++) {
                double share = counts[slot][subsequence] / (double) draws;
                // standard deviation about 0.005
                assertEquals(1.0 / 6, share, 0.03, "slot " + slot + " subsequence " + subsequence);
            }
        }
    }
}
