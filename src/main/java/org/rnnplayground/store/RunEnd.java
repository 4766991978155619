package org.rnnplayground.store;

import java.time.Instant;

/**
 * How a run ended.
 *
 * @param status the final status (a name of the runtime's {@code RunStatus})
 * @param finishedAt when
 * @param stopReason why it was stopped (a name of the runtime's {@code StopReason}), or null
 * @param stoppedBy who stopped it (the instructor's user name, or the learner), or null
 * @param message why it stopped, diverged or failed; empty otherwise (cut to {@value #MAX_MESSAGE})
 * @param divergedAtEpoch the epoch where it diverged, else 0
 */
public record RunEnd(
        String status, Instant finishedAt, String stopReason, String stoppedBy, String message, int divergedAtEpoch) {

    /** The longest message kept. */
    public static final int MAX_MESSAGE = 2000;

    public RunEnd {
        if (status == null || finishedAt == null) {
            throw new IllegalArgumentException("an ended run needs its final status and time");
        }
        message = message == null ? "" : message;
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE);
        }
        if (stoppedBy != null && stoppedBy.length() > 100) {
            stoppedBy = stoppedBy.substring(0, 100);
        }
    }
}
