package org.rnnplayground.model.concise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.Decoding;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.Forward;
import org.rnnplayground.model.Generator;
import org.rnnplayground.model.State;
import org.rnnplayground.model.StepResult;
import org.rnnplayground.model.TensorShape;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.TrainHyper;
import org.rnnplayground.model.TrainListener;
import org.rnnplayground.model.TrainOutcome;
import org.rnnplayground.model.Trainer;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;

class ConciseRnnTest {

    static final ProcessedText TEXT = TextPipeline.process("hello world ".repeat(30), TextOptions.bookChars());

    static TrainConfig small(SamplerKind sampler, int epochs, double lr) {
        return TrainConfig.book()
                .withNumHiddens(32)
                .withBatch(4, 10)
                .withNumEpochs(epochs)
                .withSampler(sampler)
                .withHyper(TrainHyper.clipped(lr, 1))
                .withSamples(0, "he", 10, Decoding.greedyArgmax());
    }

    @ParameterizedTest
    @CsvSource({"RNN, 1, 0, 2", "GRU, 1, 0, 2", "LSTM, 2, 8, 4"}) // the book's model; GRU; stacked LSTM
    void overfitsATinyCorpus(CellType cell, int layers, int embedding, double lr) {
        TrainConfig config = small(SamplerKind.SEQUENTIAL, 150, lr);
        CharModel model =
                ModelSpec.concise(cell, layers, embedding).newModel(TEXT.vocab().vocabSize(), config);
        List<EpochReport> seen = new ArrayList<>();
        int[] corpus = java.util.Arrays.copyOf(TEXT.corpus(), 15 * 12); // 15 x "hello world ": ~4 minibatches
        TrainOutcome outcome =
                new Trainer(System::nanoTime).run(model, config, corpus, TEXT.codec(), seen::add, () -> false);
        assertTrue(seen.get(0).perplexity() > 3 * outcome.finalPerplexity(), "it learned");
        assertTrue(outcome.finalPerplexity() < 1.1, cell + ": final perplexity " + outcome.finalPerplexity());
        String sample = Generator.generate(model, TEXT.codec(), "hel", 9, Decoding.greedyArgmax())
                .text();
        assertEquals("hello world ", sample);
    }

    @ParameterizedTest
    @CsvSource({"SEQUENTIAL, LSTM", "RANDOM, LSTM", "SEQUENTIAL, GRU", "RANDOM, GRU"})
    void sequentialCarriesEveryStateTensorAndRandomStartsFromZeros(SamplerKind kind, CellType cell) {
        Recording model = new Recording(
                ModelSpec.concise(cell, 2, 0).newModel(TEXT.vocab().vocabSize(), small(kind, 2, 1)));
        new Trainer(System::nanoTime)
                .run(model, small(kind, 2, 1), TEXT.corpus(), TEXT.codec(), TrainListener.none(), () -> false);
        int perEpoch = model.inputs.size() / 2;
        assertTrue(perEpoch >= 3, "enough minibatches to test");
        for (int k = 0; k < model.inputs.size(); k++) {
            for (int s = 0; s < cell.stateTensors(); s++) { // H (and C)
                INDArray in = model.inputs.get(k).tensors().get(s);
                assertEquals(List.of(2L, 4L, 32L), List.of(in.shape()[0], in.shape()[1], in.shape()[2]));
                if (kind == SamplerKind.SEQUENTIAL && k % perEpoch != 0) {
                    assertTrue(
                            in.equalsWithEps(model.outputs.get(k - 1).tensors().get(s), 0), "minibatch " + k);
                    assertTrue(in.norm2Number().doubleValue() > 0);
                } else {
                    assertEquals(0.0, in.norm2Number().doubleValue(), kind + " minibatch " + k);
                }
            }
        }
    }

