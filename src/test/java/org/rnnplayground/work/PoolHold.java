package org.rnnplayground.work;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every thread of a pool busy until closed, so that work given to the pool meanwhile waits
 * in its queue: a test sees what a page shows while its background work has not run. Closing (or
 * two minutes) lets the threads go.
 */
public final class PoolHold implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);

    private PoolHold(BoundedPool pool) throws InterruptedException {
        int threads = pool.stats().threads();
        CountDownLatch started = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                started.countDown();
                try {
                    release.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        if (!started.await(1, TimeUnit.MINUTES)) {
            close();
            throw new IllegalStateException("the threads of " + pool.kind() + " did not become free to hold");
        }
    }

    /** Occupies every thread of {@code pool} (waiting for running work to end first). */
    public static PoolHold of(BoundedPool pool) throws InterruptedException {
        return new PoolHold(pool);
    }

    @Override
    public void close() {
        release.countDown();
    }
}
