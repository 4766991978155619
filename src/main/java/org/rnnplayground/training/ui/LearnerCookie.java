package org.rnnplayground.training.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.rnnplayground.store.LearnerStore;
import org.rnnplayground.store.StoreProperties;
import org.rnnplayground.training.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An identity that outlives the session: a new session takes its learner from the long-lived,
 * HTTP-only cookie {@value #NAME} ({@code <learner id>.<secret>}, the secret stored only as a
 * hash), so a learner who comes back the next day, or after a restart, finds their runs. A visitor
 * without a valid cookie gets a new one at once, but is stored only with their first run.
 */
@Component
public class LearnerCookie implements VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(LearnerCookie.class);

    /** The cookie's name. */
    public static final String NAME = "rnn-learner";

    private final LearnerStore learners;
    private final Duration lifetime;

    public LearnerCookie(LearnerStore learners, StoreProperties properties) {
        this.learners = learners;
        this.lifetime = properties.retention();
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> {
            VaadinRequest request = e.getRequest();
            Optional<UserId> known = fromCookie(request);
            if (known.isPresent()) {
                CurrentUser.set(e.getSession(), known.get(), null);
                return;
            }
            UserId user = UserId.random();
            String token = learners.newToken();
            CurrentUser.set(e.getSession(), user, token);
            give(request, VaadinResponse.getCurrent(), user, token);
        });
    }

    /** Hands this browser the cookie of {@code user} with the secret {@code token}, with the response. */
    void give(VaadinRequest request, VaadinResponse response, UserId user, String token) {
        if (request == null || response == null) {
            return;
        }
        Cookie cookie = new Cookie(NAME, user.value() + "." + token);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath("/");
        cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, lifetime.toSeconds()));
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** The stored learner the request's cookie names, when its secret matches. */
    private Optional<UserId> fromCookie(VaadinRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (!NAME.equals(c.getName()) || c.getValue() == null) {
                continue;
            }
            int dot = c.getValue().indexOf('.');
            if (dot <= 0 || c.getValue().length() > 200) {
                return Optional.empty();
            }
            try {
                UUID id = UUID.fromString(c.getValue().substring(0, dot));
                String token = c.getValue().substring(dot + 1);
                if (learners.findByToken(id, token).isPresent()) {
                    learners.touch(id);
                    return Optional.of(new UserId(id.toString()));
                }
            } catch (IllegalArgumentException notOurs) {
                return Optional.empty();
            } catch (RuntimeException storeDown) {
                LOG.warn("Could not read the learner of a cookie; a new identity is used", storeDown);
            }
            return Optional.empty();
        }
        return Optional.empty();
    }
}
