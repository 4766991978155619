package org.rnnplayground.store;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.TrainProgress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's history as it trains: epoch reports, progress points inside epochs, and samples,
 * appended in order and read back whole. Infinite and NaN perplexities (a diverged run) are kept.
 */
public class MetricStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json = JsonMapper.builder().build();

    MetricStore(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Appends a finished epoch's report.
     *
     * @throws org.springframework.dao.DuplicateKeyException when that epoch is stored already
     */
    public void appendEpoch(UUID runId, EpochReport report) {
        jdbc.sql("INSERT INTO run_epochs (run_id, epoch, perplexity, tokens_per_second, mean_grad_norm, max_grad_norm,"
                        + " clipped_share, minibatches, tokens, epoch_nanos, elapsed_nanos) VALUES (:run, :epoch,"
                        + " :perplexity, :tps, :meanGrad, :maxGrad, :clipped, :minibatches, :tokens, :epochNanos,"
                        + " :elapsedNanos)")
                .param("run", runId)
                .param("epoch", report.epoch())
                .param("perplexity", report.perplexity())
                .param("tps", report.tokensPerSecond())
                .param("meanGrad", report.meanGradNorm())
                .param("maxGrad", report.maxGradNorm())
                .param("clipped", report.clippedShare())
                .param("minibatches", report.minibatches())
                .param("tokens", report.tokens())
                .param("epochNanos", report.epochTime().toNanos())
                .param("elapsedNanos", report.elapsed().toNanos())
                .update();
    }

    /** Appends a progress point inside an epoch. */
    public void appendProgress(UUID runId, TrainProgress point) {
        jdbc.sql("INSERT INTO run_progress (run_id, epochs, perplexity, tokens_per_second, grad_norm, elapsed_nanos,"
                        + " overflow) VALUES (:run, :epochs, :perplexity, :tps, :grad, :elapsedNanos, :overflow)")
                .param("run", runId)
                .param("epochs", point.epochs())
                .param("perplexity", point.perplexity())
                .param("tps", point.tokensPerSecond())
                .param("grad", point.gradNorm())
                .param("elapsedNanos", point.elapsed().toNanos())
                .param("overflow", point.overflow())
                .update();
    }

    /** Appends a sample. */
    public void appendSample(UUID runId, StoredSample sample) {
        jdbc.sql("INSERT INTO run_samples (run_id, epoch, text, unknown_json) VALUES (:run, :epoch, :text, :unknown)")
                .param("run", runId)
                .param("epoch", sample.epoch())
                .param("text", sample.text())
                .param("unknown", json.writeValueAsString(sample.unknown()))
                .update();
    }

    /** Everything the run measured and generated, in order; all empty for an unknown run. */
    public RunHistory history(UUID runId) {
        return transaction.execute(status -> new RunHistory(epochs(runId), progress(runId), samples(runId)));
    }

    private List<EpochReport> epochs(UUID runId) {
        return jdbc.sql("SELECT epoch, perplexity, tokens_per_second, mean_grad_norm, max_grad_norm, clipped_share,"
                        + " minibatches, tokens, epoch_nanos, elapsed_nanos FROM run_epochs WHERE run_id = :run"
                        + " ORDER BY epoch")
                .param("run", runId)
                .query((rs, row) -> new EpochReport(
                        rs.getInt("epoch"),
                        rs.getDouble("perplexity"),
                        rs.getDouble("tokens_per_second"),
                        rs.getDouble("mean_grad_norm"),
                        rs.getDouble("max_grad_norm"),
                        rs.getDouble("clipped_share"),
                        rs.getInt("minibatches"),
                        rs.getLong("tokens"),
                        Duration.ofNanos(rs.getLong("epoch_nanos")),
                        Duration.ofNanos(rs.getLong("elapsed_nanos"))))
                .list();
    }

    private List<TrainProgress> progress(UUID runId) {
        return jdbc.sql("SELECT epochs, perplexity, tokens_per_second, grad_norm, elapsed_nanos, overflow"
                        + " FROM run_progress WHERE run_id = :run ORDER BY id")
                .param("run", runId)
                .query((rs, row) -> new TrainProgress(
                        rs.getDouble("epochs"),
                        rs.getDouble("perplexity"),
                        rs.getDouble("tokens_per_second"),
                        rs.getDouble("grad_norm"),
                        Duration.ofNanos(rs.getLong("elapsed_nanos")),
                        rs.getBoolean("overflow")))
                .list();
    }

    private List<StoredSample> samples(UUID runId) {
        return jdbc.sql("SELECT epoch, text, unknown_json FROM run_samples WHERE run_id = :run ORDER BY id")
                .param("run", runId)
                .query((rs, row) -> new StoredSample(
                        rs.getInt("epoch"),
                        rs.getString("text"),
                        json.readValue(rs.getString("unknown_json"), STRINGS)))
                .list();
    }

    /**
     * Forgets what came after {@code epoch}: its later epochs, progress beyond it and later samples.
     * A run resuming from the checkpoint after {@code epoch} trains those epochs again and reports
     * them anew.
     */
    public void discardAfter(UUID runId, int epoch) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM run_epochs WHERE run_id = :run AND epoch > :epoch")
                    .param("run", runId)
                    .param("epoch", epoch)
                    .update();
            jdbc.sql("DELETE FROM run_progress WHERE run_id = :run AND epochs > :epoch")
                    .param("run", runId)
                    .param("epoch", (double) epoch)
                    .update();
            jdbc.sql("DELETE FROM run_samples WHERE run_id = :run AND epoch > :epoch")
                    .param("run", runId)
                    .param("epoch", epoch)
                    .update();
        });
    }
}
