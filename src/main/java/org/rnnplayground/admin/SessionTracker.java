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

/**
 * The browser sessions on this server that opened a page, for the admin page. A session is listed
 * from its first page (UI) on, not from its first request, so requests that never load a page
 * (scripts, probes) do not fill the list; it leaves the list when the session ends.
 */
@Component
public class SessionTracker implements VaadinServiceInitListener {

    /**
     * One session.
     *
     * @param id a short, non-secret label of the session
     * @param started when it opened its first page
     */
    public record SessionInfo(String id, Instant started) {}

    private static final Comparator<SessionInfo> OLDEST_FIRST =
            Comparator.comparing(SessionInfo::started).thenComparing(SessionInfo::id);

    private final Clock clock = Clock.systemUTC();
    private final Map<VaadinSession, SessionInfo> sessions = new ConcurrentHashMap<>();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(e -> sessions.computeIfAbsent(
                        e.getUI().getSession(),
                        s -> new SessionInfo(Integer.toHexString(System.identityHashCode(s)), clock.instant())));
        event.getSource().addSessionDestroyListener(e -> sessions.remove(e.getSession()));
    }

    /** Sessions listed. */
    public int count() {
        return sessions.size();
    }

    /** One page of the sessions, oldest first. */
    public List<SessionInfo> page(int offset, int limit) {
        return sessions.values().stream()
                .sorted(OLDEST_FIRST)
                .skip(offset)
                .limit(limit)
                .toList();
    }
}
