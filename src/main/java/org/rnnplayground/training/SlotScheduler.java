package org.rnnplayground.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which waiting run gets the next free training slot, and where each waiting run stands. Users
 * take turns ({@link FairQueue}); a user training as many runs as one may at once is skipped, and
 * when one of their runs ends they join the end of the line of turns, so a run shown at position 1
 * starts at the next free slot, whichever run frees it. Not thread-safe: the runtime that owns it
 * synchronizes.
 *
 * @param <T> a run
 */
final class SlotScheduler<T> {

    private final FairQueue<T> waiting = new FairQueue<>();
    private final Map<UserId, Integer> runningPerUser = new HashMap<>();
    private int running;

    /** The line under {@link #lineLimits}, or null when something changed since it was computed. */
    private Map<T, Integer> line;

    private TrainingLimits lineLimits;

    /** True when a run of {@code owner} would take a slot at once, ahead of nobody. */
    boolean startsNow(UserId owner, TrainingLimits limits) {
        return running < limits.slots() && waiting.size() == 0 && runningOf(owner) < limits.maxRunningPerUser();
    }

    void enqueue(UserId owner, T run) {
        waiting.add(owner, run);
        line = null;
    }

    /** Removes a waiting run; true if it was waiting. */
    boolean unqueue(UserId owner, T run) {
        boolean removed = waiting.remove(owner, run);
        if (removed) {
            line = null;
        }
        return removed;
    }

    /** Takes the run that the next free slot goes to, counting it as running; empty if none may start. */
    Optional<T> startNext(TrainingLimits limits) {
        if (running >= limits.slots()) {
            return Optional.empty();
        }
        Optional<T> next = waiting.poll(u -> runningOf(u) < limits.maxRunningPerUser());
        next.ifPresent(r -> line = null);
        return next;
    }

    /** Counts a run of {@code owner} as running (call with each run that {@link #startNext} gave). */
    void started(UserId owner) {
        running++;
        runningPerUser.merge(owner, 1, Integer::sum);
        line = null;
    }

    /** A running run of {@code owner} ended: if it held them at their limit, they go to the end of the line. */
    void ended(UserId owner, TrainingLimits limits) {
        int before = runningOf(owner);
        running--;
        runningPerUser.merge(owner, -1, (a, b) -> a + b == 0 ? null : a + b);
        if (before >= limits.maxRunningPerUser()) {
            waiting.toBack(owner);
        }
        line = null;
    }

    int running() {
        return running;
    }

    int waiting() {
        return waiting.size();
    }

    int waiting(UserId owner) {
        return waiting.size(owner);
    }

    /** Where a run stands: {@link QueuePlace#NONE} when it is not waiting. */
    QueuePlace place(UserId owner, T run, TrainingLimits limits) {
        Integer index = lineIndex(limits).get(run);
        if (index != null) {
            return QueuePlace.inLine(index + 1);
        }
        return waiting.contains(owner, run) ? QueuePlace.behindOwn() : QueuePlace.NONE;
    }

    /** The waiting runs that can start as slots free, in the order they will start. */
    List<T> line(TrainingLimits limits) {
        return waiting.line(u -> limits.maxRunningPerUser() - runningOf(u));
    }

    private Map<T, Integer> lineIndex(TrainingLimits limits) {
        if (line == null || !limits.equals(lineLimits)) {
            List<T> order = line(limits);
            Map<T, Integer> index = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                index.put(order.get(i), i);
            }
            line = index;
            lineLimits = limits;
        }
        return line;
    }

    private int runningOf(UserId user) {
        return runningPerUser.getOrDefault(user, 0);
    }
}
