package org.rnnplayground.work;

/**
 * One pool at one moment, for the admin page.
 *
 * @param kind the work it does
 * @param threads its threads
 * @param active tasks running now
 * @param queued tasks waiting for a thread
 * @param queueCapacity most tasks that may wait
 * @param completed tasks done since start
 * @param rejected tasks refused because the queue was full, since start
 */
public record PoolStats(
        WorkKind kind, int threads, int active, int queued, int queueCapacity, long completed, long rejected) {}
