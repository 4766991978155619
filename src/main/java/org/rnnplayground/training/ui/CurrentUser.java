package org.rnnplayground.training.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import org.rnnplayground.training.UserId;

/** The user of a browser session: one id per Vaadin session, shared by all its tabs. */
public final class CurrentUser {

    private static final String ATTRIBUTE = CurrentUser.class.getName();

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
}
