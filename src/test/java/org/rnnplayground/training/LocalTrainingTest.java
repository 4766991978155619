package org.rnnplayground.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.SpareCores;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.TrainOutcome;
import org.rnnplayground.model.budget.ComputeBudget;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.text.TextOptions;

/**
 * The queue's rules with a fake executor that blocks until released: slots, fairness, per-user
 * limits, stopping, isolation between users, eviction of old runs.
 */
class LocalTrainingTest {

    private static final UserId ANN = new UserId("ann");
    private static final UserId BOB = new UserId("bob");

    /** Each run waits for its own latch, then "trains" 3 epochs. */
    private final ConcurrentHashMap<String, CountDownLatch> gates = new ConcurrentHashMap<>();

    private final List<String> startOrder = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private LocalTraining training;

    private final RunExecutor fake = (spec, text, listener, cancelled) -> {
        String name = spec.textName();
        startOrder.add(name);
        CountDownLatch gate = gates.computeIfAbsent(name, n -> new CountDownLatch(1));
        try {
            while (!gate.await(5, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    return new RunExecutor.Result(
                            new TrainOutcome(TrainOutcome.Status.CANCELLED, List.of(), 0, "cancelled"), null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<EpochReport> reports = new ArrayList<>();
        for (int e = 1; e <= 3; e++) {
            EpochReport r =
                    new EpochReport(e, 10.0 / e, 1000, 1, 1, 0, 1, 10, Duration.ofMillis(1), Duration.ofMillis(e));
            reports.add(r);
            listener.onEpoch(r);
        }
        return new RunExecutor.Result(new TrainOutcome(TrainOutcome.Status.COMPLETED, reports, 0, ""), null);
    };

    private static TestRun spec(String name) {
        return TestRun.tiny(name);
    }

    private LocalTraining start(TrainingLimits limits) {
        training = new LocalTraining(fake, workers, limits, Clock.systemUTC());
        return training;
    }

    private void release(String name) {
        gates.computeIfAbsent(name, n -> new CountDownLatch(1)).countDown();
    }

    private void awaitStatus(String runId, UserId owner, RunStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (training.find(runId, owner).orElseThrow().status() != status) {
            assertTrue(System.nanoTime() < deadline, "run " + runId + " never became " + status);
            Thread.sleep(2);
        }
    }

    @AfterEach
    void stop() {
        gates.values().forEach(CountDownLatch::countDown);
        training.close();
        workers.shutdownNow();
    }

    @Test
    void slotsBoundTheRunningRunsAndUsersAreServedInTurn() throws Exception {
        start(new TrainingLimits(1, 5, 1, 20));
        String a1 = spec("a1").launchBy(training, ANN).run().orElseThrow().id();
        String a2 = spec("a2").launchBy(training, ANN).run().orElseThrow().id();
        String a3 = spec("a3").launchBy(training, ANN).run().orElseThrow().id();
        String b1 = spec("b1").launchBy(training, BOB).run().orElseThrow().id();
        awaitStatus(a1, ANN, RunStatus.RUNNING);
        assertEquals(1, training.running());
        assertEquals(3, training.queued());
        // Bob queued last but is first in line: Ann trains her one run at a time, and her next
        // runs wait for it to end, then join the line behind Bob.
        assertEquals(QueuePlace.inLine(1), training.find(b1, BOB).orElseThrow().queuePlace());
        assertEquals(
                QueuePlace.behindOwn(), training.find(a2, ANN).orElseThrow().queuePlace());
        assertEquals(
                QueuePlace.behindOwn(), training.find(a3, ANN).orElseThrow().queuePlace());

        release("a1");
        awaitStatus(a1, ANN, RunStatus.FINISHED);
        release("a2");
        release("b1");
        release("a3");
        awaitStatus(a3, ANN, RunStatus.FINISHED);
        assertEquals(List.of("a1", "b1", "a2", "a3"), startOrder);
        assertEquals(3, training.find(a1, ANN).orElseThrow().epochsDone());
    }

    @Test
    void aModelOverTheBudgetIsRefusedBeforeAnyArrayIsAllocated() {
        // a text of a million distinct words, tokenized as words: vocab_size 1,000,001 with <unk>
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++) {
            int n = i;
            for (int k = 0; k < 5; k++) {
                text.append((char) ('a' + n % 26));
                n /= 26;
            }
            text.append(' ');
        }
        TestRun huge = TestRun.of(
                "words",
                text.toString(),
                TextOptions.bookWords(),
                10_000,
                TrainConfig.book().withNumHiddens(128),
                ModelSpec.scratch());
        assertEquals(1_000_001, huge.text().vocab().vocabSize());
        // the real executor: had the launch been accepted, it would build a model of gigabytes
        training = new LocalTraining(
                new ModelRunExecutor(1, SpareCores.NONE),
                workers,
                new TrainingLimits(1, 3, 1, 20),
                Clock.systemUTC(),
                org.rnnplayground.model.budget.ComputeBudget.defaults());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        LaunchResult refused = huge.launchBy(training, ANN);
        long grown = memory.getHeapMemoryUsage().getUsed() - before;

        assertFalse(refused.accepted());
        assertEquals(LaunchResult.Refusal.OVER_BUDGET, refused.refusal());
        assertEquals("budget.training.memory", refused.overBudget().key());
        assertEquals(List.of(1_000_001, 128), refused.overBudget().args().subList(0, 2));
        assertTrue(grown < 32L * 1024 * 1024, "the heap grew by " + grown + " bytes");
        assertEquals(List.of(), training.runsOf(ANN), "nothing was queued");
        assertTrue(startOrder.isEmpty());
    }

    @Test
    void theOldestFinishedModelsAreReleasedWhenAllKeptModelsExceedTheBudget() throws Exception {
        TestRun one = spec("m");
        long modelBytes = one.spec()
                .model()
                .footprint(one.text().vocab().vocabSize(), one.spec().config())
                .modelBytes();
        ComputeBudget d = ComputeBudget.defaults();
        ComputeBudget budget = new ComputeBudget(
                d.runBytes(),
                d.stepMultiplyAdds(),
                d.traceBytes(),
                d.traceMultiplyAdds(),
                d.generationLength(),
                d.generationMultiplyAdds(),
                d.sequenceBytes(),
                d.sequenceMultiplyAdds(),
                modelBytes * 5 / 2); // room for two and a half models
        RunExecutor trainsAModel = (spec, text, listener, cancelled) -> new RunExecutor.Result(
                new TrainOutcome(TrainOutcome.Status.COMPLETED, List.of(), 0, ""),
                spec.model().newModel(text.vocab().vocabSize(), spec.config()));
        training = new LocalTraining(trainsAModel, workers, new TrainingLimits(1, 5, 1, 20), Clock.systemUTC(), budget);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UserId owner = i % 2 == 0 ? ANN : BOB; // the budget is for all users together
            String id =
                    spec("m" + i).launchBy(training, owner).run().orElseThrow().id();
            awaitStatus(id, owner, RunStatus.FINISHED);
            ids.add(id);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!training.find(ids.get(1), BOB).orElseThrow().modelReleased() && System.nanoTime() < deadline) {
            Thread.sleep(2); // released on the training thread just after the last run ended
        }
        List<Boolean> released = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UserId owner = i % 2 == 0 ? ANN : BOB;
            released.add(training.find(ids.get(i), owner).orElseThrow().modelReleased());
        }
        assertEquals(List.of(true, true, false, false), released);
        assertTrue(training.modelNow(ids.get(0), ANN).isEmpty(), "a released model does not generate");
        assertTrue(training.modelNow(ids.get(3), BOB).isPresent());
        assertEquals(0, training.find(ids.get(0), ANN).orElseThrow().memoryBytes(), "nothing is counted for it");
        assertEquals(modelBytes, training.find(ids.get(3), BOB).orElseThrow().memoryBytes());
    }

    @Test
    void perUserQueueLimitRefusesWithTheReason() {
        start(new TrainingLimits(1, 1, 1, 20));
        assertTrue(spec("a1").launchBy(training, ANN).accepted());
        assertTrue(spec("a2").launchBy(training, ANN).accepted());
        LaunchResult refused = spec("a3").launchBy(training, ANN);
        assertFalse(refused.accepted());
        assertEquals(LaunchResult.Refusal.TOO_MANY_QUEUED, refused.refusal());
        assertEquals(1, refused.limit());
        assertTrue(spec("b1").launchBy(training, BOB).accepted(), "another user is not affected");
    }

    @Test
    void usersSeeAndStopOnlyTheirOwnRuns() throws Exception {
        start(new TrainingLimits(2, 5, 1, 20));
        String a1 = spec("a1").launchBy(training, ANN).run().orElseThrow().id();
        String b1 = spec("b1").launchBy(training, BOB).run().orElseThrow().id();
        assertEquals(
                List.of(a1), training.runsOf(ANN).stream().map(RunSnapshot::id).toList());
        assertTrue(training.find(b1, ANN).isEmpty());
        assertFalse(training.stop(b1, ANN), "Ann cannot stop Bob's run");
        awaitStatus(b1, BOB, RunStatus.RUNNING);
        assertTrue(training.stop(b1, BOB));
        awaitStatus(b1, BOB, RunStatus.STOPPED);
        assertEquals(RunStatus.RUNNING, training.find(a1, ANN).orElseThrow().status());
        assertTrue(training.stopAny(a1), "the admin can stop any run");
        awaitStatus(a1, ANN, RunStatus.STOPPED);
    }

    @Test
    void stoppingAQueuedRunTakesItOutOfTheQueue() throws Exception {
        start(new TrainingLimits(1, 5, 1, 20));
        String a1 = spec("a1").launchBy(training, ANN).run().orElseThrow().id();
        String a2 = spec("a2").launchBy(training, ANN).run().orElseThrow().id();
        assertTrue(training.stop(a2, ANN));
        assertEquals(RunStatus.STOPPED, training.find(a2, ANN).orElseThrow().status());
        assertEquals(0, training.queued());
        release("a1");
        awaitStatus(a1, ANN, RunStatus.FINISHED);
        assertFalse(startOrder.contains("a2"));
    }

    @Test
    void eventsReachOnlyTheOwnerAndFinishedRunsBeyondTheLimitAreDropped() throws Exception {
        start(new TrainingLimits(2, 5, 2, 2));
        List<RunEvent> annEvents = Collections.synchronizedList(new ArrayList<>());
        List<RunEvent> bobEvents = Collections.synchronizedList(new ArrayList<>());
        training.feed().subscribe(ANN, annEvents::add);
        training.feed().subscribe(BOB, bobEvents::add);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            release("a" + i);
            String id =
                    spec("a" + i).launchBy(training, ANN).run().orElseThrow().id();
            awaitStatus(id, ANN, RunStatus.FINISHED);
            ids.add(id);
        }
        assertTrue(bobEvents.isEmpty());
        assertTrue(annEvents.stream().anyMatch(e -> e.kind() == RunEvent.Kind.EPOCH));
        assertTrue(annEvents.stream().allMatch(e -> e.run().owner().equals(ANN)));
        assertEquals(
                ids.subList(2, 4).reversed(),
                training.runsOf(ANN).stream().map(RunSnapshot::id).toList());
        assertTrue(annEvents.stream()
                .anyMatch(e -> e.kind() == RunEvent.Kind.REMOVED && e.run().id().equals(ids.get(0))));
    }
}
