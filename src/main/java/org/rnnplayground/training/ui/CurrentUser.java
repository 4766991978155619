package org.rnnplayground.training.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import org.rnnplayground.training.UserId;

/**
 * The user of a browser session, shared by all its tabs: the learner named by the browser's
 * learner cookie ({@link LearnerCookie}), or a fresh id for the session.
 */
public final class CurrentUser {

    private static final String ATTRIBUTE = CurrentUser.class.getName();
    private static final String TOKEN = CurrentUser.class.getName() + ".token";

    private CurrentUser() {}

    /** The session's user, if a page of it has asked for one. */
    public static Optional<UserId> find(VaadinSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof UserId user ? Optional.of(user) : Optional.empty();
    }

    public static UserId of(VaadinSession session) {
        Object id = session.getAttribute(ATTRIBUTE);
        if (id instanceof UserId user) {
            return user;
        }
        UserId user = UserId.random();
        session.setAttribute(ATTRIBUTE, user);
        return user;
    }

    /**
     * Makes {@code user} the session's user.
     *
     * @param pendingToken the secret of the cookie just handed out, for a learner not stored yet
     *     (stored with their first run); null when the learner is stored already
     */
    static void set(VaadinSession session, UserId user, String pendingToken) {
        session.setAttribute(ATTRIBUTE, user);
        session.setAttribute(TOKEN, pendingToken);
    }

    /** The cookie secret of a learner not stored yet, if the session's user is one. */
    static Optional<String> pendingToken(VaadinSession session) {
        return session.getAttribute(TOKEN) instanceof String token ? Optional.of(token) : Optional.empty();
    }
}
