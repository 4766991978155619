package org.rnnplayground.ui;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Coalesces update requests so that {@code flush} runs at most once per interval, however often
 * {@link #request()} is called (a training thread may report hundreds of epochs a second; a page
 * wants about four updates a second). The latest state is always flushed: a request during an
 * interval leads to exactly one flush at its end. Thread-safe.
 */
public final class Throttle {

    /** Runs a task after a delay (e.g. a {@code ScheduledExecutorService}). */
    @FunctionalInterface
    public interface Scheduler {
        void schedule(Runnable task, long delayNanos);
    }

    private final Scheduler scheduler;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Runnable flush;

    private boolean pending;
    private long lastFlush;
    private boolean flushedOnce;

    public Throttle(Scheduler scheduler, Duration interval, LongSupplier nanoTime, Runnable flush) {
        this.scheduler = scheduler;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.flush = flush;
    }

    /** Asks for a flush; it happens now if the last one is an interval ago, else at the interval's end. */
    public void request() {
        long delay;
        synchronized (this) {
            if (pending) {
                return;
            }
            pending = true;
            long now = nanoTime.getAsLong();
            delay = flushedOnce ? Math.max(0, lastFlush + intervalNanos - now) : 0;
        }
        scheduler.schedule(this::run, delay);
    }

    private void run() {
        synchronized (this) {
            pending = false;
            lastFlush = nanoTime.getAsLong();
            flushedOnce = true;
        }
        flush.run();
    }
}
