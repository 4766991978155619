package org.rnnplayground.ui;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared UI infrastructure. */
@Configuration(proxyBeanMethods = false)
class UiConfiguration {

    /** Runs the throttled page updates ({@link Throttle}); the work itself happens in {@code UI.access}. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService uiScheduler() {
        return Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("ui-updates").daemon().factory());
    }
}
