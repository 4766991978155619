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
import org.rnnplayground.model.budget.ComputeBudget;
import org.rnnplayground.model.concise.Implementation;
import org.rnnplayground.model.ui.ShapeRequest.Field;
import org.rnnplayground.model.ui.ShapeRequest.Problem;
import org.rnnplayground.sampling.SamplerConfig;

/** The Shapes page's checks: ranges from the corpus, and the compute budget that refuses huge sizes. */
class ShapeRequestTest {

    private static final int TIME_MACHINE_CHARS = 170_580;
    private static final ComputeBudget BUDGET = ComputeBudget.defaults();

    private static List<Field> fields(List<Problem> problems) {
        return problems.stream().map(Problem::field).toList();
    }

    @Test
    void theBooksSizesPassOnTheTimeMachine() {
        assertEquals(List.of(), ShapeRequest.check(32, 35, 512, TIME_MACHINE_CHARS, 28, BUDGET));
        assertEquals(List.of(), ShapeRequest.check(4, 7, 512, TIME_MACHINE_CHARS, 28, BUDGET));
        assertEquals(List.of(), ShapeRequest.check(1, 1, 1, TIME_MACHINE_CHARS, 28, BUDGET));
    }

    @Test
    void missingZeroAndNegativeValuesNameTheirValidRange() {
        int maxBatch = (TIME_MACHINE_CHARS - 1) / 35 - 1;
        List<Problem> batch = ShapeRequest.check(0, 35, 512, TIME_MACHINE_CHARS, 28, BUDGET);
        assertEquals(List.of(Field.BATCH_SIZE), fields(batch));
        assertEquals("shapes.problem.batchSize", batch.getFirst().key());
        assertEquals(List.of(maxBatch, TIME_MACHINE_CHARS, 35), batch.getFirst().args());
        assertEquals(batch, ShapeRequest.check(null, 35, 512, TIME_MACHINE_CHARS, 28, BUDGET));
        assertEquals(batch, ShapeRequest.check(maxBatch + 1, 35, 512, TIME_MACHINE_CHARS, 28, BUDGET));
        assertEquals(List.of(), ShapeRequest.check(maxBatch, 35, 8, TIME_MACHINE_CHARS, 5, BUDGET));

        List<Problem> steps = ShapeRequest.check(32, -3, 512, TIME_MACHINE_CHARS, 28, BUDGET);
        assertEquals(List.of(Field.NUM_STEPS), fields(steps));
        assertEquals(
                List.of((TIME_MACHINE_CHARS - 1) / 2, TIME_MACHINE_CHARS),
                steps.getFirst().args());

        List<Problem> hiddens = ShapeRequest.check(32, 35, 0, TIME_MACHINE_CHARS, 28, BUDGET);
        assertEquals(List.of(Field.NUM_HIDDENS), fields(hiddens));
        assertEquals(List.of(ShapeRequest.MAX_NUM_HIDDENS), hiddens.getFirst().args());
        assertEquals(
                hiddens, ShapeRequest.check(32, 35, ShapeRequest.MAX_NUM_HIDDENS + 1, TIME_MACHINE_CHARS, 28, BUDGET));

        assertEquals(
                List.of(Field.NUM_STEPS, Field.BATCH_SIZE, Field.NUM_HIDDENS),
                fields(ShapeRequest.check(null, null, null, TIME_MACHINE_CHARS, 28, BUDGET)));
    }

    @Test
    void rangesAgreeWithTheSamplers() {
        for (int corpus : new int[] {3, 10, 36, 100, 1000}) {
            for (int b = 0; b <= 40; b++) {
                for (int t = 0; t <= 40; t++) {
                    boolean sizesOk =
                            ShapeRequest.check(b, t, 8, corpus, 5, BUDGET).isEmpty();
                    assertEquals(SamplerConfig.problem(corpus, b, t).isEmpty(), sizesOk, corpus + " " + b + " " + t);
                }
            }
        }
    }

