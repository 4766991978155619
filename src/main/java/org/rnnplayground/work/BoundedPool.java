package org.rnnplayground.work;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A fixed number of threads and a bounded queue for one kind of work. Work beyond the queue is
 * refused with a {@link ServerBusyException}: thrown by {@link #execute} and {@link #submit}, and
 * as the failure of the future of {@link #supply}.
 */
public final class BoundedPool implements Executor {

    private final WorkKind kind;
    private final PoolSize size;
    private final ThreadPoolExecutor executor;
    private final AtomicLong rejected = new AtomicLong();

    BoundedPool(WorkKind kind, PoolSize size) {
        this.kind = kind;
        this.size = size;
        BlockingQueue<Runnable> queue =
                size.queueCapacity() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(size.queueCapacity());
        this.executor = new ThreadPoolExecutor(
                size.threads(),
                size.threads(),
                0,
                TimeUnit.MILLISECONDS,
                queue,
                Thread.ofPlatform().name(kind.threadName() + "-", 0).daemon().factory(),
                (task, pool) -> {
                    rejected.incrementAndGet();
                    throw new ServerBusyException(kind);
                });
    }

    /** Runs the task on a thread of the pool; throws {@link ServerBusyException} when it is full. */
    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /** Runs the job on a thread of the pool; throws {@link ServerBusyException} when it is full. */
    public Future<?> submit(Runnable job) {
        return executor.submit(job);
    }

    /**
     * Computes a value on a thread of the pool. When the pool is full, the future fails at once with
     * a {@link ServerBusyException}.
     */
    public <T> CompletableFuture<T> supply(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (ServerBusyException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public WorkKind kind() {
        return kind;
    }

    public PoolStats stats() {
        return new PoolStats(
                kind,
                size.threads(),
                executor.getActiveCount(),
                executor.getQueue().size(),
                size.queueCapacity(),
                executor.getCompletedTaskCount(),
                rejected.get());
    }

    void shutdownNow() {
        executor.shutdownNow();
    }
}
