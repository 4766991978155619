package org.rnnplayground.training;

import java.time.Clock;
import java.util.concurrent.Executors;
import org.rnnplayground.model.budget.ComputeBudget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded (in-process) queue, registry and progress feed. */
@Configuration(proxyBeanMethods = false)
class TrainingConfiguration {

    @Bean(destroyMethod = "close")
    LocalTraining localTraining(TrainingProperties properties, ComputeBudget budget) {
        return new LocalTraining(
                new ModelRunExecutor(properties.threads()),
                Executors.newCachedThreadPool(
                        Thread.ofPlatform().name("training-", 0).daemon().factory()),
                properties.limits(),
                Clock.systemUTC(),
                budget);
    }
}
