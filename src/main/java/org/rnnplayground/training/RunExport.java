package org.rnnplayground.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnnplayground.model.EpochReport;
import tools.jackson.databind.json.JsonMapper;

/** A run's metrics as CSV (one row per epoch) or JSON (configuration, epochs, samples). */
public final class RunExport {

    private RunExport() {}

    public static String csv(RunSnapshot run) {
        StringBuilder b = new StringBuilder(
                "epoch,perplexity,tokens_per_s,mean_grad_norm,max_grad_norm,clipped_share,epoch_seconds,elapsed_seconds\n");
        for (EpochReport e : run.epochs()) {
            b.append(String.format(
                    Locale.ROOT,
                    "%d,%.6f,%.1f,%.6f,%.6f,%.4f,%.4f,%.4f%n",
                    e.epoch(),
                    e.perplexity(),
                    e.tokensPerSecond(),
                    e.meanGradNorm(),
                    e.maxGradNorm(),
                    e.clippedShare(),
                    e.epochTime().toNanos() / 1e9,
                    e.elapsed().toNanos() / 1e9));
        }
        return b.toString();
    }

    public static String json(RunSnapshot run) {
        var c = run.spec().config();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("text", run.spec().textName());
        config.put("text_sha256", run.spec().textSha256());
        config.put("tokenizer", run.spec().options().tokenizer().name().toLowerCase(Locale.ROOT));
        config.put("vocab_size", run.text().vocab().vocabSize());
        config.put("corpus_tokens", run.text().corpus().length);
        config.put("impl", run.spec().model().implementation().library() ? "concise" : "scratch");
        config.put("cell", run.spec().model().cell().name().toLowerCase(Locale.ROOT));
        config.put("num_layers", run.spec().model().numLayers());
        config.put("embedding", run.spec().model().embeddingSize());
        config.put("num_hiddens", c.numHiddens());
        config.put("batch_size", c.batchSize());
        config.put("num_steps", c.numSteps());
        config.put("lr", c.hyper().lr());
        config.put("theta", c.hyper().clip() ? c.hyper().theta() : null);
        config.put("sampler", c.sampler().name().toLowerCase(Locale.ROOT));
        config.put("num_epochs", c.numEpochs());
        config.put("activation", c.activation().name().toLowerCase(Locale.ROOT));
        config.put("seed", c.seed());
        List<Map<String, Object>> epochs = run.epochs().stream()
                .map(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("epoch", e.epoch());
                    m.put("perplexity", finite(e.perplexity()));
                    m.put("tokens_per_s", finite(e.tokensPerSecond()));
                    m.put("mean_grad_norm", finite(e.meanGradNorm()));
                    m.put("max_grad_norm", finite(e.maxGradNorm()));
                    m.put("clipped_share", e.clippedShare());
                    m.put("elapsed_seconds", e.elapsed().toNanos() / 1e9);
                    return m;
                })
                .toList();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", run.id());
        root.put("label", run.label());
        root.put("status", run.status().name().toLowerCase(Locale.ROOT));
        root.put("diverged_at_epoch", run.divergedAtEpoch() > 0 ? run.divergedAtEpoch() : null);
        root.put("message", run.message());
        root.put("config", config);
        root.put("epochs", epochs);
        root.put("samples", run.samples());
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
