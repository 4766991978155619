package org.rnnplayground.model;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Which cores of the machine no training thread uses, lent one step at a time as a {@link Lane}.
 *
 * <p>Every training thread counts itself in with {@link #enter} while it trains. Before a step it
 * asks for a lane: it gets one only while training threads and lanes together leave a core free,
 * so a lone run on a 2-core machine uses both cores, and two runs use one each. A lane is asked
 * for at every step, so a run gives its second core back within a step when another run starts.
 * Lanes never make the machine's BLAS multi-threaded: each thread calls it with one thread
 * (multi-threaded BLAS was 2 to 3 times slower on these small products, see {@link
 * NativeThreads}).
 */
public final class SpareCores {

    /** Never lends a core: every step runs on its own thread only. */
    public static final SpareCores NONE = new SpareCores(1, 0);

    private static final SpareCores MACHINE =
            new SpareCores(Runtime.getRuntime().availableProcessors(), Integer.MAX_VALUE);

    private final int cores;
    private final int maxLanes;
    /** Lanes not lent now, each with its own thread, made when first needed. */
    private final Deque<Lane> idle = new ArrayDeque<>();

    private int made;
    private int training;
    private int lent;

    /**
     * @param cores the cores training may use
     * @param maxLanes the most lanes lent at once
     */
    public SpareCores(int cores, int maxLanes) {
        if (cores < 1 || maxLanes < 0) {
            throw new IllegalArgumentException("cores must be at least 1 and lanes at least 0");
        }
        this.cores = cores;
        this.maxLanes = Math.min(maxLanes, cores - 1);
    }

    /** The machine's cores, shared by every run of this process. */
    public static SpareCores machine() {
        return MACHINE;
    }

    /** A training thread starts training; pair with {@link #leave}. */
    public synchronized void enter() {
        training++;
    }

    /** A training thread stops training. */
    public synchronized void leave() {
        training = Math.max(0, training - 1);
    }

    /**
     * A lane for one step if a core is free, else {@link Lane#NONE}; give it back with {@link
     * #giveBack} after the step (after joining it).
     */
    public synchronized Lane lend() {
        if (lent >= maxLanes || Math.max(training, 1) + lent >= cores) {
            return Lane.NONE;
        }
        Lane lane = idle.isEmpty() ? Lane.withThread("lane-" + made++) : idle.pop();
        lent++;
        lane.lend();
        return lane;
    }

    /** Takes back a lane from {@link #lend}, once its tasks have run; {@link Lane#NONE} is ignored. */
    public void giveBack(Lane lane) {
        if (!lane.parallel()) {
            return;
        }
        lane.giveBack();
        synchronized (this) {
            lent--;
            idle.push(lane);
        }
    }

    /** Training threads counted in now. */
    public synchronized int training() {
        return training;
    }

    /**
     * Runs one step with a lane when a core is free ({@link Lane#NONE} otherwise), and takes the lane
     * back once its tasks have run, whether or not the step failed: nothing of a step runs on into
     * the next.
     */
    public <T> T withLane(java.util.function.Function<Lane, T> step) {
        Lane lane = lend();
        try {
            return step.apply(lane);
        } finally {
            giveBack(lane);
        }
    }

    /** Lanes lent now. */
    public synchronized int lent() {
        return lent;
    }
}
