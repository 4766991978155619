package org.rnnplayground.training;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Waiting runs, fair between users: users take turns (round robin in the order they first queued),
 * each user's runs in the order they were launched. Not thread-safe; the queue that owns it
 * synchronizes.
 *
 * @param <T> a waiting run
 */
final class FairQueue<T> {

    private final Map<UserId, Deque<T>> waiting = new LinkedHashMap<>();
    private final List<UserId> turnOrder = new ArrayList<>();
    private int next;

    void add(UserId user, T item) {
        waiting.computeIfAbsent(user, u -> {
                    turnOrder.add(u);
                    return new ArrayDeque<>();
                })
                .addLast(item);
    }

    int size(UserId user) {
        Deque<T> q = waiting.get(user);
        return q == null ? 0 : q.size();
    }

    int size() {
        return waiting.values().stream().mapToInt(Deque::size).sum();
    }

    /** Removes a waiting item; true if it was there. */
    boolean remove(UserId user, T item) {
        Deque<T> q = waiting.get(user);
        boolean removed = q != null && q.remove(item);
        dropIfEmpty(user);
        return removed;
    }

    /**
     * Takes the next item in turn from a user that {@code eligible} allows (a user at their running
     * limit is skipped and keeps their turn for later).
     */
    Optional<T> poll(Predicate<UserId> eligible) {
        for (int tried = 0; tried < turnOrder.size(); tried++) {
            int i = (next + tried) % turnOrder.size();
            UserId user = turnOrder.get(i);
            if (eligible.test(user)) {
                T item = waiting.get(user).pollFirst();
                next = i + 1;
                dropIfEmpty(user);
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** All waiting items in the order they would be served if every user stayed eligible. */
    List<T> order() {
        List<Deque<T>> copies = new ArrayList<>();
        for (int k = 0; k < turnOrder.size(); k++) {
            copies.add(new ArrayDeque<>(waiting.get(turnOrder.get((next + k) % turnOrder.size()))));
        }
        List<T> order = new ArrayList<>();
        boolean any = true;
        while (any) {
            any = false;
            for (Deque<T> q : copies) {
                T item = q.pollFirst();
                if (item != null) {
                    order.add(item);
                    any = true;
                }
            }
        }
        return order;
    }

    private void dropIfEmpty(UserId user) {
        Deque<T> q = waiting.get(user);
        if (q != null && q.isEmpty()) {
            waiting.remove(user);
            int i = turnOrder.indexOf(user);
            turnOrder.remove(i);
            if (i < next) {
                next--;
            }
            if (turnOrder.isEmpty() || next >= turnOrder.size()) {
                next = 0;
            }
        }
    }
}
