package org.rnnplayground.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.ConciseRnn;

/**
 * Ties the two implementations together: one DL4J {@code SimpleRnn} layer with one-hot inputs and
 * the from-scratch RNN's weights gives the same outputs, loss, gradients, norm and final state.
 */
class ConciseMatchesScratchTest {

    static ConciseRnn conciseWith(RnnParams p, Activation act) {
        ConciseRnn c = ConciseRnn.create(
                new ConciseRnn.Architecture(p.vocabSize(), p.numHiddens(), CellType.RNN, 1, 0, act, p.dataType(), 0));
        c.loadBookParams(p);
        return c;
    }

    /** The book's state [B, h] as the library's [num_layers = 1, B, h]. */
    static State libraryState(State h) {
        return State.of(h.h().reshape(1, h.h().size(0), h.h().size(1)).dup());
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void float64LossGradientsAndStateAgreeWithACarriedInState(Activation act) {
        GradientCheckTest.Fixture f = new GradientCheckTest.Fixture(act, 23);
        ConciseRnn concise = conciseWith(f.model.params(), act);

        Forward scratchF = f.model.forward(f.x, f.h0);
        Forward conciseF = concise.forward(f.x, libraryState(f.h0));
        assertClose("outputs", scratchF.outputs(), conciseF.outputs(), 1e-12);

        StepResult s = f.model.lossAndGradients(f.x, f.y, f.h0, TrainHyper.unclipped(1));
        StepResult c = concise.lossAndGradients(f.x, f.y, libraryState(f.h0), TrainHyper.unclipped(1));
        assertEquals(s.loss(), c.loss(), 1e-12, "loss");
        assertEquals(s.gradNorm(), c.gradNorm(), 1e-12, "gradient norm");
        assertEquals(s.tokens(), c.tokens());
        RnnParams cg = concise.bookGradients();
        for (int i = 0; i < 5; i++) {
            assertClose(
                    RnnParams.names().get(i),
                    f.model.grads().arrays().get(i),
                    cg.arrays().get(i),
                    1e-12);
        }
        assertClose("H_T", s.state().h(), c.state().h().reshape(s.state().h().shape()), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 100})
    void float32TrainingStepsAgreeWithAndWithoutClipping(double theta) {
        RnnParams p = RnnParams.init(28, 32, DataType.FLOAT, 3);
        ScratchRnn scratch = new ScratchRnn(p.copy(), Activation.TANH);
        ConciseRnn concise = conciseWith(p, Activation.TANH);
        int[][] x = ScratchRnnTest.randomTokens(4, 7, 28, 8), y = ScratchRnnTest.randomTokens(4, 7, 28, 9);
        State hs = scratch.beginState(4), hc = concise.beginState(4);
        for (int step = 0; step < 3; step++) { // sequential: carry the state
            StepResult s = scratch.trainStep(x, y, hs, TrainHyper.clipped(1, theta));
            StepResult c = concise.trainStep(x, y, hc, TrainHyper.clipped(1, theta));
            assertEquals(s.loss(), c.loss(), 1e-5, "loss at step " + step);
            assertEquals(s.gradNorm(), c.gradNorm(), 1e-5 * s.gradNorm(), "norm at step " + step);
            assertEquals(s.clipped(), c.clipped());
            hs = s.state();
            hc = c.state();
        }
        assertClose(
                "W_hh after 3 steps",
                scratch.params().wHh(),
                concise.paramTable().get("0_RW"),
                1e-5);
    }

    static void assertClose(String name, INDArray expected, INDArray actual, double tol) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()), name);
        double diff = expected.castTo(DataType.DOUBLE)
                .sub(actual.castTo(DataType.DOUBLE))
                .amaxNumber()
                .doubleValue();
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        assertTrue(diff <= tol * scale, name + ": max difference " + diff);
    }
}
