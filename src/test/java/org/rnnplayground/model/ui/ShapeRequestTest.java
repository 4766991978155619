package org.rnnplayground.model.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.ui.ShapeRequest.Field;
import org.rnnplayground.model.ui.ShapeRequest.Problem;
import org.rnnplayground.sampling.SamplerConfig;

/** The Shapes page's checks: ranges from the corpus, and the limits that refuse huge sizes. */
class ShapeRequestTest {

    private static final int TIME_MACHINE_CHARS = 170_580;

    private static List<Field> fields(List<Problem> problems) {
        return problems.stream().map(Problem::field).toList();
    }

    @Test
    void theBooksSizesPassOnTheTimeMachine() {
        assertEquals(List.of(), ShapeRequest.check(32, 35, 512, TIME_MACHINE_CHARS, 28));
        assertEquals(List.of(), ShapeRequest.check(4, 7, 512, TIME_MACHINE_CHARS, 28));
        assertEquals(List.of(), ShapeRequest.check(1, 1, 1, TIME_MACHINE_CHARS, 28));
        assertEquals(List.of(), ShapeRequest.check(32, 35, ShapeRequest.MAX_NUM_HIDDENS, TIME_MACHINE_CHARS, 28));
    }

    @Test
    void missingZeroAndNegativeValuesNameTheirValidRange() {
        int maxBatch = (TIME_MACHINE_CHARS - 1) / 35 - 1;
        List<Problem> batch = ShapeRequest.check(0, 35, 512, TIME_MACHINE_CHARS, 28);
        assertEquals(List.of(Field.BATCH_SIZE), fields(batch));
        assertEquals("shapes.problem.batchSize", batch.getFirst().key());
        assertEquals(List.of(maxBatch, TIME_MACHINE_CHARS, 35), batch.getFirst().args());
        assertEquals(batch, ShapeRequest.check(null, 35, 512, TIME_MACHINE_CHARS, 28));
        assertEquals(batch, ShapeRequest.check(maxBatch + 1, 35, 512, TIME_MACHINE_CHARS, 28));
        assertEquals(List.of(), ShapeRequest.check(maxBatch, 35, 8, TIME_MACHINE_CHARS, 5));

        List<Problem> steps = ShapeRequest.check(32, -3, 512, TIME_MACHINE_CHARS, 28);
        assertEquals(List.of(Field.NUM_STEPS), fields(steps));
        assertEquals(
                List.of((TIME_MACHINE_CHARS - 1) / 2, TIME_MACHINE_CHARS),
                steps.getFirst().args());

        List<Problem> hiddens = ShapeRequest.check(32, 35, 0, TIME_MACHINE_CHARS, 28);
        assertEquals(List.of(Field.NUM_HIDDENS), fields(hiddens));
        assertEquals(List.of(ShapeRequest.MAX_NUM_HIDDENS), hiddens.getFirst().args());
        assertEquals(hiddens, ShapeRequest.check(32, 35, ShapeRequest.MAX_NUM_HIDDENS + 1, TIME_MACHINE_CHARS, 28));

        assertEquals(
                List.of(Field.NUM_STEPS, Field.BATCH_SIZE, Field.NUM_HIDDENS),
                fields(ShapeRequest.check(null, null, null, TIME_MACHINE_CHARS, 28)));
    }

    @Test
    void rangesAgreeWithTheSamplers() {
        for (int corpus : new int[] {3, 10, 36, 100, 1000}) {
            for (int b = 0; b <= 40; b++) {
                for (int t = 0; t <= 40; t++) {
                    boolean sizesOk = ShapeRequest.check(b, t, 8, corpus, 5).isEmpty();
                    assertEquals(SamplerConfig.problem(corpus, b, t).isEmpty(), sizesOk, corpus + " " + b + " " + t);
                }
            }
        }
    }

    @Test
    void aCorpusTooShortForAnyMinibatchIsExplained() {
        List<Problem> problems = ShapeRequest.check(1, 1, 8, 2, 3);
        assertEquals(List.of(Field.TEXT), fields(problems));
        assertEquals(
                List.of(2, SamplerConfig.MIN_CORPUS_LENGTH), problems.getFirst().args());
    }