    @Test
    void aCorpusTooShortForAnyMinibatchIsExplained() {
        List<Problem> problems = ShapeRequest.check(1, 1, 8, 2, 3, BUDGET);
        assertEquals(List.of(Field.TEXT), fields(problems));
        assertEquals(
                List.of(2, SamplerConfig.MIN_CORPUS_LENGTH), problems.getFirst().args());
    }

    @Test
    void hidden4096IsRefusedByTheBudgetNamingTheSizes() {
        // about 19 billion multiply-adds per forward pass for the book's minibatch
        ShapeRequest large = new ShapeRequest(32, 35, 4096, Activation.TANH);
        long multiplyAdds = large.footprint(28).forwardMultiplyAdds();
        assertEquals(1120L * (4096 * 4096 + 4096 * 28), multiplyAdds);
        assertTrue(multiplyAdds > BUDGET.traceMultiplyAdds());
        List<Problem> problems = ShapeRequest.check(32, 35, 4096, TIME_MACHINE_CHARS, 28, BUDGET);
        assertEquals(List.of(Field.MODEL), fields(problems), "said once, for the model as a whole");
        Problem p = problems.getFirst();
        assertTrue(p.key().startsWith("budget.trace."), p.key());
        assertEquals(28, p.args().get(0));
        assertEquals(4096, p.args().get(1));
        assertEquals("budget.reduce.hidden", p.budget().hintKey());
        String message = p.message(ShapeRequestTest::english);
        assertTrue(message.startsWith("vocabulary 28 × hidden 4,096 "), message);
        assertTrue(message.endsWith(": use fewer hidden units or layers"), message);
        // the book's sizes, and the largest hidden size the limit allows, pass
        assertEquals(List.of(), ShapeRequest.check(32, 35, 512, TIME_MACHINE_CHARS, 28, BUDGET));
        assertEquals(List.of(), ShapeRequest.check(32, 35, 1800, TIME_MACHINE_CHARS, 28, BUDGET));
    }

    @Test
    void aHugeVocabularyOrALongMinibatchIsOneProblemOfTheModelNamingWhatToReduce() {
        List<Problem> words = ShapeRequest.check(32, 35, 128, 2_000_000, 1_000_001, BUDGET);
        assertEquals(List.of(Field.MODEL), fields(words));
        assertEquals("budget.trace.memory", words.getFirst().key());
        assertEquals("budget.reduce.vocab", words.getFirst().budget().hintKey());

        List<Problem> rows = ShapeRequest.check(1000, 1000, 512, 10_000_000, 28, BUDGET);
        assertEquals(List.of(Field.MODEL), fields(rows));
        assertEquals("budget.reduce.batch", rows.getFirst().budget().hintKey());
    }

    @Test
    void libraryLimitsCountEveryLayerAndTheLstmGates() {
        // 2048 hidden units pass as one RNN layer but not as four LSTM layers
        assertEquals(
                List.of(),
                ShapeRequest.check(4, 7, 2048, Implementation.LIBRARY_RNN, 1, 0, TIME_MACHINE_CHARS, 28, BUDGET));
        List<Problem> problems =
                ShapeRequest.check(4, 7, 2048, Implementation.LIBRARY_LSTM, 4, 0, TIME_MACHINE_CHARS, 28, BUDGET);
        assertEquals(List.of(Field.MODEL), fields(problems));
        ShapeRequest lstm = new ShapeRequest(32, 35, 512, Activation.TANH, Implementation.LIBRARY_LSTM, 2, 0);
        // one-hot inputs of the LSTM gather rows of W: only the recurrent products and layer 2's input
        assertEquals(
                1120L * (512 * 28 + 4 * (512 * 512) + 4 * (2 * 512 * 512)),
                lstm.footprint(28).forwardMultiplyAdds());
    }

