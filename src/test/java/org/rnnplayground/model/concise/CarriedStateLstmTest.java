package org.rnnplayground.model.concise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Our LSTM against DL4J's own {@code LSTM} (float64, the same parameters, a non-zero carried state
 * {@code H} and {@code C}), stacked as {@link ConciseRnn} stacks them and driven as it drives them:
 * the forward pass from the truncated-BPTT state, the backward pass from the previous state.
 */
class CarriedStateLstmTest {

    static final LayerWorkspaceMgr MGR = LayerWorkspaceMgr.noWorkspaces();
    static final int B = 3, V = 7, N_IN = 5, H = 4, T = 6;
    static final double TOLERANCE = 1e-12;

    /** DL4J's LSTM as {@link ConciseNetworks} configured it before it used {@link CarriedStateLstm}. */
    static LSTM.Builder lstm(int nIn) {
        return new LSTM.Builder()
                .nIn(nIn)
                .nOut(H)
                .activation(Activation.TANH)
                .gateActivationFunction(Activation.SIGMOID)
                .dataFormat(RNNFormat.NCW);
    }

    /** {@code numLayers} LSTM layers, ours or DL4J's, float64. */
    static MultiLayerNetwork network(boolean ours, int numLayers, int nIn) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(5)
                .dataType(DataType.DOUBLE)
                .weightInit(new UniformDistribution(-0.5, 0.5))
                .biasInit(0)
                .trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE)
                .list();
        for (int l = 0; l < numLayers; l++) {
            LSTM.Builder builder = lstm(l == 0 ? nIn : H);
            list.layer(l, ours ? new CarriedStateLstm(builder) : builder.build());
        }
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        net.initGradientsView();
        return net;
    }

    @ParameterizedTest
    @CsvSource({
        "1, true, true", "1, true, false", "1, false, true", "1, false, false",
        "2, true, true", "2, true, false", "2, false, true", "2, false, false"
    })
    void matchesDl4jFromACarriedState(int numLayers, boolean oneHot, boolean sharedState) {
        int nIn = oneHot ? V : N_IN;
        MultiLayerNetwork dl4j = network(false, numLayers, nIn);
        MultiLayerNetwork ours = network(true, numLayers, nIn);
        assertTrue(ours.getLayer(0) instanceof CarriedStateLstm.Impl);
        assertEquals(1.0, dl4j.getLayer(0).getParam("b").getDouble(H), 0, "DL4J's forget-gate bias");
        assertEquals(dl4j.params(), ours.params(), "the same initial parameters from the same seed");
        dl4j.params().assign(Nd4j.rand(DataType.DOUBLE, dl4j.params().shape()).subi(0.5)); // nonzero biases too
        ours.setParams(dl4j.params().dup());

        Random random = new Random(11);
        INDArray x = oneHot
                ? oneHotInput(random)
                : Nd4j.rand(DataType.DOUBLE, B, N_IN, T).subi(0.5); // [B, n_in, T]
        INDArray eps = Nd4j.rand(DataType.DOUBLE, B, H, T).subi(0.5); // dL/dH of the top layer, [B, h, T]
        List<Map<String, INDArray>> states = new ArrayList<>();
        for (int l = 0; l < numLayers; l++) {
            Map<String, INDArray> s = new HashMap<>();
            s.put(
                    ConciseNetworks.PREV_ACTIVATION,
                    Nd4j.rand(DataType.DOUBLE, B, H).subi(0.5)); // H, [B, h]
            s.put(
                    ConciseNetworks.PREV_MEMORY,
                    Nd4j.rand(DataType.DOUBLE, B, H).muli(4).subi(2)); // C, [B, h]
            states.add(s);
        }

        List<INDArray> expected = run(dl4j, x, states, eps, sharedState);
        List<INDArray> actual = run(ours, x, states, eps, sharedState);
        List<String> names = names(numLayers);
        assertEquals(names.size(), expected.size());
        for (int i = 0; i < names.size(); i++) {
            assertClose(names.get(i), expected.get(i), actual.get(i));
        }
    }

    /**
     * Sets the carried states, runs every layer forward and backpropagates {@code eps} from the top,
     * as {@link ConciseRnn} does.
     *
     * @param sharedState whether both state maps hold the same arrays, as {@link ConciseRnn} sets them
     *     (then our backward pass reuses the forward pass), or copies (then it runs it again)
     * @return copies of, per layer, the activations [B, h, T], the final H and C [B, h]; then from the
     *     top, per layer, the gradients of W, RW and b and dL/dX [B, n_in, T]; in {@link #names} order
     */
    static List<INDArray> run(
            MultiLayerNetwork net, INDArray x, List<Map<String, INDArray>> states, INDArray eps, boolean sharedState) {
        int numLayers = states.size();
        List<INDArray> out = new ArrayList<>();
        INDArray a = x.dup();
        for (int l = 0; l < numLayers; l++) {
            RecurrentLayer r = (RecurrentLayer) net.getLayer(l);
            Map<String, INDArray> state = copy(states.get(l));
            r.rnnSetPreviousState(new HashMap<>(state)); // read by the backward pass
            r.rnnSetTBPTTState(sharedState ? state : copy(state)); // read by the forward pass
            a = r.rnnActivateUsingStoredState(a, true, true, MGR); // [B, h, T]
            out.add(a.dup());
            out.add(r.rnnGetTBPTTState().get(ConciseNetworks.PREV_ACTIVATION).dup());
            out.add(r.rnnGetTBPTTState().get(ConciseNetworks.PREV_MEMORY).dup());
        }
        INDArray e = eps;
        for (int l = numLayers - 1; l >= 0; l--) {
            Pair<Gradient, INDArray> p = ((RecurrentLayer) net.getLayer(l)).tbpttBackpropGradient(e, T, MGR);
            for (String key : new String[] {"W", "RW", "b"}) {
                out.add(p.getFirst().getGradientFor(key).dup());
            }
            e = p.getSecond();
            out.add(e.dup());
        }
        return out;
    }

    static List<String> names(int numLayers) {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < numLayers; l++) {
            names.add(l + ": activations");
            names.add(l + ": final H");
            names.add(l + ": final C");
        }
        for (int l = numLayers - 1; l >= 0; l--) {
            names.add(l + ": dL/dW");
            names.add(l + ": dL/dRW");
            names.add(l + ": dL/db");
            names.add(l + ": dL/dX");
        }
        return names;
    }

    /** Random tokens as one-hot vectors, [B, V, T], as {@link ConciseRnn} feeds its first layer. */
    static INDArray oneHotInput(Random random) {
        int[][] tokens = new int[B][T];
        for (int[] row : tokens) {
            for (int t = 0; t < T; t++) {
                row[t] = random.nextInt(V);
            }
        }
        return ConciseInputs.oneHot(tokens, V, DataType.DOUBLE);
    }

    static Map<String, INDArray> copy(Map<String, INDArray> state) {
        Map<String, INDArray> m = new HashMap<>();
        state.forEach((k, v) -> m.put(k, v.dup()));
        return m;
    }

    static void assertClose(String what, INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(expected.amaxNumber().doubleValue() > 1e-3, what + ": not all zeros");
        assertTrue(diff <= TOLERANCE, what + ": differs by " + diff);
    }
}
