package org.rnnplayground.model.concise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnplayground.model.concise.TimeMajorLayersTest.B;
import static org.rnnplayground.model.concise.TimeMajorLayersTest.H;
import static org.rnnplayground.model.concise.TimeMajorLayersTest.MGR;
import static org.rnnplayground.model.concise.TimeMajorLayersTest.T;
import static org.rnnplayground.model.concise.TimeMajorLayersTest.assertClose;
import static org.rnnplayground.model.concise.TimeMajorLayersTest.setState;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.gradient.Gradient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnplayground.model.State;
import org.rnnplayground.model.TrainHyper;

/**
 * One-hot inputs: {@link CarriedStateSimpleRnn} recognises them and gathers rows of {@code W} instead
 * of multiplying, which must give the numbers of the product path; and the arrays {@link ConciseRnn}
 * reuses for inputs and labels must hold exactly the current minibatch.
 */
class OneHotInputTest {

    static final int V = 7;

    /**
     * The same one-hot numbers twice: as the whole c-order array {@link ConciseInputs#oneHot} makes
     * (gathered) and as an f-order copy (not recognised, so multiplied). Both from a carried state,
     * over all steps and over a truncated window.
     */
    @ParameterizedTest
    @CsvSource({"TANH, -1", "RELU, -1", "TANH, 2"})
    void gatheringRowsGivesTheProductsNumbers(Activation activation, int window) {
        SimpleRnn.Builder conf =
                new SimpleRnn.Builder().nIn(V).nOut(H).activation(activation).dataFormat(RNNFormat.NCW);
        Layer gathered = TimeMajorLayersTest.single(new CarriedStateSimpleRnn(conf));
        Layer multiplied = TimeMajorLayersTest.single(new CarriedStateSimpleRnn(conf));
        multiplied.setParams(gathered.params().dup());
        INDArray x = ConciseInputs.oneHot(ConciseRnnTest.tokens(B, T, V, 3), V, DataType.DOUBLE); // [B, V, T]
        INDArray xDense = x.dup('f');
        assertNotNull(ConciseInputs.tokens(x), "recognised");
        assertNull(ConciseInputs.tokens(xDense), "not recognised");
        INDArray h0 = Nd4j.rand(DataType.DOUBLE, B, H).subi(0.5);
        INDArray eps = Nd4j.rand(DataType.DOUBLE, B, H, T).subi(0.5);

        Pair<Gradient, INDArray> expected = pass((RecurrentLayer) multiplied, xDense, h0, eps, window);
        INDArray expectedH = multiplied.activate(xDense, false, MGR).dup();
        pass((RecurrentLayer) gathered, x, h0, eps.mul(3), -1); // leaves other numbers in every buffer
        Pair<Gradient, INDArray> actual = pass((RecurrentLayer) gathered, x, h0, eps, window);
        assertClose("activations", expectedH, gathered.activate(x, false, MGR));
        for (String key : new String[] {"W", "RW", "b"}) {
            assertClose(
                    key,
                    expected.getFirst().getGradientFor(key),
                    actual.getFirst().getGradientFor(key));
        }
        assertClose("dL/dX", expected.getSecond(), actual.getSecond());
    }

    /**
     * In a model with one-hot inputs the bottom layer leaves out dL/dX (nothing reads it), which
     * changes no gradient; the layers above it, and a bottom layer below an embedding, compute theirs.
     */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void theBottomLayerOfOneHotInputsLeavesOutOnlyItsInputGradient(CellType cell) {
        ConciseRnn model = ConciseRnn.create(new ConciseRnn.Architecture(
                V, H, cell, 2, 0, org.rnnplayground.model.Activation.TANH, DataType.DOUBLE, 9));
        int[][] x = ConciseRnnTest.tokens(B, T, V, 5);
        int[][] y = ConciseRnnTest.tokens(B, T, V, 6);
        State state = model.beginState(B);
        INDArray eps = Nd4j.rand(DataType.DOUBLE, B, H, T).subi(0.5);

        model.lossAndGradients(x, y, state, TrainHyper.unclipped(1));
        INDArray without = model.network().getFlattenedGradients().dup(); // [1, P]
        RecurrentLayer bottom = (RecurrentLayer) model.network().getLayer(0);
        RecurrentLayer above = (RecurrentLayer) model.network().getLayer(1);
        assertNull(bottom.tbpttBackpropGradient(eps, -1, MGR).getSecond(), "bottom layer, one-hot inputs");
        assertNotNull(above.tbpttBackpropGradient(eps, -1, MGR).getSecond(), "second layer");

        ((LayerHints.Taker) bottom).hints().inputGradientWanted(true);
        model.lossAndGradients(x, y, state, TrainHyper.unclipped(1));
        assertEquals(without, model.network().getFlattenedGradients(), "every gradient, with dL/dX computed");
        assertNotNull(bottom.tbpttBackpropGradient(eps, -1, MGR).getSecond(), "bottom layer, turned on");

        ConciseRnn embedded = ConciseRnn.create(new ConciseRnn.Architecture(
                V, H, cell, 1, 4, org.rnnplayground.model.Activation.TANH, DataType.DOUBLE, 9));
        embedded.lossAndGradients(x, y, embedded.beginState(B), TrainHyper.unclipped(1));
        RecurrentLayer overEmbedding = (RecurrentLayer) embedded.network().getLayer(1);
        assertNotNull(overEmbedding.tbpttBackpropGradient(eps, -1, MGR).getSecond(), "bottom layer over an embedding");
    }

