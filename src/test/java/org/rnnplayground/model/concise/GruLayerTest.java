package org.rnnplayground.model.concise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;
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

    /**
     * Three layers on an embedding: after the pass, the activations of every layer (views of each
     * layer's own buffers) still equal ND4J's {@code gru} op applied layer by layer.
     */
    @Test
    void stackedLayersKeepTheirActivationsThroughThePass() {
        ConciseRnn model = gru(6, 5, 3, 5, 61); // embedding as wide as the layers: buffers of one shape
        int[][] x = tokens(3, 7, 6, 2);
        State h0 = randomState(model, 3, 8);
        List<INDArray> acts = model.activations(x, h0, false); // input, embedding, 3 layers
        Map<String, INDArray> p = model.paramTable();
        INDArray below = acts.get(1).permute(2, 0, 1).dup('c'); // the embedding, [T, B, D]
        for (int l = 0; l < 3; l++) {
            String layer = (l + 1) + "_";
            INDArray expected = Nd4j.exec(new GRU(
                    below,
                    h0.tensors().get(0).slice(l).dup('c'), // [B, h]
                    p.get(layer + "W").dup('c'),
                    p.get(layer + "RW").dup('c'),
                    p.get(layer + "b").dup('c')))[0]; // [T, B, h]
            double diff =
                    acts.get(2 + l).permute(2, 0, 1).sub(expected).amaxNumber().doubleValue();
            assertTrue(diff < 1e-12, "layer " + (l + 1) + ": max |ours - gru op| = " + diff);
            below = expected;
        }
    }

    /**
     * The buffers belong to one (batch_size, num_steps) shape: a pass of another shape in between
     * leaves the results of a shape as they were, and equal to a fresh model's.
     */
    @Test
    void anotherShapeInBetweenChangesNothing() {
        int[][] xa = tokens(3, 7, 5, 1), ya = tokens(3, 7, 5, 2), xb = tokens(2, 4, 5, 3), yb = tokens(2, 4, 5, 4);
        ConciseRnn model = gru(5, 4, 2, 3, 51);
        State sa = randomState(model, 3, 6), sb = randomState(model, 2, 7);
        double lossA =
                model.lossAndGradients(xa, ya, sa, TrainHyper.unclipped(1)).loss();
        INDArray gradA = model.gradient("1_RW");
        double lossB =
                model.lossAndGradients(xb, yb, sb, TrainHyper.unclipped(1)).loss();
        INDArray gradB = model.gradient("2_W");
        assertEquals(
                lossA,
                model.lossAndGradients(xa, ya, sa, TrainHyper.unclipped(1)).loss(),
                1e-13);
        assertTrue(gradA.equalsWithEps(model.gradient("1_RW"), 1e-13), "shape A again");

        ConciseRnn fresh = gru(5, 4, 2, 3, 51); // the same parameters
        assertEquals(
                lossB,
                fresh.lossAndGradients(xb, yb, sb, TrainHyper.unclipped(1)).loss(),
                1e-13);
        assertTrue(gradB.equalsWithEps(fresh.gradient("2_W"), 1e-13), "shape B as a fresh model's");
    }

    /**
     * A truncated window of {@code k} steps is backpropagation through the last {@code k} steps from
     * the state before them, held constant; the steps before the window get no dL/dX.
     */
    @Test
    void aTruncatedWindowIsTheLastStepsFromTheStateBeforeThem() {
        int batchSize = 2, numSteps = 6, k = 2, end = numSteps - k;
        ConciseRnn model = gru(4, 3, 1, 0, 81);
        RecurrentLayer layer = (RecurrentLayer) model.network().getLayer(0);
        ((LayerHints.Taker) layer).hints().inputGradientWanted(true); // the model turned it off: one-hot inputs
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        INDArray x = ConciseInputs.oneHot(tokens(batchSize, numSteps, 4, 5), 4, DataType.DOUBLE); // [B, V, T]
        INDArray eps = Nd4j.rand(DataType.DOUBLE, batchSize, 3, numSteps).subi(0.5); // dL/dH, [B, h, T]
        INDArray h0 = Nd4j.rand(DataType.DOUBLE, batchSize, 3).subi(0.5);
        TimeMajorLayersTest.setState(layer, h0, true);
        layer.rnnActivateUsingStoredState(x, true, false, mgr);
        layer.tbpttBackpropGradient(
                eps, numSteps, mgr); // a full pass first: its gradients must not leak into the window
        INDArray before = layer.rnnActivateUsingStoredState(x, true, false, mgr)
                .get(all(), all(), point(end - 1))
                .dup(); // H_{end-1}, [B, h]
        Pair<Gradient, INDArray> truncated = layer.tbpttBackpropGradient(eps, k, mgr);
        Map<String, INDArray> window = new java.util.HashMap<>();
        for (String key : new String[] {"W", "RW", "b"}) {
            window.put(key, truncated.getFirst().getGradientFor(key).dup());
        }
        INDArray dX = truncated.getSecond().dup(); // [B, V, T]
        assertEquals(0.0, dX.get(all(), all(), interval(0, end)).amaxNumber().doubleValue(), "before the window");

        TimeMajorLayersTest.setState(layer, before, true);
        layer.rnnActivateUsingStoredState(
                x.get(all(), all(), interval(end, numSteps)).dup(), true, false, mgr);
        Pair<Gradient, INDArray> lastSteps = layer.tbpttBackpropGradient(
                eps.get(all(), all(), interval(end, numSteps)).dup(), k, mgr);
        for (String key : new String[] {"W", "RW", "b"}) {
            TimeMajorLayersTest.assertClose(key, lastSteps.getFirst().getGradientFor(key), window.get(key));
        }
        TimeMajorLayersTest.assertClose("dL/dX", lastSteps.getSecond(), dX.get(all(), all(), interval(end, numSteps)));
        assertTrue(window.get("RW").amaxNumber().doubleValue() > 1e-3, "a real signal");
    }

    /** A float32 network computes the float64 one's loss and gradients, to float32's precision. */
    @Test
    void float32AgreesWithFloat64() {
        int[][] x = tokens(2, 6, 5, 3), y = tokens(2, 6, 5, 4);
        ConciseRnn exact = gru(5, 4, 2, 3, 71);
        ConciseRnn single = ConciseRnn.create(
                new ConciseRnn.Architecture(5, 4, CellType.GRU, 2, 3, Activation.TANH, DataType.FLOAT, 71));
        for (Map.Entry<String, INDArray> p : exact.paramTable().entrySet()) {
            single.paramTable().get(p.getKey()).assign(p.getValue().castTo(DataType.FLOAT)); // in place
        }
        State carried = randomState(exact, 2, 9);
        double loss64 =
                exact.lossAndGradients(x, y, carried, TrainHyper.unclipped(1)).loss();
        double loss32 = single.lossAndGradients(
                        x, y, State.of(carried.tensors().get(0).castTo(DataType.FLOAT)), TrainHyper.unclipped(1))
                .loss();
        assertEquals(loss64, loss32, 1e-5 * loss64);
        for (String name : exact.paramTable().keySet()) {
            INDArray g64 = exact.gradient(name), g32 = single.gradient(name).castTo(DataType.DOUBLE);
            double diff = g64.sub(g32).amaxNumber().doubleValue();
            assertTrue(
                    diff < 1e-5 * (1 + g64.amaxNumber().doubleValue()), name + ": max |float32 - float64| = " + diff);
        }
    }
}
