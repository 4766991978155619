package org.rnnplayground.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs: inserted when launched, their status and times updated as they train and end, listed per
 * learner, and found again after a restart to queue or resume them. Status changes that race (a
 * slot claiming a run while its owner stops it) are compare-and-set on the status.
 */
public class RunStore {

    private static final String COLUMNS = "id, learner_id, text_sha256, text_name, cleaning, lower_case, tokenizer,"
            + " bpe_merges, min_freq, max_tokens, spec_json, status, created_at, started_at, finished_at,"
            + " stop_reason, stopped_by, message, diverged_at_epoch, resume_pending, resumed_from_epoch, resume_count";

    private final JdbcClient jdbc;
    private final SpecJson specJson = new SpecJson();

    RunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a launched run with its first status.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException when its learner or text is
     *     not stored, or a run with its id is
     */
    public void insert(NewRun run, String status) {
        TextOptionsColumns.bind(
                        jdbc.sql("INSERT INTO runs (id, learner_id, text_sha256, text_name, cleaning, lower_case,"
                                + " tokenizer, bpe_merges, min_freq, max_tokens, spec_json, status, created_at,"
                                + " message, diverged_at_epoch, resume_pending, resume_count)"
                                + " VALUES (:id, :learner, :sha, :name, :cleaning, :lowerCase, :tokenizer, :bpeMerges,"
                                + " :minFreq, :maxTokens, :spec, :status, :createdAt, '', 0, FALSE, 0)"),
                        run.options())
                .param("id", run.id())
                .param("learner", run.learnerId())
                .param("sha", run.textSha256())
                .param("name", run.textName())
                .param("maxTokens", run.maxTokens())
                .param("spec", specJson.write(run.config(), run.model()))
                .param("status", status)
                .param("createdAt", Sql.utc(run.createdAt()))
                .update();
    }

    public Optional<StoredRun> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM runs WHERE id = :id")
                .param("id", id)
                .query(this::read)
                .optional();
    }

    /** A learner's runs, newest first. */
    public List<StoredRun> listByLearner(UUID learnerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM runs WHERE learner_id = :learner ORDER BY created_at DESC, id")
                .param("learner", learnerId)
                .query(this::read)
                .list();
    }

    /**
     * The runs in any of these statuses, oldest first: at start-up, the runs that were waiting or
     * training when the server went away (pass the names of the runtime's unfinished statuses).
     */
    public List<StoredRun> withStatus(Collection<String> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM runs WHERE status IN (:statuses) ORDER BY created_at, id")
                .param("statuses", List.copyOf(statuses))
                .query(this::read)
                .list();
    }

    /**
     * Sets the status if it is still {@code expected}.
     *
     * @return whether it was changed
     */
    public boolean changeStatus(UUID id, String expected, String status) {
        return jdbc.sql("UPDATE runs SET status = :status WHERE id = :id AND status = :expected")
                        .param("status", status)
                        .param("id", id)
                        .param("expected", expected)
                        .update()
                == 1;
    }

    /**
     * A slot took the run: sets the status if it is still {@code expected}, and the start time
     * unless it started before (a resumed run keeps its first start).
     *
     * @return whether it was changed
     */
    public boolean started(UUID id, String expected, String status, Instant at) {
        return jdbc.sql("UPDATE runs SET status = :status, started_at = COALESCE(started_at, :at)"
                                + " WHERE id = :id AND status = :expected")
                        .param("status", status)
                        .param("at", Sql.utc(at))
                        .param("id", id)
                        .param("expected", expected)
                        .update()
                == 1;
    }

    /**
     * The run ended; no longer pending resumption.
     *
     * @return false when there is no such run
     */
    public boolean ended(UUID id, RunEnd end) {
        return jdbc.sql("UPDATE runs SET status = :status, finished_at = :at, stop_reason = :reason,"
                                + " stopped_by = :by, message = :message, diverged_at_epoch = :diverged,"
                                + " resume_pending = FALSE WHERE id = :id")
                        .param("status", end.status())
                        .param("at", Sql.utc(end.finishedAt()))
                        .param("reason", end.stopReason())
                        .param("by", end.stoppedBy())
                        .param("message", end.message())
                        .param("diverged", end.divergedAtEpoch())
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The server is going down while the run waits or trains: resume it at the next start. */
    public boolean markForResumption(UUID id) {
        return jdbc.sql("UPDATE runs SET resume_pending = TRUE WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * The run continues after a restart from the checkpoint after {@code fromEpoch} (0: from the
     * start), with this status (queued again, or training).
     */
    public boolean resumed(UUID id, String status, int fromEpoch) {
        return jdbc.sql("UPDATE runs SET status = :status, resume_pending = FALSE, resumed_from_epoch = :epoch,"
                                + " resume_count = resume_count + 1 WHERE id = :id")
                        .param("status", status)
                        .param("epoch", fromEpoch)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Deletes a run with its metrics, samples and checkpoints. */
    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM runs WHERE id = :id").param("id", id).update() == 1;
    }

    private StoredRun read(ResultSet rs, int row) throws SQLException {
        SpecJson.Spec spec = specJson.read(rs.getString("spec_json"));
        NewRun launch = new NewRun(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "learner_id"),
                rs.getString("text_sha256"),
                rs.getString("text_name"),
                TextOptionsColumns.read(rs),
                rs.getInt("max_tokens"),
                spec.config(),
                spec.model(),
                Sql.instant(rs, "created_at"));
        return new StoredRun(
                launch,
                rs.getString("status"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "finished_at"),
                rs.getString("stop_reason"),
                rs.getString("stopped_by"),
                rs.getString("message"),
                rs.getInt("diverged_at_epoch"),
                rs.getBoolean("resume_pending"),
                Sql.nullableInt(rs, "resumed_from_epoch"),
                rs.getInt("resume_count"));
    }
}
