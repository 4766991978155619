package org.rnnplayground.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The runs this process holds, waiting, training or ended, in launch order, and how many runs each
 * user has launched (their next run is r(n + 1)). Thread-safe; knows nothing of slots or events.
 */
final class RunBook {

    private final Map<String, Run> runs = new LinkedHashMap<>();
    /** Runs each user launched so far, including ended and released ones. */
    private final Map<UserId, Integer> launchedPerUser = new HashMap<>();

    /** The number of the user's next run, counted as launched. */
    synchronized int nextNumber(UserId owner) {
        return launchedPerUser.merge(owner, 1, Integer::sum);
    }

    synchronized void add(Run run) {
        runs.put(run.id(), run);
    }

    /**
     * Adds a run read back from the store unless one with its id is here; its owner's next runs are
     * numbered after it either way.
     *
     * @return true when it was added
     */
    synchronized boolean adopt(Run run) {
        launchedPerUser.merge(run.owner(), run.number(), Math::max);
        return runs.putIfAbsent(run.id(), run) == null;
    }

    synchronized Optional<Run> get(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** The run when it is here and belongs to {@code requester}. */
    synchronized Optional<Run> owned(String id, UserId requester) {
        Run run = runs.get(id);
        return run != null && run.owner().equals(requester) ? Optional.of(run) : Optional.empty();
    }

    synchronized boolean holds(String id) {
        return runs.containsKey(id);
    }

    /** The runs that match, in launch order. */
    synchronized List<Run> select(Predicate<Run> filter) {
        return runs.values().stream().filter(filter).toList();
    }

    /** Runs waiting or training that were launched from {@code address} (none when it is unknown). */
    synchronized int activeFrom(String address) {
        if (address == null) {
            return 0;
        }
        return (int) runs.values().stream()
                .filter(r -> address.equals(r.address()) && !r.status().isFinal())
                .count();
    }

    /**
     * Removes the ended runs of users who are {@code away}, and ended runs older than {@code oldest}.
     *
     * @return the runs removed
     */
    synchronized List<Run> releaseEnded(Predicate<UserId> away, Instant oldest) {
        List<Run> released = runs.values().stream()
                .filter(r -> r.status().isFinal() && (away.test(r.owner()) || r.endedBefore(oldest)))
                .toList();
        released.forEach(r -> runs.remove(r.id()));
        return released;
    }

    /**
     * Removes the oldest ended runs of {@code owner} beyond the {@code keep} newest.
     *
     * @return the runs removed
     */
    synchronized List<Run> evictEnded(UserId owner, int keep) {
        List<Run> ended = runs.values().stream()
                .filter(r -> r.owner().equals(owner) && r.status().isFinal())
                .toList();
        List<Run> removed = new ArrayList<>(ended.subList(0, Math.max(0, ended.size() - keep)));
        removed.forEach(r -> runs.remove(r.id()));
        return removed;
    }
}
