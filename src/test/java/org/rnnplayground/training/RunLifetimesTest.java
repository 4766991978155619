package org.rnnplayground.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.TrainOutcome;

/**
 * How runs end and are let go, on a clock the test moves: the time limit, the caps on the whole
 * queue and per network address, users who are away, retention, and the reason each stop carries.
 */
class RunLifetimesTest {

    private static final UserId ANN = new UserId("ann");
    private static final UserId ANN_PRIVATE_WINDOW = new UserId("ann-private-window");
    private static final UserId BOB = new UserId("bob");
    private static final UserId CAROL = new UserId("carol");

    private final TestClock clock = new TestClock();
    private final UserPresence presence = new UserPresence(clock);
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final ConcurrentHashMap<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    /** How often the fake training asked whether to stop. */
    private final AtomicLong polls = new AtomicLong();

    private final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
    private LocalTraining training;

    /**
     * Reports epoch 1 at once, then asks whether to stop until its gate opens; ends COMPLETED (with
     * epoch 2) or CANCELLED, with a model either way, as the real trainer does.
     */
    private final RunExecutor fake = (spec, text, listener, cancelled) -> {
        CharModel model = stubModel();
        List<EpochReport> reports = new ArrayList<>();
        epoch(1, reports, listener);
        CountDownLatch gate = gates.computeIfAbsent(spec.textName(), n -> new CountDownLatch(1));
        try {
            while (!gate.await(2, TimeUnit.MILLISECONDS)) {
                if (stop(cancelled)) {
                    return new RunExecutor.Result(
                            new TrainOutcome(TrainOutcome.Status.CANCELLED, reports, 0, "cancelled"), model);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        epoch(2, reports, listener);
        return new RunExecutor.Result(new TrainOutcome(TrainOutcome.Status.COMPLETED, reports, 0, ""), model);
    };

    private boolean stop(BooleanSupplier cancelled) {
        boolean stop = cancelled.getAsBoolean();
        polls.incrementAndGet();
        return stop;
    }

    private static void epoch(int e, List<EpochReport> reports, org.rnnplayground.model.TrainListener listener) {
        EpochReport r = new EpochReport(e, 10.0 / e, 1000, 1, 1, 0, 1, 10, Duration.ofMillis(1), Duration.ofMillis(e));
        reports.add(r);
        listener.onEpoch(r);
    }

    /** A model that is only ever held, never asked anything. */
    private static CharModel stubModel() {
        return (CharModel) Proxy.newProxyInstance(
                CharModel.class.getClassLoader(), new Class<?>[] {CharModel.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static TestRun spec(String name) {
        return TestRun.tiny(name);
    }

    private static TrainingLimits limits(int slots, int maxQueuedTotal, int perAddress) {
        return new TrainingLimits(slots, 5, 1, 20).withCaps(maxQueuedTotal, perAddress);
    }

    private LocalTraining start(TrainingLimits limits) {
        training = new LocalTraining(fake, workers, limits, clock, presence);
        training.feed().subscribeAll(events::add);
        return training;
    }

    private String launch(UserId user, String name) {
        LaunchResult result = spec(name).launchBy(training, user);
        assertTrue(result.accepted(), name + " was refused: " + result.refusal());
        return result.run().orElseThrow().id();
    }

    private void release(String name) {
        gates.computeIfAbsent(name, n -> new CountDownLatch(1)).countDown();
    }

    private RunSnapshot await(String runId, UserId owner, RunStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        RunSnapshot run;
        while ((run = training.find(runId, owner).orElseThrow()).status() != status) {
            assertTrue(System.nanoTime() < deadline, "run " + runId + " never became " + status + ": " + run.status());
            Thread.sleep(2);
        }
        return run;
    }

    private void awaitMorePolls(int more) throws InterruptedException {
        long target = polls.get() + more;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (polls.get() < target) {
            assertTrue(System.nanoTime() < deadline, "the training stopped asking whether to stop");
            Thread.sleep(1);
        }
    }

    @AfterEach
    void stopAll() {
        gates.values().forEach(CountDownLatch::countDown);
        training.close();
        workers.shutdownNow();
    }

    @Test
    void aRunPastItsTimeLimitIsStoppedWithItsMetricsAndModelKept() throws Exception {
        start(new TrainingLimits(1, 5, 1, 20)
                .withLifetimes(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(6)));
        String a1 = launch(ANN, "a1");
        await(a1, ANN, RunStatus.RUNNING);

        clock.advance(Duration.ofMinutes(4));
        awaitMorePolls(3);
        assertEquals(RunStatus.RUNNING, training.find(a1, ANN).orElseThrow().status(), "4 of 5 minutes: trains on");

        clock.advance(Duration.ofMinutes(2));
        RunSnapshot stopped = await(a1, ANN, RunStatus.STOPPED);
        assertEquals(StopReason.TIME_LIMIT, stopped.stopReason());
        assertEquals(1, stopped.epochsDone(), "the epochs trained before the limit are kept");
        assertTrue(training.modelNow(a1, ANN).isPresent(), "the model trained so far can still generate");
        assertEquals(0, training.running(), "the slot is free again");
    }

    @Test
    void theQueueOfAllUsersIsCappedAndALaunchBeyondIsRefused() throws Exception {
        start(limits(1, 2, 0));
        String a1 = launch(ANN, "a1");
        await(a1, ANN, RunStatus.RUNNING);
        String a2 = launch(ANN, "a2");
        launch(BOB, "b1");
        assertEquals(2, training.queued());

        LaunchResult refused = spec("c1").launchBy(training, CAROL);
        assertFalse(refused.accepted());
        assertEquals(LaunchResult.Refusal.QUEUE_FULL, refused.refusal());
        assertEquals(2, refused.limit());
        assertEquals(2, training.queued(), "the refused run is not queued");

        assertTrue(training.stop(a2, ANN));
        assertTrue(spec("c1").launchBy(training, CAROL).accepted(), "a place in the queue is free again");
    }

    @Test
    void aPrivateWindowFromTheSameAddressGetsNoFreshLimits() throws Exception {
        start(limits(1, 100, 2));
        presence.seen(ANN, "192.0.2.7");
        presence.seen(ANN_PRIVATE_WINDOW, "192.0.2.7");
        presence.seen(BOB, "198.51.100.3");
        String a1 = launch(ANN, "a1");
        launch(ANN, "a2");

        LaunchResult refused = spec("p1").launchBy(training, ANN_PRIVATE_WINDOW);
        assertFalse(refused.accepted());
        assertEquals(LaunchResult.Refusal.TOO_MANY_FROM_ADDRESS, refused.refusal());
        assertEquals(2, refused.limit());
        assertTrue(spec("b1").launchBy(training, BOB).accepted(), "another address is not affected");

        await(a1, ANN, RunStatus.RUNNING);
        release("a1");
        await(a1, ANN, RunStatus.FINISHED);
        assertTrue(
                spec("p1").launchBy(training, ANN_PRIVATE_WINDOW).accepted(),
                "finished runs do not count, only waiting and training ones");
    }

    @Test
    void runsOfUsersWhoAreAwayAreStoppedAndTheirRunsAndModelsReleased() throws Exception {
        start(new TrainingLimits(2, 5, 1, 20)
                .withLifetimes(Duration.ofMinutes(120), Duration.ofMinutes(30), Duration.ofDays(1)));
        presence.seen(ANN, "192.0.2.7");
        presence.seen(BOB, "198.51.100.3");
        release("a1");
        String a1 = launch(ANN, "a1");
        await(a1, ANN, RunStatus.FINISHED);
        String a2 = launch(ANN, "a2");
        String b1 = launch(BOB, "b1");
        await(a2, ANN, RunStatus.RUNNING);
        await(b1, BOB, RunStatus.RUNNING);
        assertTrue(training.modelNow(a1, ANN).isPresent());

        clock.advance(Duration.ofMinutes(20));
        presence.seen(BOB); // Bob's open page sends its heartbeat; Ann's tab is closed
        clock.advance(Duration.ofMinutes(15));
        training.sweep();

        RunSnapshot stopped = await(a2, ANN, RunStatus.STOPPED);
        assertEquals(StopReason.AWAY, stopped.stopReason());
        assertTrue(training.modelNow(a1, ANN).isEmpty(), "Ann's finished run and its model are released");
        assertEquals(
                List.of(a2), training.runsOf(ANN).stream().map(RunSnapshot::id).toList());
        training.sweep(); // the run stopped since the last sweep goes too
        assertTrue(training.runsOf(ANN).isEmpty());
        assertTrue(events.stream()
                .anyMatch(e -> e.kind() == RunEvent.Kind.REMOVED && e.run().id().equals(a2)));
        assertEquals(RunStatus.RUNNING, training.find(b1, BOB).orElseThrow().status(), "Bob is here: trains on");

        presence.left(BOB); // Bob's session ended: he cannot come back
        training.sweep();
        assertEquals(StopReason.AWAY, await(b1, BOB, RunStatus.STOPPED).stopReason());
    }

    @Test
    void finishedRunsAreReleasedAfterTheRetentionTime() throws Exception {
        start(new TrainingLimits(1, 5, 1, 20)
                .withLifetimes(Duration.ofMinutes(60), Duration.ofDays(2), Duration.ofMinutes(60)));
        presence.seen(ANN);
        release("a1");
        release("a2");
        String a1 = launch(ANN, "a1");
        await(a1, ANN, RunStatus.FINISHED);
        clock.advance(Duration.ofMinutes(30));
        String a2 = launch(ANN, "a2");
        await(a2, ANN, RunStatus.FINISHED);

        clock.advance(Duration.ofMinutes(29));
        training.sweep();
        assertEquals(2, training.runsOf(ANN).size(), "59 minutes: both are kept");

        clock.advance(Duration.ofMinutes(2));
        training.sweep();
        assertEquals(
                List.of(a2), training.runsOf(ANN).stream().map(RunSnapshot::id).toList());
        assertTrue(training.modelNow(a1, ANN).isEmpty());
        assertTrue(training.modelNow(a2, ANN).isPresent());
    }

    @Test
    void eachStopCarriesWhoOrWhatStoppedTheRun() throws Exception {
        start(new TrainingLimits(2, 5, 1, 20));
        String a1 = launch(ANN, "a1");
        String b1 = launch(BOB, "b1");
        String a2 = launch(ANN, "a2");
        await(a1, ANN, RunStatus.RUNNING);
        await(b1, BOB, RunStatus.RUNNING);

        assertTrue(training.stopAny(b1));
        assertEquals(StopReason.BY_INSTRUCTOR, await(b1, BOB, RunStatus.STOPPED).stopReason());
        assertTrue(training.stop(a2, ANN), "a waiting run");
        assertEquals(StopReason.BY_USER, await(a2, ANN, RunStatus.STOPPED).stopReason());
        assertNull(training.find(a1, ANN).orElseThrow().stopReason(), "a running run has no stop reason");

        training.close();
        assertEquals(StopReason.SHUTDOWN, await(a1, ANN, RunStatus.STOPPED).stopReason());
    }
}
