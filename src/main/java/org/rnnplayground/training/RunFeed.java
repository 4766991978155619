package org.rnnplayground.training;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process progress feed: hands each run event, numbered in the order published, to the
 * subscribers of the run's owner and to those of all runs, on the publishing thread. A cluster
 * replaces it with one that carries events between machines.
 */
final class RunFeed implements ProgressFeed {

    private static final Logger LOG = LoggerFactory.getLogger(RunFeed.class);

    /** A listener, of one owner's runs or (owner null) of all runs. */
    private record Subscriber(UserId owner, Consumer<RunEvent> listener) {}

    private final AtomicLong sequence = new AtomicLong();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public Subscription subscribe(UserId owner, Consumer<RunEvent> listener) {
        Subscriber s = new Subscriber(owner, listener);
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    @Override
    public Subscription subscribeAll(Consumer<RunEvent> listener) {
        return subscribe(null, listener);
    }

    /** Tells the subscribers that {@code run} changed; a failing listener does not stop the others. */
    void publish(RunEvent.Kind kind, RunSnapshot run) {
        RunEvent event = new RunEvent(sequence.incrementAndGet(), kind, run);
        for (Subscriber s : subscribers) {
            if (s.owner() == null || s.owner().equals(run.owner())) {
                try {
                    s.listener().accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("A progress listener failed", e);
                }
            }
        }
    }
}