    @Test
    void tooManyParametersAreRefusedWithTheLargestNumHiddensThatFits() {
        int wordVocab = 4580;
        List<Problem> problems = ShapeRequest.check(4, 7, 4096, 32_775, wordVocab);
        assertEquals(List.of(Field.NUM_HIDDENS), fields(problems));
        Problem p = problems.getFirst();
        assertEquals("shapes.problem.tooManyParameters", p.key());
        long expected = 2L * wordVocab * 4096 + 4096L * 4096 + 4096 + wordVocab;
        assertEquals(expected, p.args().get(0));
        int maxH = (Integer) p.args().get(2);
        assertTrue(ShapeRequest.parameterCount(wordVocab, maxH) <= ShapeRequest.MAX_PARAMETERS);
        assertTrue(ShapeRequest.parameterCount(wordVocab, maxH + 1) > ShapeRequest.MAX_PARAMETERS);
        assertEquals(List.of(), ShapeRequest.check(4, 7, maxH, 32_775, wordVocab));
        assertEquals(ShapeRequest.MAX_NUM_HIDDENS, ShapeRequest.maxNumHiddens(28));
    }

    @Test
    void tooManyActivationsAreRefusedOnBothSizeFields() {
        int corpus = 10_000_000;
        List<Problem> problems = ShapeRequest.check(1000, 100, 512, corpus, 28);
        assertEquals(List.of(Field.BATCH_SIZE, Field.NUM_STEPS), fields(problems));
        assertEquals("shapes.problem.tooManyActivations", problems.getFirst().key());
        long maxRows = (Long) problems.getFirst().args().get(3);
        assertEquals(100_000L, problems.getFirst().args().get(2));
        assertTrue(ShapeRequest.activationFloats(1, maxRows, 28, 512) <= ShapeRequest.MAX_ACTIVATION_FLOATS);
        assertEquals(List.of(), ShapeRequest.check(1, (int) maxRows - 1, 512, corpus, 28));
        // the book's sizes are far below the limit
        assertTrue(ShapeRequest.activationFloats(32, 35, 28, 512) < ShapeRequest.MAX_ACTIVATION_FLOATS / 10);
    }

    @Test
    void aLargePassIsAnnouncedAsTakingSeconds() {
        ShapeRequest large = new ShapeRequest(32, 35, 4096, Activation.TANH);
        assertEquals(1120L * (4096 * 4096 + 4096 * 28), large.forwardMultiplyAdds(28));
        assertTrue(large.forwardMultiplyAdds(28) > ShapesView.SLOW_MULTIPLY_ADDS);
        assertTrue(ShapeRequest.book().forwardMultiplyAdds(28) < ShapesView.SLOW_MULTIPLY_ADDS);
    }

    @Test
    void everyProblemIsTranslated() throws IOException {
        Properties en = bundle("shapes"), zh = bundle("shapes_zh_CN");
        List<List<Problem>> all = List.of(
                ShapeRequest.check(null, null, null, 1000, 5),
                ShapeRequest.check(1, 1, 1, 2, 5),
                ShapeRequest.check(32, 35, 4096, 32_775, 4580),
                ShapeRequest.check(1000, 100, 512, 10_000_000, 28),
                ShapeRequest.check(1, 1, 1, ShapeRequest.Implementation.LIBRARY_LSTM, 0, -1, 1000, 5));
        for (List<Problem> problems : all) {
            for (Problem p : problems) {
                assertTrue(en.containsKey(p.key()) && zh.containsKey(p.key()), p.key());
            }
        }
    }