    @Test
    void aThreeLayerLstmOf2048UnitsFlagsNoFieldButSaysOnceWhatToReduce() {
        List<Problem> problems =
                ShapeRequest.check(32, 35, 2048, Implementation.LIBRARY_LSTM, 3, 0, TIME_MACHINE_CHARS, 28, BUDGET);
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.getFirst();
        assertEquals(Field.MODEL, p.field());
        assertEquals("budget.reduce.hidden", p.budget().hintKey());
        String message = p.message(ShapeRequestTest::english);
        assertTrue(message.contains("hidden 2,048"), message);
        assertTrue(message.endsWith(": use fewer hidden units or layers"), message);
        // each size on its own is in range: with fewer hidden units the same layers pass
        assertEquals(
                List.of(),
                ShapeRequest.check(32, 35, 256, Implementation.LIBRARY_LSTM, 3, 0, TIME_MACHINE_CHARS, 28, BUDGET));
    }

    @Test
    void aLargePassIsAnnouncedAsTakingSeconds() {
        ShapeRequest large = new ShapeRequest(32, 35, 1800, Activation.TANH);
        assertTrue(large.footprint(28).forwardMultiplyAdds() > ShapesView.SLOW_MULTIPLY_ADDS);
        assertTrue(ShapeRequest.book().footprint(28).forwardMultiplyAdds() < ShapesView.SLOW_MULTIPLY_ADDS);
    }

    @Test
    void everyProblemIsTranslated() throws IOException {
        Properties en = new Properties(), zh = new Properties();
        for (String name : List.of("shapes", "budget")) {
            en.putAll(bundle(name));
            zh.putAll(bundle(name + "_zh_CN"));
        }
        List<List<Problem>> all = List.of(
                ShapeRequest.check(null, null, null, 1000, 5, BUDGET),
                ShapeRequest.check(1, 1, 1, 2, 5, BUDGET),
                ShapeRequest.check(32, 35, 4096, TIME_MACHINE_CHARS, 28, BUDGET),
                ShapeRequest.check(32, 35, 128, 2_000_000, 1_000_001, BUDGET),
                ShapeRequest.check(1, 1, 1, Implementation.LIBRARY_LSTM, 0, -1, 1000, 5, BUDGET));
        for (List<Problem> problems : all) {
            for (Problem p : problems) {
                assertTrue(en.containsKey(p.key()) && zh.containsKey(p.key()), p.key());
                if (p.budget() != null) {
                    assertTrue(en.containsKey(p.budget().hintKey())
                            && zh.containsKey(p.budget().hintKey()));
                }
            }
        }
    }

    @Test
    void libraryFieldsAndTheGruAreExplained() {
        var impl = Implementation.LIBRARY_RNN;
        assertEquals(
                List.of(Field.NUM_LAYERS, Field.EMBEDDING),
                fields(ShapeRequest.check(32, 35, 64, impl, 0, -1, TIME_MACHINE_CHARS, 28, BUDGET)));
        assertEquals(
                List.of(Field.NUM_LAYERS, Field.EMBEDDING),
                fields(ShapeRequest.check(32, 35, 64, impl, null, null, TIME_MACHINE_CHARS, 28, BUDGET)));
        assertEquals(
                List.of(ShapeRequest.MAX_NUM_LAYERS),
                ShapeRequest.check(32, 35, 64, impl, 5, 0, TIME_MACHINE_CHARS, 28, BUDGET)
                        .getFirst()
                        .args());
        // the from-scratch model ignores them
        assertEquals(
                List.of(),
                ShapeRequest.check(32, 35, 64, Implementation.SCRATCH, null, null, TIME_MACHINE_CHARS, 28, BUDGET));
        assertEquals(
                List.of(),
                ShapeRequest.check(32, 35, 64, Implementation.LIBRARY_GRU, 1, 0, TIME_MACHINE_CHARS, 28, BUDGET));
    }

    /** The English bundles' text, as the page formats it. */
    static String english(String key, Object... args) {
        try {
            Properties p = bundle("budget");
            p.putAll(bundle("shapes"));
            return new java.text.MessageFormat(p.getProperty(key), java.util.Locale.ENGLISH).format(args);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = ShapeRequestTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
