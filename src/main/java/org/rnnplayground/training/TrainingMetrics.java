package org.rnnplayground.training;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The training runtime's numbers for Micrometer (on {@code /actuator/prometheus} as {@code
 * rnn_runs_*}): runs queued, running and finished (ended runs still held), tokens per second of
 * all running runs together, and how long runs waited for a slot.
 */
@Component
public final class TrainingMetrics implements AutoCloseable {

    private final Timer queueWait;
    private final ProgressFeed.Subscription subscription;

    public TrainingMetrics(MeterRegistry registry, LocalTraining training) {
        Gauge.builder("rnn.runs.queued", training, RunQueue::queued)
                .description("Runs waiting for a training slot")
                .register(registry);
        Gauge.builder("rnn.runs.running", training, RunQueue::running)
                .description("Runs training now")
                .register(registry);
        Gauge.builder("rnn.runs.finished", training, TrainingMetrics::finished)
                .description("Ended runs still held (finished, stopped, diverged or failed)")
                .register(registry);
        Gauge.builder("rnn.runs.tokens.per.second", training, TrainingMetrics::tokensPerSecond)
                .description("Tokens per second of all running runs together")
                .register(registry);
        queueWait = Timer.builder("rnn.runs.queue.wait")
                .description("Time from a run's launch to its start on a slot")
                .register(registry);
        subscription = training.feed().subscribeAll(this::onEvent);
    }

    private void onEvent(RunEvent event) {
        RunSnapshot run = event.run();
        if (event.kind() == RunEvent.Kind.STARTED && run.startedAt() != null) {
            queueWait.record(Duration.between(run.createdAt(), run.startedAt()));
        }
    }

    private static double finished(RunRegistry runs) {
        return runs.all().stream().filter(r -> r.status().isFinal()).count();
    }

    /** Sum over running runs of their latest speed; a run that has not measured one yet adds nothing. */
    private static double tokensPerSecond(RunRegistry runs) {
        return runs.all().stream()
                .filter(r -> r.status() == RunStatus.RUNNING)
                .mapToDouble(RunSnapshot::tokensPerSecond)
                .filter(Double::isFinite)
                .sum();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
