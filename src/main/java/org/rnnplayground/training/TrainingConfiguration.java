package org.rnnplayground.training;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rnnplayground.model.budget.ComputeBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded (in-process) queue, registry and progress feed, and the sweep of its old runs. */
@Configuration(proxyBeanMethods = false)
class TrainingConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingConfiguration.class);

    /** How often runs of users who are away are stopped and old finished runs released. */
    static final long SWEEP_SECONDS = 15;

    @Bean
    UserPresence userPresence() {
        return new UserPresence(Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    LocalTraining localTraining(TrainingProperties properties, UserPresence presence, ComputeBudget budget) {
        return new LocalTraining(
                new ModelRunExecutor(properties.threads(), properties.cores()),
                Executors.newCachedThreadPool(
                        Thread.ofPlatform().name("training-", 0).daemon().factory()),
                properties.limits(),
                Clock.systemUTC(),
                presence,
                budget);
    }

    /** The events of the runs, for the pages that show them live. */
    @Bean
    ProgressFeed progressFeed(LocalTraining training) {
        return training.feed();
    }

    @Bean(destroyMethod = "close")
    RunJournal runJournal(
            org.rnnplayground.store.LearnerStore learners,
            org.rnnplayground.store.TextStore texts,
            org.rnnplayground.store.RunStore runs,
            org.rnnplayground.store.MetricStore metrics,
            org.rnnplayground.store.CheckpointStore checkpoints,
            LocalTraining training) {
        return new RunJournal(learners, texts, runs, metrics, checkpoints, training);
    }

    @Bean(destroyMethod = "close")
    Sweep trainingSweep(LocalTraining training) {
        return new Sweep(training);
    }

    /** Calls {@link LocalTraining#sweep} every {@link #SWEEP_SECONDS} seconds on its own thread. */
    static final class Sweep implements AutoCloseable {

        private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("training-sweep").daemon().factory());

        Sweep(LocalTraining training) {
            thread.scheduleWithFixedDelay(
                    () -> {
                        try {
                            training.sweep();
                        } catch (RuntimeException e) {
                            LOG.warn(
                                    "Sweeping old runs failed; trying again later",
                                    e); // a failure must not end the sweeps
                        }
                    },
                    SWEEP_SECONDS,
                    SWEEP_SECONDS,
                    TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }
}