    @Test
    void libraryLimitsCountEveryLayerAndTheLstmGates() {
        ShapeRequest.Arch rnn4 = new ShapeRequest.Arch(ShapeRequest.Implementation.LIBRARY_RNN, 4, 0);
        ShapeRequest.Arch lstm4 = new ShapeRequest.Arch(ShapeRequest.Implementation.LIBRARY_LSTM, 4, 0);
        long h = 2048, v = 28;
        assertEquals(
                4 * (v * h + h * h + h) + 3 * 4 * (h * h + h * h + h) + h * v + v,
                ShapeRequest.parameterCount(lstm4, v, h));
        assertEquals((v * h + h * h + h) + 3 * (2 * h * h + h) + h * v + v, ShapeRequest.parameterCount(rnn4, v, h));
        // 4096 hidden units pass as one RNN layer but not as four LSTM layers
        List<Problem> problems =
                ShapeRequest.check(4, 7, 4096, ShapeRequest.Implementation.LIBRARY_LSTM, 4, 0, TIME_MACHINE_CHARS, 28);
        assertEquals(List.of(Field.NUM_HIDDENS, Field.NUM_LAYERS), fields(problems));
        int maxH = (Integer) problems.getFirst().args().get(2);
        assertTrue(ShapeRequest.parameterCount(lstm4, 28, maxH) <= ShapeRequest.MAX_PARAMETERS);
        assertTrue(ShapeRequest.parameterCount(lstm4, 28, maxH + 1) > ShapeRequest.MAX_PARAMETERS);
        assertEquals(
                List.of(),
                ShapeRequest.check(4, 7, maxH, ShapeRequest.Implementation.LIBRARY_LSTM, 4, 0, TIME_MACHINE_CHARS, 28));
        // with the book's minibatch, four LSTM layers of that size hold too many activations
        assertEquals(
                List.of(Field.BATCH_SIZE, Field.NUM_STEPS),
                fields(ShapeRequest.check(
                        32, 35, maxH, ShapeRequest.Implementation.LIBRARY_LSTM, 4, 0, TIME_MACHINE_CHARS, 28)));
        assertEquals(
                List.of(),
                ShapeRequest.check(
                        32, 35, 4096, ShapeRequest.Implementation.LIBRARY_RNN, 1, 0, TIME_MACHINE_CHARS, 28));
        // activations grow with layers and gates
        assertTrue(ShapeRequest.activationFloats(lstm4, 32, 35, 28, 512)
                > ShapeRequest.activationFloats(rnn4, 32, 35, 28, 512));
        assertTrue(ShapeRequest.activationFloats(rnn4, 32, 35, 28, 512)
                > ShapeRequest.activationFloats(ShapeRequest.Arch.SCRATCH, 32, 35, 28, 512));
        ShapeRequest big =
                new ShapeRequest(32, 35, 512, Activation.TANH, ShapeRequest.Implementation.LIBRARY_LSTM, 2, 0);
        assertEquals(
                1120L * (512 * 28 + 4 * (28 * 512 + 512 * 512) + 4 * (2 * 512 * 512)), big.forwardMultiplyAdds(28));
    }

    @Test
    void libraryFieldsAndTheGruAreExplained() {
        var impl = ShapeRequest.Implementation.LIBRARY_RNN;
        assertEquals(
                List.of(Field.NUM_LAYERS, Field.EMBEDDING),
                fields(ShapeRequest.check(32, 35, 64, impl, 0, -1, TIME_MACHINE_CHARS, 28)));
        assertEquals(
                List.of(Field.NUM_LAYERS, Field.EMBEDDING),
                fields(ShapeRequest.check(32, 35, 64, impl, null, null, TIME_MACHINE_CHARS, 28)));
        assertEquals(
                List.of(ShapeRequest.MAX_NUM_LAYERS),
                ShapeRequest.check(32, 35, 64, impl, 5, 0, TIME_MACHINE_CHARS, 28)
                        .getFirst()
                        .args());
        // the from-scratch model ignores them
        assertEquals(
                List.of(),
                ShapeRequest.check(
                        32, 35, 64, ShapeRequest.Implementation.SCRATCH, null, null, TIME_MACHINE_CHARS, 28));
        assertEquals(
                List.of(),
                ShapeRequest.check(32, 35, 64, ShapeRequest.Implementation.LIBRARY_GRU, 1, 0, TIME_MACHINE_CHARS, 28));
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = ShapeRequestTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
