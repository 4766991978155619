package org.rnnplayground.store;

import java.time.Instant;
import java.util.UUID;

/**
 * An anonymous learner as stored.
 *
 * @param id the learner's id (the runtime's user id is its string form)
 * @param createdAt when they were first seen
 * @param lastSeenAt when they were last seen; the purge deletes learners unseen for the retention
 */
public record Learner(UUID id, Instant createdAt, Instant lastSeenAt) {}
