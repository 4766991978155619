package org.rnnplayground.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.SpareCores;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.store.CheckpointStore;
import org.rnnplayground.store.LearnerStore;
import org.rnnplayground.store.MetricStore;
import org.rnnplayground.store.RunStore;
import org.rnnplayground.store.TextStore;
import org.rnnplayground.text.TextOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Runs kept for good: a run trained by one runtime comes back, with its history, in a new runtime
 * on the same store (as after a restart); a run cut off by the restart comes back as stopped by the
 * shutdown with the epochs it had finished.
 */
@SpringBootTest(classes = Application.class)
class RunJournalTest {

    /** Written for this test: enough characters for a few minibatches of 2 x 5. */
    private static final String RAW =
            "a small text about rivers and hills that the journal keeps for good.\n".repeat(8);

    @Autowired
    LocalTraining training;

    @Autowired
    RunJournal journal;

    @Autowired
    LearnerStore learners;

    @Autowired
    TextStore texts;

    @Autowired
    RunStore runStore;

    @Autowired
    MetricStore metrics;

    @Autowired
    CheckpointStore checkpoints;

    private final ExecutorService workers = Executors.newCachedThreadPool();

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    private TestRun spec(UserId learner, int epochs) {
        TrainConfig config = TrainConfig.book()
                .withNumHiddens(8)
                .withBatch(2, 5)
                .withNumEpochs(epochs)
                .withSamples(1, "the", 10, TrainConfig.book().decoding());
        TestRun run = TestRun.of("Rivers", RAW, TextOptions.bookChars(), 0, config, ModelSpec.scratch());
        assertEquals(run.spec().textSha256(), journal.keepText(learner, learners.newToken(), RAW));
        return run;
    }

