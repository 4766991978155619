package org.rnnplayground.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Anonymous learners: created on a first visit, found again by the token of their cookie or by
 * the short code they type on another device, and purged when unseen for the retention. Only
 * SHA-256 hashes of the token and the code are stored.
 */
public class LearnerStore {

    private static final int CODE_ATTEMPTS = 5;
    private static final RowMapper<Learner> LEARNER = (rs, row) ->
            new Learner(Sql.uuid(rs, "id"), Sql.instant(rs, "created_at"), Sql.instant(rs, "last_seen_at"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LearnerCredentials credentials;

    LearnerStore(JdbcClient jdbc, Clock clock, LearnerCredentials credentials) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.credentials = credentials;
    }

    /** A new learner, seen now, with fresh secrets. */
    public NewLearner create() {
        return register(UUID.randomUUID(), credentials.newToken());
    }

    /** A fresh secret for a learner's cookie, to {@link #register} with later. */
    public String newToken() {
        return credentials.newToken();
    }

    /**
     * Stores a learner whose id and cookie token were handed out before (a visitor becomes a
     * learner with their first stored run, so that visits that store nothing leave no row).
     *
     * @throws DuplicateKeyException when the id is taken
     */
    public NewLearner register(UUID id, String token) {
        Instant now = clock.instant();
        Learner learner = new Learner(id, now, now);
        for (int attempt = 1; ; attempt++) {
            String code = credentials.newCode();
            try {
                jdbc.sql("INSERT INTO learners (id, created_at, last_seen_at, code_hash, token_hash)"
                                + " VALUES (:id, :now, :now, :code, :token)")
                        .param("id", learner.id())
                        .param("now", Sql.utc(now))
                        .param("code", LearnerCredentials.codeHash(code))
                        .param("token", Sha256.hex(token))
                        .update();
                return new NewLearner(learner, token, code);
            } catch (DuplicateKeyException e) {
                // another learner drew this code (rare: codes have about 49 bits): draw again
                if (attempt == CODE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public Optional<Learner> find(UUID id) {
        return jdbc.sql("SELECT id, created_at, last_seen_at FROM learners WHERE id = :id")
                .param("id", id)
                .query(LEARNER)
                .optional();
    }

    /** The learner whose cookie carries this id and token; empty when either does not match. */
    public Optional<Learner> findByToken(UUID id, String token) {
        if (id == null || token == null) {
            return Optional.empty();
        }
        String hash = Sha256.hex(token);
        Optional<String> stored = jdbc.sql("SELECT token_hash FROM learners WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = hash.getBytes(StandardCharsets.US_ASCII);
        boolean first = MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.US_ASCII), given);
        boolean another = !first
                && jdbc.sql("SELECT COUNT(*) FROM learner_devices WHERE token_hash = :hash AND learner_id = :id")
                                .param("hash", hash)
                                .param("id", id)
                                .query(Integer.class)
                                .single()
                        > 0;
        return first || another ? find(id) : Optional.empty();
    }

    /**
     * A cookie secret for another browser of the learner (one that continued with their code), kept
     * besides the first browser's; null when there is no such learner.
     */
    public String addDevice(UUID id) {
        if (find(id).isEmpty()) {
            return null;
        }
        String token = credentials.newToken();
        jdbc.sql("INSERT INTO learner_devices (token_hash, learner_id, created_at) VALUES (:hash, :id, :now)")
                .param("hash", Sha256.hex(token))
                .param("id", id)
                .param("now", Sql.utc(clock.instant()))
                .update();
        return token;
    }

    /**
     * The learner with this continue code, as typed (case, dashes and spaces do not matter). The
     * caller must throttle attempts: the code is short enough to be guessed by brute force.
     */
    public Optional<Learner> findByCode(String typed) {
        String code = LearnerCredentials.normalizeCode(typed);
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, created_at, last_seen_at FROM learners WHERE code_hash = :code")
                .param("code", Sha256.hex(code))
                .query(LEARNER)
                .optional();
    }

    /**
     * Replaces the learner's continue code (the old one stops working) and returns the new one, to
     * show them; empty when there is no such learner.
     */
    public Optional<String> newCode(UUID id) {
        for (int attempt = 1; ; attempt++) {
            String code = credentials.newCode();
            try {
                int updated = jdbc.sql("UPDATE learners SET code_hash = :code WHERE id = :id")
                        .param("code", LearnerCredentials.codeHash(code))
                        .param("id", id)
                        .update();
                return updated == 1 ? Optional.of(code) : Optional.empty();
            } catch (DuplicateKeyException e) {
                if (attempt == CODE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Marks the learner seen now; false when there is no such learner (purged meanwhile). */
    public boolean touch(UUID id) {
        return jdbc.sql("UPDATE learners SET last_seen_at = :now WHERE id = :id")
                        .param("now", Sql.utc(clock.instant()))
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * Deletes the learners last seen before {@code cutoff}, with their text links, runs, metrics,
     * samples and checkpoints (the schema cascades).
     *
     * @return how many learners were deleted
     */
    public int purgeUnseenSince(Instant cutoff) {
        return jdbc.sql("DELETE FROM learners WHERE last_seen_at < :cutoff")
                .param("cutoff", Sql.utc(cutoff))
                .update();
    }
}
