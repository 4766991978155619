package org.rnnplayground.training;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Waiting runs, fair between users: users take turns in a line of turns (a user who queues for the
 * first time joins its end; a user who is served goes back to its end), each user's runs in the
 * order they were launched. Not thread-safe; the scheduler that owns it synchronizes.
 *
 * @param <T> a waiting run
 */
final class FairQueue<T> {

    /** Iteration order is the order of turns: the first user has the next turn. */
    private final LinkedHashMap<UserId, Deque<T>> turns = new LinkedHashMap<>();

    void add(UserId user, T item) {
        turns.computeIfAbsent(user, u -> new ArrayDeque<>()).addLast(item);
    }

    int size(UserId user) {
        Deque<T> q = turns.get(user);
        return q == null ? 0 : q.size();
    }

    int size() {
        return turns.values().stream().mapToInt(Deque::size).sum();
    }

    boolean contains(UserId user, T item) {
        Deque<T> q = turns.get(user);
        return q != null && q.contains(item);
    }

    /** Removes a waiting item; true if it was there. The user keeps their turn. */
    boolean remove(UserId user, T item) {
        Deque<T> q = turns.get(user);
        boolean removed = q != null && q.remove(item);
        if (q != null && q.isEmpty()) {
            turns.remove(user);
        }
        return removed;
    }

    /**
     * Takes the first item of the first user in turn that {@code eligible} allows, and sends that
     * user to the end of the line of turns. A user who is not eligible is skipped and keeps their
     * place.
     */
    Optional<T> poll(Predicate<UserId> eligible) {
        for (Map.Entry<UserId, Deque<T>> e : turns.entrySet()) {
            if (eligible.test(e.getKey())) {
                UserId user = e.getKey();
                Deque<T> q = turns.remove(user);
                T item = q.pollFirst();
                if (!q.isEmpty()) {
                    turns.put(user, q);
                }
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** Sends a user with waiting items to the end of the line of turns (nothing if they have none). */
    void toBack(UserId user) {
        Deque<T> q = turns.remove(user);
        if (q != null) {
            turns.put(user, q);
        }
    }

    /**
     * The items that {@link #poll} would return, in that order, if nothing else changed: each user
     * may start {@code startable} more items (a user at 0 is skipped, and their remaining items are
     * not in the line). Linear in the number of items in the line plus users.
     */
    List<T> line(ToIntFunction<UserId> startable) {
        Deque<UserId> order = new ArrayDeque<>(turns.keySet());
        Map<UserId, Iterator<T>> items = new HashMap<>();
        Map<UserId, Integer> left = new HashMap<>();
        List<T> line = new ArrayList<>();
        while (!order.isEmpty()) {
            UserId user = order.pollFirst();
            int canStart = left.computeIfAbsent(user, startable::applyAsInt);
            if (canStart <= 0) {
                continue; // skipped by every poll until something else changes
            }
            Iterator<T> it = items.computeIfAbsent(user, u -> turns.get(u).iterator());
            line.add(it.next());
            left.put(user, canStart - 1);
            if (it.hasNext()) {
                order.addLast(user);
            }
        }
        return line;
    }
}
