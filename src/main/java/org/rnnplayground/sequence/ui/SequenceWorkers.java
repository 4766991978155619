package org.rnnplayground.sequence.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;

/**
 * The threads that fit the sequence page's small models, off the request thread. Two threads for
 * all users: a fit takes about a second, and the machine is shared with the Train page's runs.
 */
@Component
public class SequenceWorkers implements AutoCloseable {

    private final ExecutorService executor = Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("sequence-fit-", 0).daemon().factory());

    /** Runs {@code job} on a worker thread. */
    public Future<?> submit(Runnable job) {
        return executor.submit(job);
    }

    /** Stops the workers when the application shuts down. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
