package org.rnnplayground.model;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A second thread for the parts of one training step that do not wait on the recurrence (weight
 * gradients, the output layer), lent by {@link SpareCores} for one step. Tasks run one after
 * another in the order they were given, on a core the step's own thread does not use; {@link #join}
 * waits for all of them.
 *
 * <p>While lent, the lane's thread spins between tasks instead of sleeping, and so does {@link
 * #join}: a step hands it dozens of tasks of a few hundred microseconds, and waking a sleeping
 * thread costs tens of microseconds each time (measured: with sleeping threads a lane made steps at
 * 256 hidden units slower, not faster). The core is free while lent, so spinning takes nothing
 * from another run.
 *
 * <p>{@link #NONE} has no second thread: a model given it runs its single-threaded path. Only the
 * step's own thread gives tasks and joins.
 */
public final class Lane {

    /** No second thread. */
    public static final Lane NONE = new Lane();

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    /** Whether the lane is lent; its thread sleeps otherwise. */
    private volatile boolean lent;
    /** Tasks given, by the step's thread only. */
    private long given;
    /** Tasks run or skipped, by the lane's thread only. */
    private volatile long done;
    /** The first failure since the last join, by the lane's thread; later tasks are skipped. */
    private volatile RuntimeException failure;

    private Lane() {
        this.thread = null;
    }

    /** A lane with its own daemon thread, not lent yet ({@link SpareCores} lends it). */
    static Lane withThread(String name) {
        return new Lane(name);
    }

    private Lane(String name) {
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::work);
    }

    /** Whether tasks run on a second thread; false for {@link #NONE}. */
    public boolean parallel() {
        return thread != null;
    }

    /**
     * Runs {@code task} after the tasks given before it, on the lane's thread (at once on this
     * thread for {@link #NONE}). A task that fails skips the ones after it, and {@link #join} throws.
     */
    public void submit(Runnable task) {
        if (thread == null) {
            task.run();
            return;
        }
        given++;
        tasks.add(task);
    }

    /**
     * Waits until every task given has run; what they wrote is then visible to this thread.
     *
     * @throws RuntimeException the first task's failure, if one failed
     */
    public void join() {
        awaitAll();
        RuntimeException f = failure;
        if (f != null) {
            failure = null;
            throw f;
        }
    }

    /**
     * Waits until every task given has run or was skipped, without throwing: after a step, so that
     * nothing of it runs on into the next, whether or not the step failed.
     */
    public void settle() {
        awaitAll();
        failure = null;
    }

    private void awaitAll() {
        if (thread == null) {
            return;
        }
        while (done < given) {
            Thread.onSpinWait();
        }
    }

    /** Tasks given since the lane was made (for tests: whether a step used it). */
    long tasksGiven() {
        return given;
    }

    void lend() {
        failure = null;
        lent = true;
        LockSupport.unpark(thread);
    }

    void giveBack() {
        settle();
        failure = null;
        lent = false;
    }

    private void work() {
        while (true) {
            Runnable task = tasks.poll();
            if (task != null) {
                if (failure == null) {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        failure = e;
                    } catch (Error e) {
                        failure = new IllegalStateException("a lane task failed", e);
                    }
                }
                done++; // written by this thread only; volatile: publishes what the task wrote
            } else if (lent) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }
}