    /**
     * The gradient of minibatch 2 equals the finite-difference gradient of its loss with the carried
     * state held fixed, and differs from the gradient through minibatch 1 (full history).
     */
    @ParameterizedTest
    @CsvSource({"RNN, 0_RW", "RNN, 1_RW", "GRU, 0_RW", "GRU, 1_W", "LSTM, 0_RW", "LSTM, 1_W"})
    void gradientStopsAtTheMinibatchBoundary(CellType cell, String param) {
        ConciseRnn model =
                ConciseRnn.create(new ConciseRnn.Architecture(6, 5, cell, 2, 0, Activation.TANH, DataType.DOUBLE, 3));
        for (INDArray p : model.paramTable().values()) {
            p.assign(Nd4j.rand(DataType.DOUBLE, p.shape()).subi(0.5).muli(1.6)); // in place: leave the linear regime
        }
        int[][] x1 = tokens(3, 4, 6, 1), x2 = tokens(3, 4, 6, 2), y2 = tokens(3, 4, 6, 3);
        State carried = model.forward(x1, model.beginState(3)).state();
        model.lossAndGradients(x2, y2, carried, TrainHyper.unclipped(1));
        INDArray w = model.paramTable().get(param);
        double analytic = model.gradient(param).getDouble(1, 2); // (row, column): DL4J's views are 'f'-ordered
        double e = 1e-6, v0 = w.getDouble(1, 2);
        w.putScalar(1, 2, v0 + e);
        double fixedPlus = loss(model, x2, y2, carried);
        double fullPlus =
                loss(model, x2, y2, model.forward(x1, model.beginState(3)).state());
        w.putScalar(1, 2, v0 - e);
        double fixedMinus = loss(model, x2, y2, carried);
        double fullMinus =
                loss(model, x2, y2, model.forward(x1, model.beginState(3)).state());
        w.putScalar(1, 2, v0);
        double fixed = (fixedPlus - fixedMinus) / (2 * e), full = (fullPlus - fullMinus) / (2 * e);
        assertEquals(fixed, analytic, 1e-6 * Math.abs(fixed) + 1e-9, "analytic vs finite difference, state fixed");
        assertNotEquals(full, analytic, 1e-3 * Math.abs(full), "the full-history gradient must differ");
    }

