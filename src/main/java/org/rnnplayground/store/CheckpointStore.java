package org.rnnplayground.store;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each run's latest checkpoints: saving one drops all but the newest {@code kept}, so a crash in the
 * middle of writing one still leaves the one before; a finished run's last checkpoint is its model.
 */
public class CheckpointStore {

    private static final String COLUMNS =
            "run_id, epoch, minibatch, format, parameters, sampler_state, random_state, extra_state, created_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final int kept;

    CheckpointStore(JdbcClient jdbc, TransactionTemplate transaction, int kept) {
        if (kept < 1) {
            throw new IllegalArgumentException("at least one checkpoint must be kept, got " + kept);
        }
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kept = kept;
    }

    /**
     * Saves a checkpoint (replacing one of the same run, epoch and minibatch) and drops the run's
     * older ones beyond the newest {@code kept}, in one transaction.
     */
    public void save(Checkpoint checkpoint) {
        transaction.executeWithoutResult(status -> {
            delete(checkpoint.runId(), checkpoint.epoch(), checkpoint.minibatch());
            jdbc.sql("INSERT INTO run_checkpoints (" + COLUMNS + ") VALUES (:run, :epoch, :minibatch, :format,"
                            + " :parameters, :sampler, :random, :extra, :createdAt)")
                    .param("run", checkpoint.runId())
                    .param("epoch", checkpoint.epoch())
                    .param("minibatch", checkpoint.minibatch())
                    .param("format", checkpoint.format())
                    .param("parameters", checkpoint.parameters())
                    .param("sampler", checkpoint.samplerState())
                    .param("random", checkpoint.randomState())
                    .param("extra", checkpoint.extraState())
                    .param("createdAt", Sql.utc(checkpoint.createdAt()))
                    .update();
            // the newest `kept` positions stay; a subquery with LIMIT is not portable, so find the
            // oldest position kept and delete what lies before it
            jdbc.sql("SELECT epoch, minibatch FROM run_checkpoints WHERE run_id = :run"
                            + " ORDER BY epoch DESC, minibatch DESC OFFSET :skip ROWS FETCH FIRST 1 ROWS ONLY")
                    .param("run", checkpoint.runId())
                    .param("skip", kept - 1)
                    .query((rs, row) -> new int[] {rs.getInt("epoch"), rs.getInt("minibatch")})
                    .optional()
                    .ifPresent(oldest -> jdbc.sql("DELETE FROM run_checkpoints WHERE run_id = :run"
                                    + " AND (epoch < :epoch OR (epoch = :epoch AND minibatch < :minibatch))")
                            .param("run", checkpoint.runId())
                            .param("epoch", oldest[0])
                            .param("minibatch", oldest[1])
                            .update());
        });
    }

    private void delete(UUID runId, int epoch, int minibatch) {
        jdbc.sql("DELETE FROM run_checkpoints WHERE run_id = :run AND epoch = :epoch AND minibatch = :minibatch")
                .param("run", runId)
                .param("epoch", epoch)
                .param("minibatch", minibatch)
                .update();
    }

    /** The run's newest checkpoint (furthest in training). */
    public Optional<Checkpoint> latest(UUID runId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM run_checkpoints WHERE run_id = :run"
                        + " ORDER BY epoch DESC, minibatch DESC FETCH FIRST 1 ROWS ONLY")
                .param("run", runId)
                .query((rs, row) -> new Checkpoint(
                        Sql.uuid(rs, "run_id"),
                        rs.getInt("epoch"),
                        rs.getInt("minibatch"),
                        rs.getString("format"),
                        rs.getBytes("parameters"),
                        rs.getBytes("sampler_state"),
                        rs.getBytes("random_state"),
                        rs.getBytes("extra_state"),
                        Sql.instant(rs, "created_at")))
                .optional();
    }

    /** How many checkpoints the run has. */
    public int count(UUID runId) {
        return jdbc.sql("SELECT COUNT(*) FROM run_checkpoints WHERE run_id = :run")
                .param("run", runId)
                .query(Integer.class)
                .single();
    }

    /** Drops all of a run's checkpoints (a run that will never resume nor generate). */
    public int deleteAll(UUID runId) {
        return jdbc.sql("DELETE FROM run_checkpoints WHERE run_id = :run")
                .param("run", runId)
                .update();
    }
}
