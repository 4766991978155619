package org.rnnplayground.model;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A second thread for the parts of one training step that do not wait on the recurrence (weight
 * gradients, the output layer), lent by {@link SpareCores} for one step. Tasks run one after
 * another in the order they were given, on a core the step's own thread does not use; {@link #join}
 * waits for all of them.
 *
 * <p>From a step's first task until the lane goes back, its thread spins between tasks instead
 * of sleeping, and so does {@link #join}: a step hands it dozens of tasks of a few hundred microseconds, and waking a sleeping
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
    /**
     * Whether the lane's thread spins between tasks: from the first task of a step until the step
     * gives the lane back; it sleeps otherwise, so a lent lane that a step gives nothing (a model
     * too small for it) costs nothing.
     */
    private volatile boolean spinning;
    /** Tasks given, by the step's thread only. */
    private long given;
    /** Tasks run or skipped, by the lane's thread only. */
    private volatile long done;
    /** The first failure since the last join, by the lane's thread; later tasks are skipped. */
    private volatile Throwable failure;

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

    /**
     * The fewest numbers in a recurrent weight ({@code h x g h}) at which a step uses a lane: 384
     * hidden units of the RNN. Measured on 2 cores (batch 32, 35 steps, 28 tokens, warm): 384
     * units 9.8 to 6.7 ms a step, 512 units 16.5 to 10.8 ms; at 256 units and below the lane's many
     * small pieces (thin output products, host loops) and its later JIT compilation cost about
     * what they save, and a fresh process's first 40 steps took 514 ms on two threads against 325
     * ms on one.
     */
    public static final long MIN_RECURRENT_WEIGHTS = 384L * 384;

    /** Whether a model whose recurrent weight has {@code recurrentWeights} numbers gains from a lane. */
    public static boolean pays(long recurrentWeights) {
        return recurrentWeights >= MIN_RECURRENT_WEIGHTS;
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
        if (!spinning) { // the step's first task wakes the thread; a step that gives none leaves it asleep
            spinning = true;
            LockSupport.unpark(thread);
        }
    }

    /**
     * Waits until every task given has run; what they wrote is then visible to this thread.
     *
     * @throws RuntimeException the first task's failure, if one failed (an {@link Error} as itself)
     */
    public void join() {
        awaitAll();
        Throwable f = failure;
        if (f == null) {
            return;
        }
        failure = null;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("a lane task failed", f); // a checked exception, thrown sneakily
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
            if (!thread.isAlive()) { // cannot happen while work() catches everything; never spin on a dead thread
                throw new IllegalStateException("the lane's thread has ended with tasks left");
            }
            Thread.onSpinWait();
        }
    }

    /** Tasks given since the lane was made: whether a step used it. */
    public long tasksGiven() {
        return given;
    }

    /** The state of the lane's thread (for tests: asleep while a lent lane has had no task). */
    Thread.State threadState() {
        return thread.getState();
    }

    void lend() {
        failure = null;
    }

    void giveBack() {
        settle();
        failure = null;
        spinning = false;
    }

    private void work() {
        while (true) {
            Runnable task = tasks.poll();
            if (task != null) {
                try {
                    if (failure == null) {
                        task.run();
                    }
                } catch (Throwable e) { // whatever a task throws, the thread goes on and join reports it
                    failure = e;
                } finally {
                    done++; // written by this thread only; volatile: publishes what the task wrote
                }
            } else if (spinning) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }
}
