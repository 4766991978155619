package org.rnnplayground.training.ui;

import com.vaadin.flow.server.VaadinSession;
import org.rnnplayground.training.UserId;

/** The user of a browser session: one id per Vaadin session, shared by all its tabs. */
public final class CurrentUser {

    private static final String ATTRIBUTE = CurrentUser.class.getName();

    private CurrentUser() {}

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
