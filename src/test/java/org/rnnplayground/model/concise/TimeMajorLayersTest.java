package org.rnnplayground.model.concise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Our time-major layers against DL4J's own {@code SimpleRnn} and {@code RnnOutputLayer} (float64,
 * same parameters, zero initial state, where DL4J's layers are right), and the rules for reusing a
 * forward pass or a score.
 */
class TimeMajorLayersTest {

    static final LayerWorkspaceMgr MGR = LayerWorkspaceMgr.noWorkspaces();
    static final int B = 3, N_IN = 5, H = 4, T = 6, V = 7;

    /** A one-layer network around {@code layer}, float64, from a fixed seed. */
    static Layer single(org.deeplearning4j.nn.conf.layers.Layer layer) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(5)
                .dataType(DataType.DOUBLE)
                .weightInit(new UniformDistribution(-1, 1))
                .biasInit(0)
                .trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE)
                .list()
                .layer(0, layer)
                .build());
        net.init();
        net.initGradientsView();
        Layer l = net.getLayer(0);
        for (INDArray p : l.paramTable().values()) {
            p.assign(Nd4j.rand(DataType.DOUBLE, p.shape()).subi(0.5)); // in place: nonzero biases too
        }
        return l;
    }

    static SimpleRnn.Builder rnn(Activation activation) {
        return new SimpleRnn.Builder().nIn(N_IN).nOut(H).activation(activation).dataFormat(RNNFormat.NCW);
    }

    @ParameterizedTest
    @CsvSource({"TANH", "RELU"})
    void simpleRnnMatchesDl4jFromAZeroState(Activation activation) {
        Layer dl4j = single(rnn(activation).build());
        Layer ours = single(new CarriedStateSimpleRnn(rnn(activation)));
        ours.setParams(dl4j.params().dup());
        INDArray x = Nd4j.rand(DataType.DOUBLE, B, N_IN, T).subi(0.5);
        INDArray eps = Nd4j.rand(DataType.DOUBLE, B, H, T).subi(0.5);
        assertClose("activations", dl4j.activate(x, true, MGR), ours.activate(x, true, MGR));
        Pair<Gradient, INDArray> expected = dl4j.backpropGradient(eps, MGR);
        Pair<Gradient, INDArray> actual = ours.backpropGradient(eps, MGR);
        for (String key : new String[] {"W", "RW", "b"}) {
            assertClose(
                    key,
                    expected.getFirst().getGradientFor(key),
                    actual.getFirst().getGradientFor(key));
        }
        assertClose("dL/dX", expected.getSecond(), actual.getSecond());
    }

    /**
     * A truncated window of {@code k} steps is backpropagation through the last {@code k} steps from
     * the state before them, held constant. DL4J's own layer agrees on W and b; for RW it leaves out
     * the window's first step ({@code H_{end-1}^T dZ_end}), which the constant state does contribute.
     */
    @Test
    void aTruncatedWindowIsTheLastStepsFromTheStateBeforeThem() {
        int k = 2, end = T - k;
        Layer dl4j = single(rnn(Activation.TANH).build());
        Layer ours = single(new CarriedStateSimpleRnn(rnn(Activation.TANH)));
        ours.setParams(dl4j.params().dup());
        INDArray x = Nd4j.rand(DataType.DOUBLE, B, N_IN, T).subi(0.5);
        INDArray eps = Nd4j.rand(DataType.DOUBLE, B, H, T).subi(0.5);
        INDArray before =
                ours.activate(x, true, MGR).get(all(), all(), point(end - 1)).dup(); // H_{end-1}, [B, h]
        Gradient truncated =
                ((RecurrentLayer) ours).tbpttBackpropGradient(eps, k, MGR).getFirst();
        Map<String, INDArray> window = new HashMap<>();
        for (String key : new String[] {"W", "RW", "b"}) {
            window.put(key, truncated.getGradientFor(key).dup());
        }
        dl4j.setInput(x, MGR);
        Gradient dl4jTruncated =
                ((RecurrentLayer) dl4j).tbpttBackpropGradient(eps, k, MGR).getFirst();
        assertClose("W as DL4J", dl4jTruncated.getGradientFor("W"), window.get("W"));
        assertClose("b as DL4J", dl4jTruncated.getGradientFor("b"), window.get("b"));

        setState((RecurrentLayer) ours, before, true);
        INDArray lastSteps = x.get(all(), all(), interval(end, T)).dup(); // [B, n_in, k]
        ((RecurrentLayer) ours).rnnActivateUsingStoredState(lastSteps, true, false, MGR);
        Gradient full = ((RecurrentLayer) ours)
                .tbpttBackpropGradient(eps.get(all(), all(), interval(end, T)).dup(), k, MGR)
                .getFirst();
        for (String key : new String[] {"W", "RW", "b"}) {
            assertClose(key, full.getGradientFor(key), window.get(key));
        }
    }

    @Test
    void outputLayerMatchesDl4jAndIsConfiguredAsItsBuilderWould() {
        RnnOutputLayer conf = new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(H)
                .nOut(V)
                .dataFormat(RNNFormat.NCW)
                .activation(Activation.SOFTMAX)
                .build();
        assertEquals(conf.toString(), new TimeMajorRnnOutputLayer(H, V).toString());
        Layer dl4j = single(conf);
        Layer ours = single(new TimeMajorRnnOutputLayer(H, V));
        ours.setParams(dl4j.params().dup());
        INDArray h = Nd4j.rand(DataType.DOUBLE, B, H, T).subi(0.5);
        INDArray y = oneHot(1);
        for (Layer l : new Layer[] {dl4j, ours}) {
            l.setInput(h, MGR);
            ((IOutputLayer) l).setLabels(y);
        }
        Pair<Gradient, INDArray> expected = dl4j.backpropGradient(null, MGR);
        Pair<Gradient, INDArray> actual = ours.backpropGradient(null, MGR);
        for (String key : new String[] {"W", "b"}) {
            assertClose(
                    key,
                    expected.getFirst().getGradientFor(key),
                    actual.getFirst().getGradientFor(key));
        }
        assertClose("dL/dH", expected.getSecond(), actual.getSecond());
        double score = ((IOutputLayer) dl4j).computeScore(0, true, MGR);
        assertEquals(score, ((IOutputLayer) ours).computeScore(0, true, MGR), 1e-12);

        INDArray y2 = oneHot(2); // new labels: the score of the backward pass must not be reused
        ((IOutputLayer) dl4j).setLabels(y2);
        ((IOutputLayer) ours).setLabels(y2);
        double score2 = ((IOutputLayer) dl4j).computeScore(0, true, MGR);
        assertTrue(Math.abs(score2 - score) > 1e-3, "the labels matter");
        assertEquals(score2, ((IOutputLayer) ours).computeScore(0, true, MGR), 1e-12);
        INDArray h2 = h.mul(2); // new input, same labels
        dl4j.setInput(h2, MGR);
        ours.setInput(h2, MGR);
        assertEquals(
                ((IOutputLayer) dl4j).computeScore(0, true, MGR),
                ((IOutputLayer) ours).computeScore(0, true, MGR),
                1e-12);
    }

    /**
     * The backward pass reuses the training forward pass only for the same input and state arrays; a
     * changed state, a changed input or a forward pass in between makes it run the forward pass again.
     */
    @Test
    void aCachedForwardPassIsReusedOnlyForTheSameInputAndState() {
        INDArray xA = Nd4j.rand(DataType.DOUBLE, B, N_IN, T).subi(0.5), xB = xA.mul(-1.5);
        INDArray hA = Nd4j.rand(DataType.DOUBLE, B, H).subi(0.5), hB = hA.mul(-2);
        INDArray eps = Nd4j.rand(DataType.DOUBLE, B, H, T).subi(0.5);
        RecurrentLayer layer = (RecurrentLayer) single(new CarriedStateSimpleRnn(rnn(Activation.TANH)));
        INDArray expected = rwGradient(layer, xA, hB, eps, () -> {}); // forward and backward on (xA, hB)
        assertFalse(expected.equalsWithEps(rwGradient(layer, xA, hA, eps, () -> {}), 1e-6), "the state matters");
        assertFalse(expected.equalsWithEps(rwGradient(layer, xB, hB, eps, () -> {}), 1e-6), "the input matters");

        // forward on (xA, hA), then backward with state hB
        assertClose("state changed", expected, rwGradient(layer, xA, hA, eps, () -> setState(layer, hB, false)));
        // forward on (xB, hB), then backward with input xA
        assertClose("input changed", expected, rwGradient(layer, xB, hB, eps, () -> layer.setInput(xA, MGR)));
        // forward on (xA, hB), an inference pass on xB in between (it overwrites the buffers), then
        // backward on (xA, hB) again
        assertClose("pass in between", expected, rwGradient(layer, xA, hB, eps, () -> {
            layer.activate(xB, false, MGR);
            layer.setInput(xA, MGR);
        }));
        // and nothing in between: the cached pass gives the same gradient
        assertClose("cached", expected, rwGradient(layer, xA, hB, eps, () -> {}));
    }

    @Test
    void otherActivationsAndLayerNormalisationAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CarriedStateSimpleRnn(rnn(Activation.SIGMOID)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new CarriedStateSimpleRnn(rnn(Activation.TANH).hasLayerNorm(true)));
    }

    /**
     * Sets state {@code h0} (both maps), runs a training forward pass on {@code x}, then {@code
     * between}, then the backward pass.
     *
     * @return a copy of the RW gradient
     */
    static INDArray rwGradient(RecurrentLayer layer, INDArray x, INDArray h0, INDArray eps, Runnable between) {
        setState(layer, h0, true);
        layer.rnnActivateUsingStoredState(x, true, true, MGR);
        between.run();
        return layer.tbpttBackpropGradient(eps, T, MGR)
                .getFirst()
                .getGradientFor("RW")
                .dup();
    }

    /** Puts {@code h0} into the map backprop reads and, if {@code forward}, the one the forward pass reads. */
    static void setState(RecurrentLayer layer, INDArray h0, boolean forward) {
        Map<String, INDArray> m = new HashMap<>();
        m.put(ConciseNetworks.PREV_ACTIVATION, h0);
        layer.rnnSetPreviousState(new HashMap<>(m));
        if (forward) {
            layer.rnnSetTBPTTState(m);
        }
    }

    /** Random one-hot labels, [B, V, T]. */
    static INDArray oneHot(long seed) {
        return ConciseInputs.oneHot(ConciseRnnTest.tokens(B, T, V, seed), V, DataType.DOUBLE);
    }

    static void assertClose(String what, INDArray expected, INDArray actual) {
        assertTrue(expected.equalsWithEps(actual, 1e-12), what + ": expected " + expected + "\n but was " + actual);
    }
}
