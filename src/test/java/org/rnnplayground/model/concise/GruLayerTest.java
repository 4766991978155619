package org.rnnplayground.model.concise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnplayground.model.concise.ConciseRnnTest.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.GRU;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.State;
import org.rnnplayground.model.TrainHyper;

/** {@link GruLayer}: ND4J's {@code gru} op in the forward pass, finite differences in the backward. */
class GruLayerTest {

    static ConciseRnn gru(int vocab, int hidden, int layers, int embedding, long seed) {
        ConciseRnn model = ConciseRnn.create(new ConciseRnn.Architecture(
                vocab, hidden, CellType.GRU, layers, embedding, Activation.TANH, DataType.DOUBLE, seed));
        Nd4j.getRandom().setSeed(seed);
        for (INDArray p : model.paramTable().values()) {
            p.assign(Nd4j.rand(DataType.DOUBLE, p.shape()).subi(0.5).muli(1.6)); // in place: saturate some gates
        }
        return model;
    }

    static State randomState(ConciseRnn model, int batchSize, long seed) {
        Nd4j.getRandom().setSeed(seed);
        State s = model.beginState(batchSize);
        s.tensors()
                .get(0)
                .assign(Nd4j.rand(DataType.DOUBLE, s.tensors().get(0).shape()).subi(0.5));
        return s;
    }

    @Test
    void forwardEqualsNd4jsGruOp() {
        ConciseRnn model = gru(6, 5, 1, 0, 11);
        int[][] x = tokens(3, 7, 6, 1);
        State h0 = randomState(model, 3, 2);
        INDArray top = model.forwardLayers(x, h0, false); // [B, h, T]
        Map<String, INDArray> p = model.paramTable();
        INDArray oneHot =
                ConciseInputs.oneHot(x, 6, DataType.DOUBLE).permute(2, 0, 1).dup('c'); // [T, B, V]
        INDArray expected = Nd4j.exec(new GRU(
                oneHot,
                h0.tensors().get(0).slice(0).dup('c'), // [B, h]
                p.get("0_W").dup('c'), // [V, 3h]
                p.get("0_RW").dup('c'), // [h, 3h]
                p.get("0_b").dup('c')))[0]; // -> [T, B, h]
        INDArray actual = top.permute(2, 0, 1); // [T, B, h]
        assertEquals(List.of(7L, 3L, 5L), List.of(expected.shape()[0], expected.shape()[1], expected.shape()[2]));
        double diff = actual.sub(expected).amaxNumber().doubleValue();
        assertTrue(diff < 1e-12, "max |ours - gru op| = " + diff);
        assertTrue(expected.amaxNumber().doubleValue() > 0.1, "a real signal");
        assertTrue(model.finalState().tensors().get(0).slice(0).equalsWithEps(expected.slice(6), 1e-12));
    }

