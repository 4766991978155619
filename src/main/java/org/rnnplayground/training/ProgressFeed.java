package org.rnnplayground.training;

import java.util.function.Consumer;

/**
 * Streams run events to subscribers. Listeners are called on the thread that caused the event (a
 * training thread); they must return quickly and hand work to their UI with {@code UI.access}.
 */
public interface ProgressFeed {

    /** Events of one user's runs. Close the subscription when the view detaches. */
    Subscription subscribe(UserId owner, Consumer<RunEvent> listener);

    /** Events of all runs (admin). */
    Subscription subscribeAll(Consumer<RunEvent> listener);

    /** Ends a subscription; closing cannot fail, and closing twice does nothing more. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
