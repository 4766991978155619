package org.rnnplayground.training.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.rnnplayground.training.UserId;
import org.rnnplayground.training.UserPresence;
import org.springframework.stereotype.Component;

/**
 * Reports to {@link UserPresence} when a user is here: a page of theirs opens (with the client's
 * network address), an open page sends its heartbeat, a page closes; and when their session ends.
 */
@Component
public class PresenceTracker implements VaadinServiceInitListener {

    private final UserPresence presence;

    public PresenceTracker(UserPresence presence) {
        this.presence = presence;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            var ui = e.getUI();
            UserId user = CurrentUser.of(ui.getSession());
            presence.seen(user, ui.getSession().getBrowser().getAddress());
            ui.addHeartbeatListener(h -> presence.seen(user));
            ui.addDetachListener(d -> presence.seen(user));
        });
        event.getSource()
                .addSessionDestroyListener(e -> CurrentUser.find(e.getSession()).ifPresent(presence::left));
    }
}
