package org.rnnplayground.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.TrainOutcome;

/** The run gauges and the queue-wait timer follow the runtime, with a fake executor and a test clock. */
class TrainingMetricsTest {

    private static final UserId ANN = new UserId("ann");
    private static final UserId BOB = new UserId("bob");

    /** Each run's speed, by text name; a run reports one epoch at it, then waits for its gate. */
    private static final Map<String, Double> SPEED = Map.of("a1", 1200.0, "a2", 500.0, "b1", 3400.0);

    private final ConcurrentHashMap<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final TestClock clock = new TestClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private LocalTraining training;
    private TrainingMetrics metrics;

    private final RunExecutor fake = (spec, text, listener, cancelled) -> {
        String name = spec.textName();
        EpochReport epoch =
                new EpochReport(1, 5, SPEED.get(name), 1, 1, 0, 1, 10, Duration.ofMillis(1), Duration.ofMillis(1));
        listener.onEpoch(epoch);
        CountDownLatch gate = gates.computeIfAbsent(name, n -> new CountDownLatch(1));
        try {
            while (!gate.await(5, TimeUnit.MILLISECONDS) && !cancelled.getAsBoolean()) {
                // wait to be released or stopped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new RunExecutor.Result(new TrainOutcome(TrainOutcome.Status.COMPLETED, List.of(epoch), 0, ""), null);
    };

    private static TestRun spec(String name) {
        return TestRun.tiny(name);
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "never: " + what);
            Thread.sleep(2);
        }
    }

    @AfterEach
    void stop() throws Exception {
        gates.values().forEach(CountDownLatch::countDown);
        if (metrics != null) {
            metrics.close();
        }
        training.close();
        workers.shutdownNow();
    }

    @Test
    void gaugesCountTheRunsAndSumTheRunningSpeedsAndTheTimerRecordsTheWait() throws Exception {
        // two slots, one running run per user: Ann's second run waits for her first
        training = new LocalTraining(fake, workers, new TrainingLimits(2, 5, 1, 20), clock);
        metrics = new TrainingMetrics(registry, training);
        String a1 = spec("a1").launchBy(training, ANN).run().orElseThrow().id();
        spec("b1").launchBy(training, BOB).run().orElseThrow();
        String a2 = spec("a2").launchBy(training, ANN).run().orElseThrow().id();

        await("two runs report their speed", () -> gauge("rnn.runs.tokens.per.second") == 1200.0 + 3400.0);
        assertEquals(2, gauge("rnn.runs.running"));
        assertEquals(1, gauge("rnn.runs.queued"));
        assertEquals(0, gauge("rnn.runs.finished"));
        assertEquals(2, registry.get("rnn.runs.queue.wait").timer().count(), "a1 and b1 started at once");
        assertEquals(0, registry.get("rnn.runs.queue.wait").timer().totalTime(TimeUnit.SECONDS));

        clock.advance(Duration.ofSeconds(42));
        gates.computeIfAbsent("a1", n -> new CountDownLatch(1)).countDown();
        await("a2 starts", () -> training.find(a2, ANN).orElseThrow().status() == RunStatus.RUNNING);
        await(
                "a2's wait is recorded",
                () -> registry.get("rnn.runs.queue.wait").timer().count() == 3);

        assertEquals(42, registry.get("rnn.runs.queue.wait").timer().totalTime(TimeUnit.SECONDS));
        assertEquals(42, registry.get("rnn.runs.queue.wait").timer().max(TimeUnit.SECONDS));
        assertEquals(RunStatus.FINISHED, training.find(a1, ANN).orElseThrow().status());
        assertEquals(1, gauge("rnn.runs.finished"));
        assertEquals(0, gauge("rnn.runs.queued"));
        await("a2 reports its speed", () -> gauge("rnn.runs.tokens.per.second") == 500.0 + 3400.0);
        assertEquals(2, gauge("rnn.runs.running"));
    }
}
