package org.rnnplayground.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the stores to the application's data source: H2 in {@code playground.store.folder} unless
 * {@code spring.datasource.url} names another database (see {@code application.properties}).
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    /** The stores on a data source whose schema Flyway has migrated; used by the app and by tests. */
    record Stores(
            LearnerStore learners, TextStore texts, RunStore runs, MetricStore metrics, CheckpointStore checkpoints) {

        static Stores on(DataSource dataSource, PlatformTransactionManager transactions, Clock clock, int kept) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            TransactionTemplate transaction = new TransactionTemplate(transactions);
            return new Stores(
                    new LearnerStore(jdbc, clock, new LearnerCredentials(new SecureRandom())),
                    new TextStore(jdbc, clock),
                    new RunStore(jdbc),
                    new MetricStore(jdbc, transaction),
                    new CheckpointStore(jdbc, transaction, kept));
        }
    }

    @Bean
    Stores stores(DataSource dataSource, PlatformTransactionManager transactions, StoreProperties properties) {
        return Stores.on(dataSource, transactions, Clock.systemUTC(), properties.checkpointsKept());
    }

    @Bean
    LearnerStore learnerStore(Stores stores) {
        return stores.learners();
    }

    @Bean
    TextStore textStore(Stores stores) {
        return stores.texts();
    }

    @Bean
    RunStore runStore(Stores stores) {
        return stores.runs();
    }

    @Bean
    MetricStore metricStore(Stores stores) {
        return stores.metrics();
    }

    @Bean
    CheckpointStore checkpointStore(Stores stores) {
        return stores.checkpoints();
    }

    /**
     * The purge every {@code playground.store.purge-every}, the first a minute after start-up, on
     * its own thread. Not {@code @EnableScheduling}: its scheduler would be the context's only task
     * executor, and Vaadin and Spring would run their own tasks on its single thread.
     */
    @Bean(destroyMethod = "close")
    StorePurge storePurge(LearnerStore learners, TextStore texts, StoreProperties properties) {
        StorePurge purge = new StorePurge(learners, texts, properties.retention(), Clock.systemUTC());
        purge.schedule(Duration.ofMinutes(1), properties.purgeEvery());
        return purge;
    }
}
