package org.rnnplayground.model.concise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnplayground.model.Activation;

/**
 * A library model's initial parameters follow from its seed alone, as the from-scratch model's do:
 * the same seed gives the same parameters on another thread and whatever was drawn before, so that a
 * run and its repetition (or a resumed run and its uninterrupted twin) start from the same point.
 */
class ConciseSeedTest {

    private static double[] initial(CellType cell, long seed) {
        return ConciseRnn.create(new ConciseRnn.Architecture(9, 7, cell, 2, 0, Activation.TANH, DataType.FLOAT, seed))
                .parameters();
    }

    /** Seed 0 (the Train form's default) too, which DL4J alone would ignore. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void theSameSeedGivesTheSameParametersOnAnyThread(CellType cell) throws Exception {
        double[] here = initial(cell, 0);
        Nd4j.getRandom().nextDouble(); // the global generator moved on
        Nd4j.rand(DataType.DOUBLE, 5, 5);
        double[] again = initial(cell, 0);
        double[] elsewhere = CompletableFuture.supplyAsync(() -> {
                    Nd4j.getRandom().setSeed(7);
                    return initial(cell, 0);
                })
                .get();

        assertArrayEquals(here, again, 0.0);
        assertArrayEquals(here, elsewhere, 0.0);
        assertFalse(Arrays.equals(here, initial(cell, 1)), "another seed, other parameters");
    }
}
