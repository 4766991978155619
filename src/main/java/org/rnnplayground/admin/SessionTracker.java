package org.rnnplayground.admin;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The browser sessions open on this server, for the admin page. */
@Component
public class SessionTracker implements VaadinServiceInitListener {

    /**
     * One open session.
     *
     * @param id a short, non-secret label of the session
     * @param started when it began
     */
    public record SessionInfo(String id, Instant started) {}

    private final Clock clock = Clock.systemUTC();
    private final Map<VaadinSession, Instant> sessions = new ConcurrentHashMap<>();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> sessions.put(e.getSession(), clock.instant()));
        event.getSource().addSessionDestroyListener(e -> sessions.remove(e.getSession()));
    }

    public List<SessionInfo> sessions() {
        return sessions.entrySet().stream()
                .map(e -> new SessionInfo(Integer.toHexString(System.identityHashCode(e.getKey())), e.getValue()))
                .sorted(Comparator.comparing(SessionInfo::started))
                .toList();
    }
}