    private static RunSnapshot await(
            LocalTraining runtime, String id, UserId owner, java.util.function.Predicate<RunSnapshot> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            RunSnapshot s = runtime.find(id, owner).orElseThrow();
            if (done.test(s)) {
                return s;
            }
            assertTrue(System.nanoTime() < deadline, "run " + id + " is still " + s.status());
            Thread.sleep(10);
        }
    }

    /**
     * Waits until the store holds the run's end: the runtime publishes the end just after the run's
     * snapshot turns final, so one flush may come before the end is even handed to the journal.
     */
    private void awaitStoredEnd(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            journal.flush();
            String stored =
                    runStore.find(java.util.UUID.fromString(id)).orElseThrow().status();
            if (RunStatus.valueOf(stored).isFinal()) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "the store still says " + stored);
            Thread.sleep(10);
        }
    }

    /** A new runtime and journal on the same store, as after a restart. */
    private LocalTraining restarted() {
        return new LocalTraining(
                new ModelRunExecutor(1, SpareCores.NONE), workers, new TrainingLimits(1, 3, 1, 20), Clock.systemUTC());
    }

    @Test
    void aFinishedRunComesBackWithItsHistoryAfterARestart() throws Exception {
        UserId ann = UserId.random();
        String id = spec(ann, 3).launchBy(training, ann).run().orElseThrow().id();
        RunSnapshot before = await(training, id, ann, s -> s.status().isFinal());
        assertEquals(RunStatus.FINISHED, before.status());
        awaitStoredEnd(id);

        try (LocalTraining after = restarted();
                RunJournal journalAfter = new RunJournal(learners, texts, runStore, metrics, checkpoints, after)) {
            assertEquals(1, journalAfter.restore(ann));
            RunSnapshot back = after.find(id, ann).orElseThrow();
            assertEquals("r1", back.label());
            assertEquals(RunStatus.FINISHED, back.status());
            assertEquals(
                    before.epochs().stream().map(EpochReport::perplexity).toList(),
                    back.epochs().stream().map(EpochReport::perplexity).toList(),
                    "every epoch's perplexity, to the last digit");
            assertEquals(before.samples(), back.samples());
            assertEquals(before.spec(), back.spec(), "the spec as launched, naming its text by hash");
            assertEquals(before.text().vocab().vocabSize(), back.text().vocab().vocabSize());
            assertArrayEquals(before.text().corpus(), back.text().corpus(), "the text resolved from the store");
            // it generates after the restart, from the parameters of its last checkpoint
            org.rnnplayground.model.CharModel was =
                    training.modelNow(id, ann).orElseThrow().get(10, TimeUnit.SECONDS);
            org.rnnplayground.model.CharModel is =
                    after.modelNow(id, ann).orElseThrow().get(10, TimeUnit.SECONDS);
            org.rnnplayground.model.Decoding greedy = org.rnnplayground.model.Decoding.greedyArgmax();
            assertEquals(
                    org.rnnplayground.model.Generator.generate(
                                    was, before.text().codec(), "the ", 30, greedy)
                            .text(),
                    org.rnnplayground.model.Generator.generate(is, back.text().codec(), "the ", 30, greedy)
                            .text());
            assertEquals(0, journalAfter.restore(ann), "restoring twice adds nothing");
            assertTrue(after.runsOf(UserId.random()).isEmpty(), "nobody else sees it");

            String next = spec(ann, 1).launchBy(after, ann).run().orElseThrow().id();
            assertEquals("r2", after.find(next, ann).orElseThrow().label(), "numbering goes on");
            await(after, next, ann, s -> s.status().isFinal());
        }
    }

    @Test
    void aRunWhoseTextTheStoreDoesNotHoldTrainsWithoutBeingKept() throws Exception {
        UserId dan = UserId.random();
        TrainConfig config =
                TrainConfig.book().withNumHiddens(8).withBatch(2, 5).withNumEpochs(2);
        TestRun unkept = TestRun.of(
                "Not kept", RAW + " and one more line", TextOptions.bookChars(), 0, config, ModelSpec.scratch());
        String id = unkept.launchBy(training, dan).run().orElseThrow().id();
        RunSnapshot done = await(training, id, dan, s -> s.status().isFinal());
        assertEquals(RunStatus.FINISHED, done.status(), "it trains as any run");
        journal.flush();
        assertTrue(runStore.find(java.util.UUID.fromString(id)).isEmpty(), "the store refused it: no text to name");
    }

    @Test
    void aRunCutOffByARestartComesBackStoppedWithTheEpochsItFinished() throws Exception {
        UserId bob = UserId.random();
        String id =
                spec(bob, 100_000).launchBy(training, bob).run().orElseThrow().id();
        await(training, id, bob, s -> s.epochsDone() >= 2);
        journal.flush();
        try (LocalTraining after = restarted();
                RunJournal journalAfter = new RunJournal(learners, texts, runStore, metrics, checkpoints, after)) {
            assertEquals(1, journalAfter.restore(bob));
            RunSnapshot back = after.find(id, bob).orElseThrow();
            assertEquals(RunStatus.STOPPED, back.status());
            assertEquals(StopReason.SHUTDOWN, back.stopReason());
            assertTrue(back.epochsDone() >= 2, "its finished epochs are kept: " + back.epochsDone());
            assertFalse(back.samples().isEmpty());
            assertFalse(back.progress().isEmpty(), "its in-epoch points are kept, written as they came");
            assertTrue(
                    back.progress().getLast().epochs() >= 1,
                    "up to where it was: " + back.progress().getLast());
        } finally {
            training.stop(id, bob);
        }
        RunSnapshot stopped = await(training, id, bob, s -> s.status().isFinal());
        assertEquals(StopReason.BY_USER, stopped.stopReason());
        List<RunSnapshot> mine = training.runsOf(bob);
        assertEquals(1, mine.size());
    }

    @Test
    void aRunCutOffMidTrainingResumesFromItsCheckpointAndEndsAsIfNeverStopped() throws Exception {
        UserId cat = UserId.random();
        TestRun spec = spec(cat, 25);
        try (LocalTraining before = restarted();
                RunJournal journalBefore = new RunJournal(learners, texts, runStore, metrics, checkpoints, before)) {
            String id = spec.launchBy(before, cat).run().orElseThrow().id();
            await(before, id, cat, s -> s.epochsDone() >= 12);
            journalBefore.flush();
            journalBefore.close(); // the server is going down: nothing more reaches the store
            assertTrue(
                    runStore.find(java.util.UUID.fromString(id)).orElseThrow().resumePending(),
                    "marked for resumption at shutdown");
            assertFalse(spec.launchBy(before, cat).accepted(), "no launch is taken while shutting down");

            // the same run, never interrupted, for comparison (the journal no longer writes it)
            RunSnapshot uninterrupted = await(before, id, cat, s -> s.status().isFinal());

            try (LocalTraining after = restarted();
                    RunJournal journalAfter = new RunJournal(learners, texts, runStore, metrics, checkpoints, after)) {
                assertEquals(1, journalAfter.resumeInterrupted());
                RunSnapshot resumed = after.find(id, cat).orElseThrow();
                assertEquals(
                        RunJournal.CHECKPOINT_EVERY_EPOCHS,
                        resumed.resumedFromEpoch(),
                        "from the checkpoint at epoch 10");
                assertEquals("r1", resumed.label());
                RunSnapshot done = await(after, id, cat, s -> s.status().isFinal());
                assertEquals(RunStatus.FINISHED, done.status());
                assertEquals(25, done.epochsDone());
                assertEquals(
                        uninterrupted.epochs().stream()
                                .map(EpochReport::perplexity)
                                .toList(),
                        done.epochs().stream().map(EpochReport::perplexity).toList(),
                        "every epoch's perplexity as without the restart, to the last digit");
                assertTrue(after.modelNow(id, cat).isPresent(), "it generates");
                journalAfter.flush();
                assertEquals(
                        25,
                        metrics.history(java.util.UUID.fromString(id)).epochs().size(),
                        "the store holds each epoch once");
            }
        }
    }
}
