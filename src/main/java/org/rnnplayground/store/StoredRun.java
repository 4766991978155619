package org.rnnplayground.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A run as stored: what it was launched with and where it is.
 *
 * @param launch what it was launched with
 * @param status a name of the runtime's {@code RunStatus}
 * @param startedAt when it first got a slot, or null
 * @param finishedAt when it ended, or null
 * @param stopReason a name of the runtime's {@code StopReason}, or null
 * @param stoppedBy who stopped it, or null
 * @param message why it stopped, diverged or failed; empty otherwise
 * @param divergedAtEpoch the epoch where it diverged, else 0
 * @param resumePending whether the server marked it, going down, to be resumed at the next start
 * @param resumedFromEpoch the checkpoint's epoch it last resumed from, or null when it never resumed
 * @param resumeCount how often it resumed
 */
public record StoredRun(
        NewRun launch,
        String status,
        Instant startedAt,
        Instant finishedAt,
        String stopReason,
        String stoppedBy,
        String message,
        int divergedAtEpoch,
        boolean resumePending,
        Integer resumedFromEpoch,
        int resumeCount) {

    public UUID id() {
        return launch.id();
    }
}
