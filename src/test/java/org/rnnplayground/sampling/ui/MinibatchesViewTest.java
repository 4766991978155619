package org.rnnplayground.sampling.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.server.VaadinSession;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.corpus.TestCorpora;
import org.rnnplayground.sampling.EpochLayout;
import org.rnnplayground.sampling.SamplerConfig;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.sampling.Samplers;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.ui.CurrentText;
import org.rnnplayground.text.ui.TextAnalysis;
import org.rnnplayground.text.ui.TextAnalyzer;
import org.rnnplayground.work.BoundedExecutors;
import org.rnnplayground.work.BoundedPool;
import org.rnnplayground.work.ServerBusyException;
import org.rnnplayground.work.WorkKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The Minibatches page rendered server-side, over a short text of the user's. */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class MinibatchesViewTest extends SpringBrowserlessTest {

    /** The page opens on the default text, The Time Machine: downloaded into the cache if needed. */
    @BeforeAll
    static void theDefaultTextIsAvailable() {
        TestCorpora.require(TestCorpora.TIME_MACHINE);
    }

    /** 43 characters a line once stripped, 60 lines: 2580 tokens with the book's cleaning. */
    static final String TEXT = "the quick brown fox jumps over the lazy dog \n".repeat(60);

    @Autowired
    ApplicationContext context;

    private TextAnalysis analysis;

    private MinibatchesView open() throws Exception {
        analysis = context.getBean(TextAnalyzer.class)
                .analyze("Fox", TEXT, TextOptions.bookChars())
                .get(20, TimeUnit.SECONDS);
        context.getBean(CurrentText.class)
                .set(new CurrentText.Source("Fox", TEXT, null), TextOptions.bookChars(), analysis);
        return navigate(MinibatchesView.class);
    }

    private static EpochLayout nthEpoch(SamplerKind kind, int[] corpus, int b, int n, long seed, int epochs) {
        RandomGenerator rng = Samplers.rng(seed);
        EpochLayout layout = null;
        for (int e = 0; e < epochs; e++) {
            layout = Samplers.epoch(kind, corpus, b, n, rng);
        }
        return layout;
    }

    @Test
    void theToyExampleIsTheFirstEpochOfTheSeedAndNewEpochDrawsTheNext() throws Exception {
        MinibatchesView view = open();
        assertEquals(3, view.toy.epochs.random().numBatches(), "35 tokens, batch_size 2, num_steps 5");
        assertEquals(nthEpoch(SamplerKind.RANDOM, ToyExamplePanel.TOY, 2, 5, 1, 1), view.toy.epochs.random());
        assertEquals(nthEpoch(SamplerKind.SEQUENTIAL, ToyExamplePanel.TOY, 2, 5, 1, 1), view.toy.epochs.sequential());

        test(view.toy.newEpoch).click();
        assertEquals(nthEpoch(SamplerKind.RANDOM, ToyExamplePanel.TOY, 2, 5, 1, 2), view.toy.epochs.random());
        assertEquals(nthEpoch(SamplerKind.SEQUENTIAL, ToyExamplePanel.TOY, 2, 5, 1, 2), view.toy.epochs.sequential());
        assertTrue(view.toy.epochInfo.getText().contains("epoch 2"), view.toy.epochInfo.getText());
        assertTrue(view.toy
                .epochInfo
                .getText()
                .contains("random " + view.toy.epochs.random().offset()));

        test(view.seed).setValue("5");
        assertEquals(nthEpoch(SamplerKind.RANDOM, ToyExamplePanel.TOY, 2, 5, 5, 1), view.toy.epochs.random());
    }

    @Test
    void invalidToyValuesExplainTheRangeAndKeepTheLastLayout() throws Exception {
        MinibatchesView view = open();
        EpochLayout before = view.toy.epochs.random();
        test(view.toy.batchSize).setValue("6");
        assertTrue(view.toy.batchSize.isInvalid());
        assertEquals(
                "batch_size must be a whole number from 1 to 5 for 35 tokens with num_steps=5.",
                view.toy.batchSize.getErrorMessage());
        assertSame(before, view.toy.epochs.random());

        test(view.toy.batchSize).setValue("3");
        assertFalse(view.toy.batchSize.isInvalid());
        assertEquals(3, view.toy.epochs.random().batchSize());

        view.toy.numSteps.setNumber(0);
        assertTrue(view.toy.numSteps.isInvalid());
        assertTrue(view.toy.numSteps.getErrorMessage().contains("from 1 to 17"), view.toy.numSteps.getErrorMessage());
        assertEquals(3, view.toy.epochs.random().batchSize());

        test(view.toy.numSteps).setValue("1e3");
        assertEquals("1e3", view.toy.numSteps.getValue(), "what was typed is kept");
        assertTrue(
                view.toy.numSteps.getErrorMessage().startsWith("“1e3” is not a whole number. num_steps must be"),
                view.toy.numSteps.getErrorMessage());
        test(view.toy.batchSize).setValue("abc");
        assertTrue(view.toy.batchSize.isInvalid(), "no num_steps allows it: marked before num_steps is fixed");
        assertTrue(
                view.toy.batchSize.getErrorMessage().startsWith("“abc” is not a whole number."),
                view.toy.batchSize.getErrorMessage());
        assertEquals(3, view.toy.epochs.random().batchSize());
    }

    @Test
    void theTextIsCutWithTheBooksSettingsAndStepsThroughAnEpoch() throws Exception {
        MinibatchesView view = open();
        int length = analysis.text().corpusLength();
        assertEquals(2580, length);
        assertEquals(
                length,
                view.layout.maxTokens.number().orElseThrow(),
                "a text shorter than 10,000 tokens is used whole");
        assertEquals(32, view.layout.epochs.random().batchSize());
        assertEquals(35, view.layout.epochs.random().numSteps());
        int[] corpus = analysis.text().corpus();
        assertEquals(nthEpoch(SamplerKind.SEQUENTIAL, corpus, 32, 35, 1, 1), view.layout.epochs.sequential());
        assertEquals(0, view.layout.step);
        assertFalse(view.layout.previous.isEnabled());
        assertTrue(view.layout.sequentialPanel.state.getText().startsWith("⟲"));
        assertEquals(
                "Minibatch 1 / " + view.layout.epochs.random().numBatches(), view.layout.randomPanel.index.getText());

        test(view.layout.next).click();
        assertEquals(1, view.layout.step);
        assertTrue(view.layout.previous.isEnabled());
        assertTrue(
                view.layout.sequentialPanel.state.getText().startsWith("▶"),
                view.layout.sequentialPanel.state.getText());
        assertTrue(view.layout.randomPanel.state.getText().startsWith("⟲"));
        assertEquals(
                "Minibatch 2 / " + view.layout.epochs.sequential().numBatches(),
                view.layout.sequentialPanel.index.getText());

        // autoplay steps on each poll, and goes on to a new epoch after the last minibatch
        view.layout.showStep(view.layout.steps() - 1);
        view.layout.tick();
        assertEquals(0, view.layout.step);
        assertEquals(nthEpoch(SamplerKind.RANDOM, corpus, 32, 35, 1, 2), view.layout.epochs.random());
    }

    @Test
    void anInvalidBatchSizeNamesTheValidRangeAndTheLayoutStays() throws Exception {
        MinibatchesView view = open();
        EpochLayout before = view.layout.epochs.sequential();
        int length = analysis.text().corpusLength();
        test(view.layout.batchSize).setValue("1000");
        assertTrue(view.layout.batchSize.isInvalid());
        int max = SamplerConfig.maxBatchSize(length, 35);
        assertTrue(
                view.layout
                        .batchSize
                        .getErrorMessage()
                        .contains("from 1 to " + max + " for 2,580 tokens with num_steps=35"),
                view.layout.batchSize.getErrorMessage());
        assertSame(before, view.layout.epochs.sequential());

        test(view.layout.batchSize).setValue("4");
        test(view.layout.numSteps).setValue("10");
        assertFalse(view.layout.batchSize.isInvalid());
        assertEquals(4, view.layout.epochs.sequential().batchSize());
        assertEquals(10, view.layout.epochs.sequential().numSteps());

        view.layout.maxTokens.setNumber(length + 1);
        assertTrue(view.layout.maxTokens.isInvalid());
        assertTrue(view.layout.maxTokens.getErrorMessage().contains("2,580"), view.layout.maxTokens.getErrorMessage());
        test(view.layout.maxTokens).setValue("100");
        assertEquals(100, view.layout.epochs.sequential().corpusLength());
    }

    @Test
    void coverageIsCountedInTheBackgroundAndDrawn() throws Exception {
        MinibatchesView view = open();
        view.coverage.pendingCoverage().get(20, TimeUnit.SECONDS);
        VaadinSession session = VaadinSession.getCurrent();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (view.coverage.result == null && System.nanoTime() < deadline) {
            session.getService().runPendingAccessTasks(session);
            Thread.sleep(10);
        }
        assertNotNull(view.coverage.result, "coverage arrives");
        assertEquals(100, view.coverage.result.random().epochs());
        assertEquals(2, view.coverage.chart.getSeries().size());
        assertEquals(
                CoveragePlot.headLength(2580, 35),
                view.coverage.chart.getSeries().get(0).points().size());
        assertTrue(
                view.coverage.discardedRandom.getText().contains("expected 17.0"),
                view.coverage.discardedRandom.getText());
        assertTrue(
                view.coverage.discardedSequential.getText().contains("expected 17.5"),
                view.coverage.discardedSequential.getText());
    }

    /** Runs the UI's pending access tasks until the coverage for the current values has arrived. */
    private static void awaitCoverage(MinibatchesView view) throws Exception {
        view.coverage.pendingCoverage().get(20, TimeUnit.SECONDS);
        VaadinSession session = VaadinSession.getCurrent();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((view.coverage.result == null || view.coverage.outOfDate.marked()) && System.nanoTime() < deadline) {
            session.getService().runPendingAccessTasks(session);
            Thread.sleep(10);
        }
    }

    @Test
    void anInvalidToyValueMarksThePrintOutOfDateUntilItIsCorrected() throws Exception {
        MinibatchesView view = open();
        assertFalse(view.toy.outOfDate.marked());
        test(view.toy.batchSize).setValue("6");
        assertTrue(view.toy.outOfDate.marked(), "the print is still that of batch_size=2");
        assertTrue(view.toy.outOfDate.getText().startsWith("Out of date"), view.toy.outOfDate.getText());
        assertFalse(view.toy.newEpoch.isEnabled(), "no new epoch of values that are no longer in the fields");

        test(view.toy.batchSize).setValue("2");
        assertFalse(view.toy.outOfDate.marked());
        assertTrue(view.toy.newEpoch.isEnabled());
    }

    @Test
    void anInvalidBatchSizeMarksTheLayoutAndTheCoverageOutOfDateAndStopsAutoplay() throws Exception {
        MinibatchesView view = open();
        awaitCoverage(view);
        assertFalse(view.coverage.outOfDate.marked());
        test(view.layout.play).click();
        assertTrue(view.layout.playing());

        test(view.layout.batchSize).setValue("1000");
        assertTrue(view.layout.outOfDate.marked(), "the layout shown is still that of batch_size=32");
        assertFalse(view.layout.playing(), "autoplay stops: it would step through values no longer in the fields");
        assertFalse(view.layout.next.isEnabled());
        assertFalse(view.layout.newEpoch.isEnabled());
        assertTrue(view.coverage.outOfDate.marked(), "the coverage shown is still that of batch_size=32");
        assertEquals(32, view.coverage.result.random().batchSize());

        test(view.layout.batchSize).setValue("4");
        assertFalse(view.layout.outOfDate.marked());
        assertEquals(4, view.layout.epochs.random().batchSize());
        assertTrue(view.layout.next.isEnabled());
        assertTrue(view.coverage.outOfDate.marked(), "marked until the count for batch_size=4 arrives");
        awaitCoverage(view);
        assertFalse(view.coverage.outOfDate.marked());
        assertEquals(4, view.coverage.result.random().batchSize());
        assertEquals(4, view.coverage.result.sequential().batchSize());
    }

    @Test
    void anInvalidSeedMarksEveryPanelOutOfDateAndTheSameSeedAgainRestoresThem() throws Exception {
        MinibatchesView view = open();
        awaitCoverage(view);
        EpochLayout toyBefore = view.toy.epochs.random();
        EpochLayout layoutBefore = view.layout.epochs.sequential();

        test(view.seed).setValue("-1");
        assertTrue(view.seed.isInvalid());
        assertTrue(view.toy.outOfDate.marked());
        assertTrue(view.layout.outOfDate.marked());
        assertTrue(view.coverage.outOfDate.marked());

        test(view.seed).setValue("1");
        assertFalse(view.toy.outOfDate.marked());
        assertFalse(view.layout.outOfDate.marked());
        assertFalse(view.coverage.outOfDate.marked(), "the counts shown are those of seed 1");
        assertSame(toyBefore, view.toy.epochs.random(), "the same seed: the epochs shown are kept");
        assertSame(layoutBefore, view.layout.epochs.sequential());
    }

    @Test
    void invalidEpochsMarkTheCoverageOutOfDate() throws Exception {
        MinibatchesView view = open();
        awaitCoverage(view);
        view.coverage.epochs.setNumber(CoverageService.MAX_EPOCHS + 1);
        assertTrue(view.coverage.epochs.isInvalid());
        assertTrue(view.coverage.outOfDate.marked());

        test(view.coverage.epochs).setValue("10");
        assertFalse(view.coverage.epochs.isInvalid());
        awaitCoverage(view);
        assertFalse(view.coverage.outOfDate.marked());
        assertEquals(10, view.coverage.result.random().epochs());
    }

    @Test
    void aNewCurrentTextClearsTheLayoutOfThePreviousOne() throws Exception {
        MinibatchesView view = open();
        awaitCoverage(view);
        String shortText = "the quick brown fox jumps over the lazy dog \n".repeat(12);
        TextAnalysis other = context.getBean(TextAnalyzer.class)
                .analyze("Short fox", shortText, TextOptions.bookChars())
                .get(20, TimeUnit.SECONDS);
        int length = other.text().corpusLength();
        assertTrue(SamplerConfig.maxBatchSize(length, 35) < 32, "batch_size=32 does not fit the new text");

        view.show(other);
        assertTrue(view.layout.textName.getText().startsWith("Short fox"), view.layout.textName.getText());
        assertEquals(length, view.layout.maxTokens.number().orElseThrow());
        assertTrue(view.layout.batchSize.isInvalid());
        assertNull(view.layout.epochs, "no layout of the previous text under the new text's name");
        assertEquals("", view.layout.randomPanel.index.getText());
        assertEquals(0, view.layout.sequentialPanel.rows.getChildren().count());
        assertEquals("", view.layout.epochInfo.getText());
        assertFalse(view.layout.next.isEnabled());
        assertTrue(view.coverage.outOfDate.marked(), "the coverage shown is that of the previous text's cut");

        test(view.layout.batchSize).setValue("4");
        assertEquals(
                nthEpoch(SamplerKind.SEQUENTIAL, other.text().corpus(), 4, 35, 1, 1), view.layout.epochs.sequential());
        awaitCoverage(view);
        assertEquals(length, view.coverage.result.random().corpusLength());
    }

    @Test
    void aFullCoveragePoolIsToldAsBusyAndTheCountComesWhenItFrees() throws Exception {
        BoundedPool pool = context.getBean(BoundedExecutors.class).pool(WorkKind.COVERAGE);
        CountDownLatch release = new CountDownLatch(1);
        try {
            try {
                for (int taken = 0; taken <= 10_000; taken++) {
                    pool.submit(() -> {
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            } catch (ServerBusyException full) {
                // every thread busy and the queue full
            }
            MinibatchesView view = open();
            VaadinSession session = VaadinSession.getCurrent();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!view.coverage.outOfDate.getText().contains("busy")) {
                assertTrue(System.nanoTime() < deadline, "the panel says: " + view.coverage.outOfDate.getText());
                session.getService().runPendingAccessTasks(session);
                Thread.sleep(10);
            }
            assertTrue(view.coverage.outOfDate.marked());
            assertNull(view.coverage.result, "nothing counted while the pool is full");
            release.countDown();
            while (pool.stats().queued() > 0 || pool.stats().active() > 0) {
                assertTrue(System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(20), "the pool frees");
                Thread.sleep(10);
            }
            view.seed.setNumber(view.seed.number().orElseThrow() + 1); // ask again
            awaitCoverage(view);
            assertNotNull(view.coverage.result);
        } finally {
            release.countDown();
        }
    }
}
