package org.rnnplayground.model.concise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.State;
import org.rnnplayground.model.StepResult;
import org.rnnplayground.model.TrainHyper;

/**
 * The GRU and LSTM cells run one loop per primitive type ({@link GruCell}, {@link LstmCell}): a
 * float32 network must compute what the same network in float64 computes, to float32's precision,
 * forward and backward, from a carried state.
 */
class CellTypesAgreeTest {

    private static final int V = 9, H = 12, B = 3, T = 6;

    @ParameterizedTest
    @CsvSource({"GRU, 1", "GRU, 2", "LSTM, 1", "LSTM, 2"})
    void float32StepsMatchFloat64Steps(CellType cell, int layers) {
        ConciseRnn f32 = ConciseRnn.create(
                new ConciseRnn.Architecture(V, H, cell, layers, 0, Activation.TANH, DataType.FLOAT, 5));
        ConciseRnn f64 = ConciseRnn.create(
                new ConciseRnn.Architecture(V, H, cell, layers, 0, Activation.TANH, DataType.DOUBLE, 5));
        f64.loadParameters(f32.parameters()); // the same numbers: float32 values are exact in float64
        TrainHyper hyper = TrainHyper.unclipped(1);
        int[][] x1 = ConciseRnnTest.tokens(B, T, V, 1), y1 = ConciseRnnTest.tokens(B, T, V, 2);
        int[][] x2 = ConciseRnnTest.tokens(B, T, V, 3), y2 = ConciseRnnTest.tokens(B, T, V, 4);
        // a first step, so that the second starts from a carried (non-zero) state
        State s32 = f32.lossAndGradients(x1, y1, f32.beginState(B), hyper).state();
        State s64 = f64.lossAndGradients(x1, y1, f64.beginState(B), hyper).state();
        StepResult r32 = f32.lossAndGradients(x2, y2, s32, hyper);
        StepResult r64 = f64.lossAndGradients(x2, y2, s64, hyper);

        assertEquals(r64.loss(), r32.loss(), 1e-5 * r64.loss(), "loss");
        for (int k = 0; k < r64.state().tensors().size(); k++) {
            assertClose(
                    "final state " + k,
                    r32.state().tensors().get(k),
                    r64.state().tensors().get(k));
        }
        for (int l = 0; l < layers; l++) { // each recurrent layer's W, RW and b on its own
            for (String name : new String[] {"W", "RW", "b"}) {
                String key = l + "_" + name;
                assertClose("dL/d" + key, f32.gradient(key), f64.gradient(key));
            }
        }
    }

    /**
     * Relative to the norm of {@code expected}, which must not be zero (the check would be vacuous);
     * float32 rounding gives 1e-7 to 5e-7 here.
     */
    private static void assertClose(String what, INDArray actual, INDArray expected) {
        INDArray e = expected.castTo(DataType.DOUBLE), a = actual.castTo(DataType.DOUBLE);
        double norm = e.norm2Number().doubleValue();
        double diff = a.sub(e).norm2Number().doubleValue();
        assertTrue(norm > 1e-3, what + " is (nearly) zero: " + norm);
        assertTrue(diff < 2e-6 * norm, what + " differ by " + diff + " of " + norm);
    }
}
