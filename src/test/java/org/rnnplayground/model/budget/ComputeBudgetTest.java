package org.rnnplayground.model.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.rnnplayground.model.Footprint;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.sequence.FitConfig;
import org.rnnplayground.sequence.ModelKind;

/** The budget's checks: what they refuse, what they let through, and how they explain a refusal. */
class ComputeBudgetTest {

    private static final ComputeBudget BUDGET = ComputeBudget.defaults();

    /** The Train page's book preset with another vocabulary and hidden size. */
    private static TrainConfig book(int numHiddens) {
        return TrainConfig.book().withNumHiddens(numHiddens);
    }

    @Test
    void aMillionWordVocabularyIsRefusedNamingTheVocabularyAndTheHiddenSize() throws IOException {
        for (ModelSpec model : List.of(ModelSpec.scratch(), ModelSpec.concise(CellType.LSTM, 1, 0))) {
            Optional<BudgetProblem> over = BUDGET.checkTraining(model, 1_000_001, book(128));
            assertTrue(over.isPresent(), model.toString());
            BudgetProblem p = over.get();
            assertEquals("budget.training.memory", p.key());
            assertEquals("budget.reduce.vocab", p.hintKey());
            assertTrue(p.needed() > p.limit());
            String en = p.message(translator("budget", Locale.ENGLISH));
            assertTrue(en.startsWith("vocabulary 1,000,001 × hidden 128 needs "), en);
            assertTrue(en.endsWith("; the limit per run is 512 MB: raise min_freq or use characters"), en);
            String zh = p.message(translator("budget_zh_CN", Locale.SIMPLIFIED_CHINESE));
            assertTrue(zh.contains("1,000,001") && zh.contains("128") && zh.contains("min_freq"), zh);
        }
    }

    @Test
    void theBooksRunsFitAndTheEstimateGrowsWithTheVocabulary() {
        assertEquals(Optional.empty(), BUDGET.checkTraining(ModelSpec.scratch(), 28, TrainConfig.book()));
        assertEquals(Optional.empty(), BUDGET.checkTraining(ModelSpec.scratch(), 4580, TrainConfig.book()));
        assertEquals(Optional.empty(), BUDGET.checkTraining(ModelSpec.concise(CellType.GRU, 2, 32), 4580, book(256)));
        Footprint chars = ModelSpec.scratch().footprint(28, TrainConfig.book());
        Footprint words = ModelSpec.scratch().footprint(4580, TrainConfig.book());
        assertTrue(words.trainingTotalBytes() > 10 * chars.trainingTotalBytes());
    }

    @Test
    void aHugeMinibatchIsRefusedWithTheMinibatchAsTheAdvice() {
        TrainConfig huge = TrainConfig.book().withBatch(4096, 1000);
        BudgetProblem p = BUDGET.checkTraining(ModelSpec.scratch(), 28, huge).orElseThrow();
        assertEquals("budget.reduce.batch", p.hintKey());
    }

    @Test
    void manyLargeLayersAreRefusedForTheirMultiplyAdds() {
        TrainConfig wide = book(768);
        ModelSpec lstm2 = ModelSpec.concise(CellType.LSTM, 2, 0);
        assertTrue(lstm2.footprint(28, wide).trainingTotalBytes() < BUDGET.runBytes(), "fits in memory");
        BudgetProblem p = BUDGET.checkTraining(lstm2, 28, wide).orElseThrow();
        assertEquals("budget.training.compute", p.key());
        assertEquals("budget.reduce.hidden", p.hintKey());
        assertEquals(lstm2.footprint(28, wide).trainingStepMultiplyAdds(), p.needed());
        assertEquals(Optional.empty(), BUDGET.checkTraining(ModelSpec.concise(CellType.LSTM, 1, 0), 28, book(512)));
    }

