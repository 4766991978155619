package org.rnnplayground.training.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.budget.ComputeBudget;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.training.QueuePlace;
import org.rnnplayground.training.RunSnapshot;
import org.rnnplayground.training.RunSpec;
import org.rnnplayground.training.RunStatus;
import org.rnnplayground.training.TestRun;
import org.rnnplayground.training.UserId;
import org.springframework.boot.test.context.SpringBootTest;

/** Generation is bounded on the server: its length, and its multiply-adds for the run's model. */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class GenerationPanelTest extends SpringBrowserlessTest {

    private static final UserId ANN = new UserId("ann");

    /** Counts the generations that reach the executor; runs none. */
    private final AtomicInteger started = new AtomicInteger();

    private GenerationPanel panel(ComputeBudget budget, int numHiddens) {
        return panel(budget, numHiddens, false);
    }

    private GenerationPanel panel(ComputeBudget budget, int numHiddens, boolean modelReleased) {
        TrainConfig config = TrainConfig.book().withNumHiddens(numHiddens).withBatch(2, 5);
        TestRun run = TestRun.of(
                "tiny", "time traveller ".repeat(20), TextOptions.bookChars(), 0, config, ModelSpec.scratch());
        RunSpec spec = run.spec();
        int vocabSize = run.text().vocab().vocabSize();
        CharModel model = spec.model().newModel(vocabSize, config);
        Instant now = Instant.EPOCH;
        RunSnapshot finished = new RunSnapshot(
                "r1",
                1,
                ANN,
                spec,
                run.text(),
                RunStatus.FINISHED,
                List.of(),
                List.of(),
                List.of(),
                QueuePlace.NONE,
                0,
                "",
                now,
                now,
                now,
                spec.model().footprint(vocabSize, config),
                null,
                modelReleased,
                0);
        GenerationPanel panel = new GenerationPanel(
                (id, user) -> Optional.of(CompletableFuture.completedFuture(model)),
                budget,
                task -> started.incrementAndGet());
        panel.show(finished, ANN);
        return panel;
    }

    @Test
    void aRunWhoseModelWasReleasedSaysSoAndDoesNotGenerate() {
        GenerationPanel panel = panel(ComputeBudget.defaults(), 8, true);
        assertFalse(panel.generate.isEnabled());
        assertTrue(panel.note.getText().contains("released"), panel.note.getText());
        assertEquals(0, started.get());
    }

    @Test
    void aLengthAboveTheLimitIsRefusedWithoutGenerating() {
        ComputeBudget budget = ComputeBudget.defaults();
        GenerationPanel panel = panel(budget, 8);
        panel.length.setNumber(budget.generationLength() + 1);
        panel.generate.click();
        assertTrue(panel.length.isInvalid());
        assertTrue(
                panel.length.getErrorMessage().contains(String.format("%,d", budget.generationLength())),
                panel.length.getErrorMessage());
        assertEquals(0, started.get());

        // the prefix counts too: prefix and predictions together stay within the limit
        panel.prefix.setValue("t".repeat(50));
        panel.length.setNumber(budget.generationLength() - 10);
        panel.generate.click();
        assertTrue(panel.length.isInvalid());
        assertTrue(panel.length.getErrorMessage().contains("use a shorter prefix or generate fewer tokens"));
        assertEquals(0, started.get());

        panel.length.setNumber(100);
        panel.generate.click();
        assertFalse(panel.length.isInvalid());
        assertEquals(1, started.get());
    }

    @Test
    void aModelTooCostlyToGenerateThatLongIsRefused() {
        ComputeBudget d = ComputeBudget.defaults();
        ComputeBudget budget = new ComputeBudget(
                d.runBytes(),
                d.stepMultiplyAdds(),
                d.traceBytes(),
                d.traceMultiplyAdds(),
                d.generationLength(),
                1_000_000, // a million multiply-adds: with 256 hidden units, fewer than 20 tokens
                d.sequenceBytes(),
                d.sequenceMultiplyAdds(),
                d.keptModelsBytes());
        GenerationPanel panel = panel(budget, 256);
        panel.prefix.setValue("time");
        panel.length.setNumber(100);
        panel.generate.click();
        assertTrue(panel.length.isInvalid());
        assertTrue(
                panel.length.getErrorMessage().startsWith("generating 104 tokens takes "),
                panel.length.getErrorMessage());
        assertEquals(0, started.get());
        panel.length.setNumber(5);
        panel.generate.click();
        assertEquals(1, started.get());
    }

    @Test
    void aTemperatureInScientificNotationIsReadAndAWholeNumberTypedWithAnExponentRefused() {
        GenerationPanel panel = panel(ComputeBudget.defaults(), 8);
        panel.temperature.setValue("5e-1");
        panel.seed.setValue("1e3"); // once read as 13
        panel.generate.click();
        assertTrue(panel.seed.isInvalid());
        assertFalse(panel.temperature.isInvalid());
        assertEquals(0, started.get());
        panel.seed.setValue("1000");
        panel.generate.click();
        assertEquals(0.5, panel.temperature.number().orElseThrow());
        assertEquals(1, started.get());
    }
}
