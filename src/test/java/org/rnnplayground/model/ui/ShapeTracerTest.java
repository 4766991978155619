package org.rnnplayground.model.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnplayground.corpus.TestCorpora;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.TensorShape;
import org.rnnplayground.model.budget.ComputeBudget;
import org.rnnplayground.model.concise.Implementation;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;

/** The shapes come from a real forward pass over a real minibatch of the text. */
class ShapeTracerTest {

    private static List<Long> shape(ShapeTrace trace, String name) {
        return trace.tensor(name).orElseThrow().shape();
    }

    @Test
    void aSmallTextGivesTheBooksShapesAndItsFirstRow() {
        ProcessedText text = TextPipeline.process(
                "the time machine by h g wells\ntwinkle twinkle little star\n", TextOptions.bookChars());
        int v = text.vocabSize();
        ShapeTrace trace = ShapeTracer.traceNow(text, new ShapeRequest(2, 5, 8, Activation.RELU), BUDGET);

        assertEquals(List.of(2L, 5L), shape(trace, "X"));
        assertEquals(List.of(5L, 2L, (long) v), shape(trace, "one-hot"));
        assertEquals(List.of(2L, 8L), shape(trace, "H_0"));
        for (int t = 1; t <= 5; t++) {
            assertEquals(
                    List.of(2L, (long) v), trace.atStep("X_t", t).orElseThrow().shape());
            assertEquals(List.of(2L, 8L), trace.atStep("H_t", t).orElseThrow().shape());
            assertEquals(
                    List.of(2L, (long) v), trace.atStep("O_t", t).orElseThrow().shape());
            assertEquals(
                    trace.atStep("H_t", t - 1).orElse(trace.tensor("H_0").orElseThrow()),
                    trace.stateBefore(t).orElseThrow());
        }
        assertEquals(List.of(10L, (long) v), shape(trace, "outputs"));
        assertEquals(
                List.of("W_xh", "W_hh", "b_h", "W_hq", "b_q"),
                trace.parameters().stream().map(TensorShape::name).toList());
        assertEquals(List.of((long) v, 8L), shape(trace, "W_xh"));
        assertEquals(List.of(8L), shape(trace, "b_h"));
        assertEquals(
                (long) v * 8 + 8 * 8 + 8 + 8L * v + v,
                trace.parameters().stream().mapToLong(TensorShape::elementCount).sum());
        assertEquals(
                trace.parameters().stream().mapToLong(TensorShape::elementCount).sum(), trace.parameterCount());

        // row 0 of X is a real span of the corpus, starting at the sampler's offset
        int start = trace.rowStart();
        assertArrayEquals(Arrays.copyOfRange(text.corpus(), start, start + 5), trace.firstRow());
        assertEquals(text.vocab().decode(trace.firstRow()), trace.firstRowTokens());
        assertEquals(
                ShapeTracer.traceNow(text, new ShapeRequest(2, 5, 8, Activation.RELU), BUDGET)
                        .rowStart(),
                start);
    }

    @Test
    void theTimeMachineWithTheBooksSizes() throws IOException {
        String raw = TestCorpora.timeMachine();
        ProcessedText text = TextPipeline.process(raw, TextOptions.bookChars());
        ShapeTrace trace = ShapeTracer.traceNow(text, ShapeRequest.book(), BUDGET);
        assertEquals("(32, 35)", trace.tensor("X").orElseThrow().shapeText());
        assertEquals("(35, 32, 28)", trace.tensor("one-hot").orElseThrow().shapeText());
        assertEquals("(1120, 28)", trace.tensor("outputs").orElseThrow().shapeText());
        assertEquals("(512, 512)", trace.tensor("W_hh").orElseThrow().shapeText());
        assertEquals("(28, 512)", trace.tensor("W_xh").orElseThrow().shapeText());
        assertEquals("(28,)", trace.tensor("b_q").orElseThrow().shapeText());
        assertEquals(28 * 512 + 512 * 512 + 512 + 512 * 28 + 28, trace.parameterCount());
    }

    private static ProcessedText timeMachine() throws IOException {
        String raw = TestCorpora.timeMachine();
        return TextPipeline.process(raw, TextOptions.bookChars());
    }

    private static final ComputeBudget BUDGET = ComputeBudget.defaults();

    private static ShapeRequest library(Implementation impl, int h, int layers, int embedding) {
        return new ShapeRequest(32, 35, h, Activation.TANH, impl, layers, embedding);
    }