    @Test
    void generationIsBoundedInLengthAndInMultiplyAdds() {
        Footprint small = ModelSpec.scratch().footprint(28, TrainConfig.book());
        assertEquals(Optional.empty(), BUDGET.checkGeneration(small, 14, 100));
        assertEquals(Optional.empty(), BUDGET.checkGeneration(small, 14, BUDGET.generationLength() - 14));
        BudgetProblem tooLong =
                BUDGET.checkGeneration(small, 14, BUDGET.generationLength()).orElseThrow();
        assertEquals("budget.generation.length", tooLong.key());
        assertEquals(List.of(14, BUDGET.generationLength(), BUDGET.generationLength()), tooLong.args());
        // a large model may not generate even an allowed length
        Footprint large = ModelSpec.concise(CellType.LSTM, 4, 0).footprint(20_000, book(2048));
        BudgetProblem costly = BUDGET.checkGeneration(large, 14, 1000).orElseThrow();
        assertEquals("budget.generation.compute", costly.key());
        // the samples a run generates while it trains count too: a very long prefix is refused at launch
        TrainConfig longPrefix = TrainConfig.book()
                .withSamples(10, "a".repeat(5000), 50, TrainConfig.book().decoding());
        assertEquals(
                "budget.generation.length",
                BUDGET.checkTraining(ModelSpec.scratch(), 28, longPrefix)
                        .orElseThrow()
                        .key());
    }

    @Test
    void sequenceFitsAreBounded() {
        List<ModelKind> both = List.of(ModelKind.MLP, ModelKind.RNN);
        FitConfig book = FitConfig.book();
        assertEquals(Optional.empty(), sequence(book, both, 1000));
        // the largest series, window and network the form accepts: the RNN's states over all windows
        FitConfig largest = new FitConfig(FitConfig.MAX_TAU, 90_000, FitConfig.MAX_HIDDENS, 5, 0.01, 16, 0);
        assertEquals(
                "budget.sequence.memory",
                sequence(largest, both, 100_000).orElseThrow().key());
        // a mid-sized MLP fits in memory, but a thousand epochs of it are too many multiply-adds
        FitConfig long_ = new FitConfig(64, 4000, 256, 1000, 0.01, 16, 0);
        assertEquals(
                Optional.empty(), sequence(new FitConfig(64, 4000, 256, 1, 0.01, 16, 0), List.of(ModelKind.MLP), 5000));
        assertEquals(
                "budget.sequence.compute",
                sequence(long_, List.of(ModelKind.MLP), 5000).orElseThrow().key());
        assertTrue(book.cost(ModelKind.RNN, 1000).multiplyAdds()
                > book.cost(ModelKind.MLP, 1000).multiplyAdds());
    }

    private static Optional<BudgetProblem> sequence(FitConfig config, List<ModelKind> kinds, int length) {
        FitConfig.Cost cost = config.cost(kinds, length);
        return BUDGET.checkSequence(
                cost.bytes(),
                cost.multiplyAdds(),
                length,
                config.tau(),
                config.numHiddens(),
                config.epochs(),
                config.nTrain());
    }

    @Test
    void sizesReadAsPeopleReadThem() {
        assertEquals("512 MB", ComputeBudget.size(512L * 1024 * 1024));
        assertEquals("1.6 GB", ComputeBudget.size((long) (1.6 * 1024 * 1024 * 1024)));
        assertEquals("27 GB", ComputeBudget.size(27L * 1024 * 1024 * 1024));
        assertEquals("2 KB", ComputeBudget.size(2048));
    }

    @Test
    void propertiesDefaultAndRefuseNonPositiveLimits() {
        BudgetProperties none = new BudgetProperties(null, null, null, null, null, null, null, null, null);
        assertEquals(ComputeBudget.defaults(), none.budget());
        BudgetProperties small = new BudgetProperties(64L, null, null, null, 100, null, null, null, null);
        assertEquals(64L * 1024 * 1024, small.budget().runBytes());
        assertEquals(100, small.budget().generationLength());
        assertThrows(
                IllegalArgumentException.class,
                () -> new BudgetProperties(0L, null, null, null, null, null, null, null, null).budget());
    }

    /** The bundle's patterns, formatted as the app's translation provider does. */
    static BudgetProblem.Translator translator(String bundle, Locale locale) throws IOException {
        Properties p = new Properties();
        try (var in = ComputeBudgetTest.class.getResourceAsStream("/i18n/" + bundle + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return (key, args) -> {
            String pattern = p.getProperty(key);
            if (pattern == null) {
                throw new AssertionError("no " + key + " in " + bundle);
            }
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        };
    }
}
