package org.rnnplayground.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A second thread for the parts of one training step that do not wait on the recurrence (weight
 * gradients, the output layer), lent by {@link SpareCores} for one step. Tasks run one after
 * another in the order they were given, on a core the step's own thread does not use; {@link #join}
 * waits for all of them.
 *
 * <p>{@link #NONE} has no second thread: a model given it runs its single-threaded path. Not
 * thread-safe: only the step's own thread gives tasks and joins.
 */
public final class Lane {

    /** No second thread. */
    public static final Lane NONE = new Lane(null);

    private final Executor executor;
    /** The last task given; each task starts after the one before it. */
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    Lane(Executor executor) {
        this.executor = executor;
    }

    /** Whether tasks run on a second thread; false for {@link #NONE}. */
    public boolean parallel() {
        return executor != null;
    }

    /**
     * Runs {@code task} after the tasks given before it, on the lane's thread (at once on this
     * thread for {@link #NONE}). A task that fails skips the ones after it, and {@link #join} throws.
     */
    public void submit(Runnable task) {
        if (executor == null) {
            task.run();
            return;
        }
        last = last.thenRunAsync(task, executor);
    }

    /**
     * Waits until every task given has run or failed, without throwing: after a step, so that
     * nothing of it runs on into the next, whether or not the step failed.
     */
    public void settle() {
        try {
            last.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // the step that gave the task has reported (or thrown) what matters
        }
        last = CompletableFuture.completedFuture(null);
    }

    /**
     * Waits until every task given has run; what they wrote is then visible to this thread.
     *
     * @throws RuntimeException the first task's failure, if one failed
     */
    public void join() {
        try {
            last.join();
        } catch (CompletionException e) {
            last = CompletableFuture.completedFuture(null);
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