    @Test
    void oneLibraryRnnLayerWithOneHotInputsHasTheBooksParameters() throws IOException {
        ShapeTrace trace = ShapeTracer.traceNow(timeMachine(), library(Implementation.LIBRARY_RNN, 512, 1, 0), BUDGET);
        assertTrue(trace.library());
        assertEquals("(32, 35)", trace.tensor("X").orElseThrow().shapeText());
        assertEquals("(1, 32, 512)", trace.tensor("H_0").orElseThrow().shapeText());
        assertEquals("(1, 32, 512)", trace.tensor("H_T").orElseThrow().shapeText());
        assertTrue(trace.tensor("C_0").isEmpty());
        assertEquals(
                "(32, 512, 35)", trace.tensor("layer 1 outputs").orElseThrow().shapeText());
        assertEquals("(1120, 28)", trace.tensor("outputs").orElseThrow().shapeText());
        assertEquals("(28, 512)", trace.tensor("0_W").orElseThrow().shapeText());
        assertEquals("(512, 512)", trace.tensor("0_RW").orElseThrow().shapeText());
        long book = 28 * 512 + 512 * 512 + 512 + 512 * 28 + 28;
        assertEquals(book, trace.parameterCount());
        assertEquals(
                book,
                trace.parameters().stream().mapToLong(TensorShape::elementCount).sum());
        assertEquals(
                book,
                library(Implementation.LIBRARY_RNN, 512, 1, 0).footprint(28).parameters());
        assertEquals(List.of(32L, 28L), trace.atStep("X_t", 35).orElseThrow().shape());
        assertEquals(List.of(32L, 512L), trace.atStep("H_t", 1).orElseThrow().shape());
    }

    @Test
    void twoLstmLayersCarryHiddenAndCellStatePerLayer() throws IOException {
        ShapeTrace trace = ShapeTracer.traceNow(timeMachine(), library(Implementation.LIBRARY_LSTM, 256, 2, 0), BUDGET);
        for (String state : List.of("H_0", "C_0", "H_T", "C_T")) {
            assertEquals("(2, 32, 256)", trace.tensor(state).orElseThrow().shapeText(), state);
        }
        assertEquals(
                "(32, 256, 35)", trace.tensor("layer 2 outputs").orElseThrow().shapeText());
        // four gates side by side: W_xh (28, 4 h), W_hh (h, 4 h)
        assertEquals("(28, 1024)", trace.tensor("0_W").orElseThrow().shapeText());
        assertEquals("(256, 1024)", trace.tensor("1_W").orElseThrow().shapeText());
        long expected = 4L * (28 * 256 + 256 * 256 + 256) + 4L * (256 * 256 + 256 * 256 + 256) + 256 * 28 + 28;
        assertEquals(expected, trace.parameterCount());
        assertEquals(
                expected,
                library(Implementation.LIBRARY_LSTM, 256, 2, 0).footprint(28).parameters());
    }

    @Test
    void anEmbeddingReplacesTheOneHotInputs() throws IOException {
        ShapeTrace trace = ShapeTracer.traceNow(timeMachine(), library(Implementation.LIBRARY_RNN, 64, 1, 16), BUDGET);
        assertTrue(trace.tensor("one-hot").isEmpty());
        List<Long> embedding = trace.tensor("embedding").orElseThrow().shape();
        assertEquals(16L, embedding.get(1), embedding.toString()); // DL4J: (batch_size, embed_size, num_steps)
        assertEquals(List.of(32L, 16L), trace.atStep("X_t", 1).orElseThrow().shape());
        assertEquals(
                trace.parameterCount(),
                library(Implementation.LIBRARY_RNN, 64, 1, 16).footprint(28).parameters());
        assertEquals(
                trace.parameterCount(),
                trace.parameters().stream().mapToLong(TensorShape::elementCount).sum());
    }

    @Test
    void theGruHasThreeGateBlocksAndOnlyAHiddenState() throws IOException {
        ShapeTrace trace = ShapeTracer.traceNow(timeMachine(), library(Implementation.LIBRARY_GRU, 64, 1, 0), BUDGET);
        assertEquals(List.of(28L, 192L), trace.tensor("0_W").orElseThrow().shape());
        assertEquals(List.of(1L, 32L, 64L), trace.tensor("H_T").orElseThrow().shape());
        assertTrue(trace.tensor("C_0").isEmpty());
        assertEquals(
                trace.parameterCount(),
                library(Implementation.LIBRARY_GRU, 64, 1, 0).footprint(28).parameters());
    }

    @Test
    void refusesWhatTheChecksRefuse() {
        ProcessedText text = TextPipeline.process("abc abc abd", TextOptions.bookChars());
        assertThrows(
                IllegalArgumentException.class,
                () -> ShapeTracer.traceNow(text, new ShapeRequest(4, 7, 8, Activation.TANH), BUDGET));
        assertThrows(
                IllegalArgumentException.class,
                () -> ShapeTracer.traceNow(text, new ShapeRequest(1, 1, 5000, Activation.TANH), BUDGET));
    }
}
