package org.rnnplayground.model.concise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.Lane;
import org.rnnplayground.model.LaneTest;
import org.rnnplayground.model.SpareCores;
import org.rnnplayground.model.State;
import org.rnnplayground.model.StepResult;
import org.rnnplayground.model.TrainHyper;

/**
 * Library models whose GRU or LSTM layers make their weight gradients on a {@link Lane} ({@link
 * LaneGradients}) take the one-thread step: the same loss, gradient norm and parameters, to the
 * rounding of sums added piece by piece. Sizes just large enough for a lane ({@link Lane#pays}):
 * LSTM 4 x 192^2, GRU 3 x 222^2 numbers in the recurrent weight; one-hot inputs (tokens scattered),
 * a second layer (inputs multiplied) and an embedding below.
 */
class ConciseLaneTest {

    @ParameterizedTest
    @CsvSource({"LSTM, 192, 2, 0", "GRU, 222, 2, 0", "LSTM, 192, 1, 6", "GRU, 222, 1, 0"})
    void aStepOnTwoThreadsIsTheStepOnOne(CellType cell, int hidden, int layers, int embedding) {
        assertTrue(Lane.pays((long) cell.gateBlocks() * hidden * hidden));
        ConciseRnn.Architecture arch =
                new ConciseRnn.Architecture(7, hidden, cell, layers, embedding, Activation.TANH, DataType.DOUBLE, 2);
        ConciseRnn one = ConciseRnn.create(arch);
        ConciseRnn two = one.snapshot();
        SpareCores cores = new SpareCores(2, 1);
        TrainHyper hyper = TrainHyper.clipped(1, 1);
        int batchSize = 32, numSteps = 12;
        State s1 = one.beginState(batchSize);
        State s2 = two.beginState(batchSize);
        for (int step = 0; step < 2; step++) {
            int[][] x = ConciseRnnTest.tokens(batchSize, numSteps, 7, 30 + step);
            int[][] y = ConciseRnnTest.tokens(batchSize, numSteps, 7, 40 + step);
            StepResult r1 = one.trainStep(x, y, s1, hyper);
            StepResult r2 = LaneTest.stepOnALane(two, x, y, s2, hyper, cores);
            assertEquals(r1.loss(), r2.loss(), 1e-12 * r1.loss(), "loss, step " + step);
            assertEquals(r1.gradNorm(), r2.gradNorm(), 1e-12 * r1.gradNorm(), "gradient norm, step " + step);
            s1 = r1.state();
            s2 = r2.state();
        }
        LaneTest.assertSameParameters(one, two, 1e-12);
    }
}
