package org.rnnplayground.work;

/**
 * The size of one pool.
 *
 * @param threads threads working at once, 1 to {@link #MAX_THREADS}
 * @param queueCapacity tasks that may wait for a thread, 0 to {@link #MAX_QUEUE}; more are refused
 */
public record PoolSize(int threads, int queueCapacity) {

    public static final int MAX_THREADS = 64;
    public static final int MAX_QUEUE = 10_000;

    public PoolSize {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be between 1 and " + MAX_THREADS + ", got " + threads);
        }
        if (queueCapacity < 0 || queueCapacity > MAX_QUEUE) {
            throw new IllegalArgumentException("queue must be between 0 and " + MAX_QUEUE + ", got " + queueCapacity);
        }
    }
}
