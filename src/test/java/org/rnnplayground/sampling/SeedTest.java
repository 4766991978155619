package org.rnnplayground.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedTest {

    private static final int[] CORPUS = LayoutInvariants.range(1000);

    @Test
    void sameSeedGivesTheSameLayouts() {
        for (SamplerKind kind : SamplerKind.values()) {
            var first = Samplers.rng(1234L);
            var second = Samplers.rng(1234L);
            for (int epoch = 0; epoch < 5; epoch++) {
                EpochLayout a = Samplers.epoch(kind, CORPUS, 4, 7, first);
                EpochLayout b = Samplers.epoch(kind, CORPUS, 4, 7, second);
                assertEquals(a, b, kind + " epoch " + epoch);
            }
        }
    }

    @Test
    void differentSeedsEventuallyGiveDifferentOffsets() {
        for (SamplerKind kind : SamplerKind.values()) {
            Set<Integer> offsets = new HashSet<>();
            for (long seed = 0; seed < 100; seed++) {
                offsets.add(
                        Samplers.epoch(kind, CORPUS, 4, 7, Samplers.rng(seed)).offset());
            }
            assertTrue(offsets.size() > 1, kind + " gave offsets " + offsets);
        }
    }

    @Test
    void differentSeedsShuffleRandomSamplingDifferently() {
        EpochLayout a = Samplers.epoch(SamplerKind.RANDOM, CORPUS, 4, 7, 0, Samplers.rng(1L));
        EpochLayout b = Samplers.epoch(SamplerKind.RANDOM, CORPUS, 4, 7, 0, Samplers.rng(2L));
        assertNotEquals(a, b);
    }

    @Test
    void successiveEpochsOfOneGeneratorDiffer() {
        var rng = Samplers.rng(5L);
        EpochLayout first = Samplers.epoch(SamplerKind.RANDOM, CORPUS, 4, 7, rng);
        EpochLayout second = Samplers.epoch(SamplerKind.RANDOM, CORPUS, 4, 7, rng);
        assertNotEquals(first, second);
    }
}