    /**
     * Every parameter of a two-layer GRU with an embedding, from a carried (non-zero) state: the
     * analytic gradient equals the central difference of the loss with the state held fixed.
     */
    @Test
    void everyGradientMatchesFiniteDifferences() {
        ConciseRnn model = gru(5, 4, 2, 3, 21);
        int[][] x = tokens(2, 6, 5, 3), y = tokens(2, 6, 5, 4);
        State carried = randomState(model, 2, 5);
        model.lossAndGradients(x, y, carried, TrainHyper.unclipped(1));
        Map<String, INDArray> analytic = new java.util.LinkedHashMap<>();
        for (String name : model.paramTable().keySet()) {
            analytic.put(name, model.gradient(name));
        }
        assertTrue(analytic.keySet().containsAll(List.of("0_W", "1_W", "1_RW", "1_b", "2_RW", "2_b", "3_W", "3_b")));
        double e = 1e-6;
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, INDArray> param : model.paramTable().entrySet()) {
            INDArray w = param.getValue();
            INDArray g = analytic.get(param.getKey());
            for (long i = 0; i < w.length(); i++) {
                long[] at = org.nd4j.linalg.api.shape.Shape.ind2subC(w, i);
                double v0 = w.getDouble(at);
                w.putScalar(at, v0 + e);
                double plus = ConciseRnnTest.loss(model, x, y, carried);
                w.putScalar(at, v0 - e);
                double minus = ConciseRnnTest.loss(model, x, y, carried);
                w.putScalar(at, v0);
                double numeric = (plus - minus) / (2 * e), exact = g.getDouble(at);
                if (Math.abs(numeric - exact) > 1e-7 + 1e-6 * Math.abs(numeric)) {
                    failures.add(param.getKey() + java.util.Arrays.toString(at) + ": " + exact + " vs " + numeric);
                }
                checked++;
            }
        }
        assertEquals(model.parameterCount(), checked);
        assertTrue(
                failures.isEmpty(),
                failures.size() + " of " + checked + " differ, e.g. "
                        + failures.subList(0, Math.min(5, failures.size())));
    }

    /** The backward pass reuses the training forward only when the input and the state are the same. */
    @Test
    void theBackwardPassRecomputesWhenTheStateChanged() {
        ConciseRnn model = gru(4, 3, 1, 0, 31);
        RecurrentLayer layer = (RecurrentLayer) model.network().getLayer(0);
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        INDArray input = ConciseInputs.oneHot(tokens(2, 5, 4, 7), 4, DataType.DOUBLE); // [B, V, T]
        INDArray eps = Nd4j.rand(DataType.DOUBLE, 2, 3, 5); // dL/dH, [B, h, T]
        INDArray a = Nd4j.rand(DataType.DOUBLE, 2, 3).subi(0.5), b = Nd4j.rand(DataType.DOUBLE, 2, 3);

        INDArray fromB = gradientAfter(layer, input, b, b, eps, mgr);
        INDArray stale = gradientAfter(layer, input, a, b, eps, mgr); // forward from A, backward from B
        INDArray fromA = gradientAfter(layer, input, a, a, eps, mgr);
        assertTrue(stale.equalsWithEps(fromB, 1e-12), "recomputed from B");
        assertFalse(fromA.equalsWithEps(fromB, 1e-6), "the state matters");
    }

    private static INDArray gradientAfter(
            RecurrentLayer layer,
            INDArray input,
            INDArray forwardState,
            INDArray backwardState,
            INDArray eps,
            LayerWorkspaceMgr mgr) {
        layer.rnnSetTBPTTState(Map.of(ConciseNetworks.PREV_ACTIVATION, forwardState));
        layer.rnnActivateUsingStoredState(input, true, true, mgr);
        layer.rnnSetPreviousState(Map.of(ConciseNetworks.PREV_ACTIVATION, backwardState));
        Pair<Gradient, INDArray> p = layer.tbpttBackpropGradient(eps, 5, mgr);
        return p.getFirst().getGradientFor("RW").dup();
    }

    @Test
    void timeStepsCarryTheState() {
        ConciseRnn model = gru(4, 3, 2, 0, 41);
        int[][] x = tokens(2, 6, 4, 9);
        int[][] first = new int[2][], second = new int[2][];
        for (int i = 0; i < 2; i++) {
            first[i] = java.util.Arrays.copyOfRange(x[i], 0, 4);
            second[i] = java.util.Arrays.copyOfRange(x[i], 4, 6);
        }
        State whole = model.forward(x, model.beginState(2)).state();
        State split = model.forward(
                        second, model.forward(first, model.beginState(2)).state())
                .state();
        assertTrue(whole.tensors().get(0).equalsWithEps(split.tensors().get(0), 1e-12));
        long[] shape = whole.tensors().get(0).shape(); // [num_layers, B, h]
        assertEquals(List.of(2L, 2L, 3L), List.of(shape[0], shape[1], shape[2]));
    }
}