    /**
     * Tokens told with the one-hot array ({@link LayerHints#inputTokens}) give the numbers of tokens
     * read back from it; tokens told for another array are ignored, however wrong.
     */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void toldTokensAreUsedOnlyForTheirOwnArray(CellType cell) {
        ConciseRnn model = ConciseRnn.create(new ConciseRnn.Architecture(
                V, H, cell, 1, 0, org.rnnplayground.model.Activation.TANH, DataType.DOUBLE, 3));
        RecurrentLayer layer = (RecurrentLayer) model.network().getLayer(0);
        ((LayerHints.Taker) layer).hints().inputGradientWanted(true); // as a layer alone
        int[][] m = ConciseRnnTest.tokens(B, T, V, 8);
        INDArray x = ConciseInputs.oneHot(m, V, DataType.DOUBLE); // [B, V, T]
        INDArray h0 = Nd4j.rand(DataType.DOUBLE, B, H).subi(0.5);
        INDArray eps = Nd4j.rand(DataType.DOUBLE, B, H, T).subi(0.5);
        ((LayerHints.Taker) layer).hints().inputTokens(null);
        Pair<Gradient, INDArray> read = pass(layer, x, h0, eps, -1);
        INDArray readH = layer.activate(x, false, MGR).dup();

        int[] timeMajor = new int[B * T];
        int[] wrong = new int[B * T]; // all token 0
        for (int i = 0; i < B; i++) {
            for (int t = 0; t < T; t++) {
                timeMajor[t * B + i] = m[i][t];
            }
        }
        ((LayerHints.Taker) layer).hints().inputTokens(new ConciseInputs.OneHotTokens(x, timeMajor));
        Pair<Gradient, INDArray> told = pass(layer, x, h0, eps, -1);
        assertClose("activations", readH, layer.activate(x, false, MGR));
        ((LayerHints.Taker) layer).hints().inputTokens(new ConciseInputs.OneHotTokens(x.dup(), wrong)); // another array
        Pair<Gradient, INDArray> other = pass(layer, x, h0, eps, -1);
        for (String key : new String[] {"W", "RW", "b"}) {
            assertClose(
                    key + ", told",
                    read.getFirst().getGradientFor(key),
                    told.getFirst().getGradientFor(key));
            assertClose(
                    key + ", ignored",
                    read.getFirst().getGradientFor(key),
                    other.getFirst().getGradientFor(key));
        }
        ((LayerHints.Taker) layer)
                .hints()
                .inputTokens(new ConciseInputs.OneHotTokens(x, wrong)); // this array: believed
        INDArray believed = layer.activate(x, false, MGR);
        assertTrue(readH.sub(believed).amaxNumber().doubleValue() > 1e-3, "told tokens are what the layer uses");
    }

    /** A training forward pass from {@code h0}, then backpropagation over {@code window} steps (-1: all). */
    private static Pair<Gradient, INDArray> pass(
            RecurrentLayer layer, INDArray x, INDArray h0, INDArray eps, int window) {
        setState(layer, h0, true);
        layer.rnnActivateUsingStoredState(x, true, false, MGR);
        Pair<Gradient, INDArray> p = layer.tbpttBackpropGradient(eps, window, MGR);
        Gradient copies = new org.deeplearning4j.nn.gradient.DefaultGradient();
        p.getFirst().gradientForVariable().forEach((k, v) -> copies.setGradientFor(k, v.dup()));
        return new Pair<>(copies, p.getSecond().dup());
    }

    @Test
    void tokensAreReadBackOnlyFromExactlyOneHotArrays() {
        int[][] m = ConciseRnnTest.tokens(B, T, V, 4);
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray x = ConciseInputs.oneHot(m, V, type);
            int[] tokens = ConciseInputs.tokens(x);
            for (int i = 0; i < B; i++) {
                for (int t = 0; t < T; t++) {
                    assertEquals(m[i][t], tokens[t * B + i], type + " row " + i + " step " + t);
                }
            }
            assertNull(ConciseInputs.tokens(changed(x, 0, 0, 0, 0.5)), "a 0.5");
            INDArray twoOnes = x.dup();
            twoOnes.putScalar(new long[] {1, (m[1][2] + 1) % V, 2}, 1); // a second 1 in one vector
            assertNull(ConciseInputs.tokens(twoOnes), "two ones");
            INDArray none = x.dup();
            none.putScalar(new long[] {2, m[2][0], 0}, 0); // a vector of zeros
            assertNull(ConciseInputs.tokens(none), "no one");
            assertNull(ConciseInputs.tokens(x.castTo(DataType.HALF)), "float16");
        }
    }

    private static INDArray changed(INDArray x, int i, int k, int t, double value) {
        INDArray y = x.dup();
        y.putScalar(new long[] {i, k, t}, value);
        return y;
    }

    @Test
    void theReusedArrayHoldsOnlyTheCurrentMinibatch() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            ConciseInputs.Reused reused = new ConciseInputs.Reused(type);
            INDArray first = reused.of(ConciseRnnTest.tokens(B, T, V, 5), V);
            for (long seed = 6; seed < 9; seed++) {
                int[][] m = ConciseRnnTest.tokens(B, T, V, seed);
                INDArray x = reused.of(m, V);
                assertSame(first, x, "one array per shape");
                assertArrayEquals(
                        ConciseInputs.oneHot(m, V, type).data().asDouble(),
                        x.data().asDouble(),
                        type + " " + seed);
            }
            int[][] shorter = ConciseRnnTest.tokens(B, T - 1, V, 9);
            assertArrayEquals(
                    ConciseInputs.oneHot(shorter, V, type).data().asDouble(),
                    reused.of(shorter, V).data().asDouble(),
                    "a new shape");
        }
    }
}
