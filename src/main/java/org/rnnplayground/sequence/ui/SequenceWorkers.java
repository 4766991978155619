package org.rnnplayground.sequence.ui;

import java.util.concurrent.Future;
import org.rnnplayground.work.BoundedExecutors;
import org.rnnplayground.work.BoundedPool;
import org.rnnplayground.work.WorkKind;
import org.springframework.stereotype.Component;

/**
 * The threads that fit the sequence page's small models, off the request thread: the bounded pool
 * of {@link WorkKind#SEQUENCE} for all users (a fit takes about a second, and the machine is shared
 * with the Train page's runs).
 */
@Component
public class SequenceWorkers {

    private final BoundedPool executor;

    public SequenceWorkers(BoundedExecutors executors) {
        this.executor = executors.pool(WorkKind.SEQUENCE);
    }

    /**
     * Runs {@code job} on a worker thread.
     *
     * @throws org.rnnplayground.work.ServerBusyException when the pool is full
     */
    public Future<?> submit(Runnable job) {
        return executor.submit(job);
    }
}
