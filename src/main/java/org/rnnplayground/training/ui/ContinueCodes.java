package org.rnnplayground.training.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import io.github.bucket4j.TimeMeter;
import java.util.Optional;
import java.util.UUID;
import org.rnnplayground.guard.AttemptThrottle;
import org.rnnplayground.store.Learner;
import org.rnnplayground.store.LearnerStore;
import org.rnnplayground.store.StoreProperties;
import org.rnnplayground.training.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Continuing on another device: a learner asks for their short code on one browser and types it on
 * another, which then becomes the same learner (with a cookie of its own, so the first browser's
 * keeps working). Typed codes are throttled per client address and for the whole server, since a
 * code is short enough to be guessed by brute force; refusals and failures are logged with the
 * address, never the code.
 */
@Component
public class ContinueCodes {

    private static final Logger LOG = LoggerFactory.getLogger(ContinueCodes.class);

    /** What typing a code did. */
    public enum Outcome {
        /** This browser is now the code's learner. */
        CONTINUED,
        /** No learner has this code (or it was replaced by a newer one). */
        UNKNOWN,
        /** Too many attempts from this address or from everyone: the code was not checked. */
        THROTTLED
    }

    private final LearnerStore learners;
    private final LearnerCookie cookie;
    private final AttemptThrottle attempts;

    public ContinueCodes(LearnerStore learners, LearnerCookie cookie, StoreProperties properties) {
        this.learners = learners;
        this.cookie = cookie;
        StoreProperties.CodeAttempts limits = properties.codeAttempts();
        this.attempts = new AttemptThrottle(
                limits.perAddress(), limits.global(), limits.window(), TimeMeter.SYSTEM_MILLISECONDS);
    }

    /**
     * A fresh code for the session's learner, storing the learner first if they have not stored
     * anything yet. Each call replaces the previous code.
     */
    public String newCode(VaadinSession session) {
        UserId user = CurrentUser.of(session);
        UUID id = UUID.fromString(user.value());
        if (learners.find(id).isEmpty()) {
            String token = CurrentUser.pendingToken(session).orElseGet(learners::newToken);
            learners.register(id, token);
            CurrentUser.set(session, user, null);
        }
        return learners.newCode(id).orElseThrow();
    }

    /**
     * Makes the session, and this browser through its cookie, the learner whose code was typed.
     *
     * @param address the client's address, for the throttle
     */
    public Outcome continueWith(String typed, String address, VaadinSession session) {
        if (!attempts.tryAcquire(address)) {
            LOG.warn("Continue code refused unchecked from {}: too many attempts", address);
            return Outcome.THROTTLED;
        }
        Optional<Learner> found = learners.findByCode(typed == null ? "" : typed);
        if (found.isEmpty()) {
            LOG.info("Unknown continue code typed from {}", address);
            return Outcome.UNKNOWN;
        }
        attempts.release(address);
        UUID id = found.get().id();
        String token = learners.addDevice(id);
        UserId user = new UserId(id.toString());
        CurrentUser.set(session, user, null);
        learners.touch(id);
        cookie.give(VaadinRequest.getCurrent(), VaadinResponse.getCurrent(), user, token);
        return Outcome.CONTINUED;
    }
}