    /** Dropping the buffers between steps changes no number: the next pass allocates them again. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void releasingTheWorkingMemoryChangesNothing(CellType cell) {
        ConciseRnn.Architecture arch =
                new ConciseRnn.Architecture(7, 6, cell, 2, 0, Activation.TANH, DataType.DOUBLE, 5);
        ConciseRnn kept = ConciseRnn.create(arch), released = ConciseRnn.create(arch);
        int[][] x = tokens(3, 5, 7, 1), y = tokens(3, 5, 7, 2);
        TrainHyper hyper = TrainHyper.clipped(0.5, 1);
        kept.trainStep(x, y, kept.beginState(3), hyper);
        released.trainStep(x, y, released.beginState(3), hyper);
        released.releaseWorkingMemory();
        assertEquals(
                kept.trainStep(x, y, kept.beginState(3), hyper).loss(),
                released.trainStep(x, y, released.beginState(3), hyper).loss(),
                1e-12);
        released.releaseWorkingMemory();
        int[][] prompt = tokens(1, 4, 7, 3); // as generation runs it: one row
        assertTrue(kept.forward(prompt, kept.beginState(1))
                .outputs()
                .equalsWithEps(released.forward(prompt, released.beginState(1)).outputs(), 1e-12));
    }

    @Test
    void forwardStateEqualsTheTrainingStepsStateAndInputStateIsLeftAlone() {
        ConciseRnn model = ConciseRnn.create(
                new ConciseRnn.Architecture(7, 6, CellType.LSTM, 3, 4, Activation.TANH, DataType.FLOAT, 1));
        int[][] x = tokens(2, 5, 7, 4), y = tokens(2, 5, 7, 5);
        State in = model.forward(x, model.beginState(2)).state();
        State copy = in.copy();
        Forward f = model.forward(x, in);
        StepResult r = model.trainStep(x, y, in, TrainHyper.clipped(0.1, 1));
        assertEquals(
                List.of(10L, 7L), List.of(f.outputs().shape()[0], f.outputs().shape()[1]));
        for (int s = 0; s < 2; s++) {
            assertTrue(
                    f.state().tensors().get(s).equalsWithEps(r.state().tensors().get(s), 1e-6));
            assertTrue(in.tensors().get(s).equalsWithEps(copy.tensors().get(s), 0), "input state untouched");
        }
    }

    @Test
    void shapesListTheStatePerLayerAndTheParameters() {
        ConciseRnn model = ConciseRnn.create(
                new ConciseRnn.Architecture(28, 16, CellType.LSTM, 2, 0, Activation.TANH, DataType.FLOAT, 0));
        List<TensorShape> shapes = model.traceShapes(tokens(2, 5, 28, 3));
        assertEquals(List.of(2L, 5L), find(shapes, "X").shape());
        assertEquals(List.of(2L, 28L, 5L), find(shapes, "one-hot").shape());
        assertEquals(List.of(2L, 2L, 16L), find(shapes, "H_0").shape());
        assertEquals(List.of(2L, 2L, 16L), find(shapes, "C_T").shape());
        assertEquals(List.of(10L, 28L), find(shapes, "outputs").shape());
        assertEquals(List.of(28L, 64L), find(shapes, "0_W").shape());
        assertEquals(List.of(16L, 64L), find(shapes, "1_RW").shape());
        long params = shapes.stream()
                .filter(s -> s.role() == TensorShape.Role.PARAMETER)
                .mapToLong(TensorShape::elementCount)
                .sum();
        assertEquals(4L * (28 * 16 + 16 * 16 + 16) + 4L * (16 * 16 + 16 * 16 + 16) + 16 * 28 + 28, params);
        assertEquals(params, model.parameterCount());
    }

    @Test
    void aGruLayerHoldsThreeGateBlocksAndOneStateTensor() {
        ConciseRnn model = ConciseRnn.create(
                new ConciseRnn.Architecture(28, 16, CellType.GRU, 2, 8, Activation.TANH, DataType.FLOAT, 0));
        List<TensorShape> shapes = model.traceShapes(tokens(2, 5, 28, 3));
        assertEquals(List.of(2L, 8L, 5L), find(shapes, "embedding").shape());
        assertEquals(List.of(2L, 2L, 16L), find(shapes, "H_T").shape());
        assertTrue(shapes.stream().noneMatch(s -> s.name().startsWith("C_")), "no cell state");
        assertEquals(List.of(8L, 48L), find(shapes, "1_W").shape());
        assertEquals(List.of(16L, 48L), find(shapes, "2_RW").shape());
        assertTrue(
                find(shapes, "2_RW").note().contains("3 gates"),
                find(shapes, "2_RW").note());
        assertTrue(find(shapes, "layer 1 outputs").note().contains("GruLayer"));
        long expected = 28 * 8 + 3L * (8 * 16 + 16 * 16 + 16) + 3L * (16 * 16 + 16 * 16 + 16) + 16 * 28 + 28;
        assertEquals(expected, model.parameterCount());
    }

    @Test
    void specsExplainWhatIsWrong() {
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.concise(CellType.RNN, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.concise(CellType.RNN, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> Implementation.of(false, CellType.LSTM));
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec(Implementation.SCRATCH, 2, 0));
        ConciseRnn model = ConciseRnn.create(
                new ConciseRnn.Architecture(5, 4, CellType.RNN, 1, 0, Activation.TANH, DataType.FLOAT, 0));
        assertThrows(IllegalArgumentException.class, () -> model.forward(new int[][] {{5}}, model.beginState(1)));
        assertThrows(IllegalArgumentException.class, () -> model.forward(new int[][] {{1}}, model.beginState(2)));
    }

    static double loss(ConciseRnn model, int[][] x, int[][] y, State state) {
        return model.lossAndGradients(x, y, state, TrainHyper.unclipped(1)).loss();
    }

    static TensorShape find(List<TensorShape> shapes, String name) {
        return shapes.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static int[][] tokens(int b, int t, int v, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] m = new int[b][t];
        for (int[] row : m) {
            for (int j = 0; j < t; j++) row[j] = r.nextInt(v);
        }
        return m;
    }

    /** Delegates to a model and records the states it is given and returns. */
    static final class Recording implements CharModel {
        final CharModel inner;
        final List<State> inputs = new ArrayList<>();
        final List<State> outputs = new ArrayList<>();

        Recording(CharModel inner) {
            this.inner = inner;
        }

        @Override
        public StepResult trainStep(int[][] x, int[][] y, State state, TrainHyper hyper) {
            inputs.add(state.copy());
            StepResult r = inner.trainStep(x, y, state, hyper);
            outputs.add(r.state().copy());
            return r;
        }

        @Override
        public int vocabSize() {
            return inner.vocabSize();
        }

        @Override
        public int numHiddens() {
            return inner.numHiddens();
        }

        @Override
        public long parameterCount() {
            return inner.parameterCount();
        }

        @Override
        public State beginState(int batchSize) {
            return inner.beginState(batchSize);
        }

        @Override
        public Forward forward(int[][] x, State state) {
            return inner.forward(x, state);
        }

        @Override
        public List<TensorShape> traceShapes(int[][] x) {
            return inner.traceShapes(x);
        }
    }
}
