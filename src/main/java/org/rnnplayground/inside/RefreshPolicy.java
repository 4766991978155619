package org.rnnplayground.inside;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * When the live views of a training run may refresh, so that they slow it by a few percent at most:
 * not within {@link #MIN_INTERVAL} of the last refresh (at most twice a second), and not before
 * {@link #DUTY} times the last refresh's cost has passed since it started, so that the views take at
 * most about 1/{@code DUTY} of one core whatever the model's size. The caller adds "at most once per
 * epoch". Thread-safe.
 */
public final class RefreshPolicy {

    /** The shortest time between two refreshes. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(500);

    /**
     * Wall time per unit of the views' own compute time (CPU time, see {@link #measured}): 40, at most
     * 2.5 % of one core (at 20 the measured slowdown reached 5 %: docs/inside-overhead.md).
     */
    public static final int DUTY = 40;

    private long lastStart;
    private long lastCost;
    private boolean started;

    /** Nanoseconds until the next refresh may start at {@code now} (0 when it may start now). */
    public synchronized long delay(long now) {
        if (!started) {
            return 0;
        }
        long gap = Math.max(MIN_INTERVAL.toNanos(), DUTY * lastCost);
        return Math.max(0, lastStart + gap - now);
    }

    /** A refresh starts at {@code now}. */
    public synchronized void started(long now) {
        started = true;
        lastStart = now;
    }

    /**
     * Runs one part of a refresh on the calling thread and adds its cost to {@code cost}: the thread's
     * CPU time where the JVM measures it (what the views take from training on a busy machine), else
     * its wall time.
     */
    public static <T> T measured(java.util.concurrent.atomic.AtomicLong cost, Supplier<T> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        long start = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
        try {
            return work.get();
        } finally {
            long end = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            cost.addAndGet(end - start);
        }
    }

    /** The refresh that started last took {@code costNanos} of compute. */
    public synchronized void finished(long costNanos) {
        lastCost = Math.max(0, costNanos);
    }
}
