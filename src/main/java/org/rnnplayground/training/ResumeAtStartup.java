package org.rnnplayground.training;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Once the server is up, queues again the runs that the last shutdown or crash cut off. */
@Component
class ResumeAtStartup {

    private static final Logger LOG = LoggerFactory.getLogger(ResumeAtStartup.class);

    private final RunJournal journal;

    ResumeAtStartup(RunJournal journal) {
        this.journal = journal;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        try {
            journal.resumeInterrupted();
        } catch (Exception e) {
            LOG.warn("Could not queue again the runs cut off by the last shutdown", e);
        }
    }
}
