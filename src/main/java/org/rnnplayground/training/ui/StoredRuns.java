package org.rnnplayground.training.ui;

import com.vaadin.flow.server.VaadinSession;
import org.rnnplayground.training.RunJournal;
import org.rnnplayground.training.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a learner's stored runs back into the runtime once per session and learner: a new session
 * after a restart or the next day, or a learner who continued here with their code. Later pages of
 * the session find the runs in the runtime.
 */
public final class StoredRuns {

    private static final Logger LOG = LoggerFactory.getLogger(StoredRuns.class);

    /** Session attribute, followed by the learner's id, set once the learner's stored runs were read. */
    private static final String RESTORED = StoredRuns.class.getName() + ".restored.";

    private StoredRuns() {}

    /** Restores {@code user}'s stored runs unless this session did; a failure is tried again next time. */
    public static void restoreOnce(RunJournal journal, UserId user) {
        VaadinSession session = VaadinSession.getCurrent();
        String key = RESTORED + user.value();
        if (session == null || session.getAttribute(key) != null) {
            return;
        }
        try {
            journal.restore(user);
            session.setAttribute(key, Boolean.TRUE);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the stored runs of {}", user.shortForm(), e);
        }
    }
}
