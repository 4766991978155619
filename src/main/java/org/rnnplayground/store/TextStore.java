package org.rnnplayground.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextRef;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Texts stored once by the SHA-256 of their UTF-8 bytes, whoever loads them, and each learner's
 * list of the texts they loaded.
 */
public class TextStore {

    /** The longest name kept (longer names are cut). */
    public static final int MAX_NAME_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    TextStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores a text unless it is stored already; either way renews its time stamp, so that the
     * purge leaves it for the retention even before a learner or run refers to it.
     *
     * @return its SHA-256, the key to refer to it by
     */
    public String put(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String sha256 = TextRef.sha256(bytes);
        Instant now = clock.instant();
        if (renew(sha256, now)) {
            return sha256;
        }
        try {
            jdbc.sql("INSERT INTO texts (sha256, content, size_bytes, stored_at) VALUES (:sha, :content, :size, :now)")
                    .param("sha", sha256)
                    .param("content", content)
                    .param("size", (long) bytes.length)
                    .param("now", Sql.utc(now))
                    .update();
        } catch (DuplicateKeyException e) {
            // stored by someone else since the renewal found nothing: it is there now
            renew(sha256, now);
        }
        return sha256;
    }

    private boolean renew(String sha256, Instant now) {
        return jdbc.sql("UPDATE texts SET stored_at = :now WHERE sha256 = :sha")
                        .param("now", Sql.utc(now))
                        .param("sha", sha256)
                        .update()
                == 1;
    }

    /** The content stored under this hash. */
    public Optional<String> get(String sha256) {
        return jdbc.sql("SELECT content FROM texts WHERE sha256 = :sha")
                .param("sha", sha256)
                .query(String.class)
                .optional();
    }

    /** Whether a text is stored under this hash, without reading it. */
    public boolean contains(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM texts WHERE sha256 = :sha")
                        .param("sha", sha256)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Adds a stored text to a learner's list, or renames it there and updates its options and time.
     *
     * @param name cut to {@value #MAX_NAME_LENGTH} characters
     * @throws org.springframework.dao.DataIntegrityViolationException when the learner or the text
     *     is not stored
     */
    public void link(UUID learnerId, String sha256, String name, TextOptions options) {
        String shortName = name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
        Instant now = clock.instant();
        String update = "UPDATE learner_texts SET name = :name, cleaning = :cleaning, lower_case = :lowerCase,"
                + " tokenizer = :tokenizer, bpe_merges = :bpeMerges, min_freq = :minFreq, used_at = :now"
                + " WHERE learner_id = :learner AND text_sha256 = :sha";
        String insert = "INSERT INTO learner_texts"
                + " (learner_id, text_sha256, name, cleaning, lower_case, tokenizer, bpe_merges, min_freq, used_at)"
                + " VALUES (:learner, :sha, :name, :cleaning, :lowerCase, :tokenizer, :bpeMerges, :minFreq, :now)";
        if (linkStatement(update, learnerId, sha256, shortName, options, now).update() == 1) {
            return;
        }
        try {
            linkStatement(insert, learnerId, sha256, shortName, options, now).update();
        } catch (DuplicateKeyException e) {
            // linked by the learner's other tab since the update found nothing
            linkStatement(update, learnerId, sha256, shortName, options, now).update();
        }
    }

    private JdbcClient.StatementSpec linkStatement(
            String sql, UUID learnerId, String sha256, String name, TextOptions options, Instant now) {
        return TextOptionsColumns.bind(jdbc.sql(sql), options)
                .param("learner", learnerId)
                .param("sha", sha256)
                .param("name", name)
                .param("now", Sql.utc(now));
    }

    /** Removes a text from a learner's list (the content stays while runs refer to it). */
    public boolean unlink(UUID learnerId, String sha256) {
        return jdbc.sql("DELETE FROM learner_texts WHERE learner_id = :learner AND text_sha256 = :sha")
                        .param("learner", learnerId)
                        .param("sha", sha256)
                        .update()
                == 1;
    }

    /** A learner's texts, most recently used first. */
    public List<LearnerText> textsOf(UUID learnerId) {
        return jdbc.sql("SELECT text_sha256, name, cleaning, lower_case, tokenizer, bpe_merges, min_freq, used_at"
                        + " FROM learner_texts WHERE learner_id = :learner ORDER BY used_at DESC, name")
                .param("learner", learnerId)
                .query((rs, row) -> new LearnerText(
                        rs.getString("text_sha256"),
                        rs.getString("name"),
                        TextOptionsColumns.read(rs),
                        Sql.instant(rs, "used_at")))
                .list();
    }

    /**
     * Deletes the texts that no learner lists and no run trains on, stored before {@code cutoff}.
     *
     * @return how many were deleted
     */
    public int purgeUnreferenced(Instant cutoff) {
        return jdbc.sql("DELETE FROM texts WHERE stored_at < :cutoff"
                        + " AND NOT EXISTS (SELECT 1 FROM learner_texts l WHERE l.text_sha256 = texts.sha256)"
                        + " AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.text_sha256 = texts.sha256)")
                .param("cutoff", Sql.utc(cutoff))
                .update();
    }
}
