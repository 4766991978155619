package org.rnnplayground.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.Generation;
import org.rnnplayground.model.NativeThreads;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.TrainListener;
import org.rnnplayground.model.TrainOutcome;
import org.rnnplayground.model.Trainer;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;

/**
 * Headless training: {@code train --corpus FILE [options]}. Prints a line per epoch, or with
 * {@code --json} one JSON line with the same fields as the PyTorch reference script. {@code
 * --threads 2} (or more) lets each step use a second core beside the recurrence, as a lone run in
 * the server does ({@link org.rnnplayground.model.SpareCores}); BLAS stays on one thread per call.
 */
public final class TrainCommand {

    static final String USAGE = """
            usage: train --corpus FILE [--impl scratch|concise] [--cell rnn|gru|lstm] [--layers 1] [--embedding 0]
                         [--hidden 512] [--batch 32] [--steps 35] [--lr 1]
                         [--epochs 5] [--max-tokens 10000] [--seed 0] [--sampler sequential|random]
                         [--theta 1 | --no-clip] [--activation tanh|relu] [--precision float32|float64]
                         [--threads 1] [--sample-every 0] [--prefix "time traveller"] [--json]""";

    private TrainCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /**
     * Runs the command.
     *
     * @return the exit status: 0 done, 1 diverged or failed, 2 bad arguments
     */
    public static int run(String[] args, PrintStream out) {
        TrainArgs a;
        try {
            a = TrainArgs.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            out.println(USAGE);
            return 2;
        }
        if (a.help()) {
            out.println(USAGE);
            return 0;
        }
        String raw;
        try {
            raw = Files.readString(Path.of(a.corpus()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.println("error: cannot read corpus " + a.corpus() + ": " + e.getMessage());
            return 2;
        }
        NativeThreads.limitTo(1); // one BLAS thread per call; more threads are lanes (a.cores())
        ProcessedText text = TextPipeline.process(raw, TextOptions.bookChars());
        int[] corpus = text.corpus();
        if (a.maxTokens() > 0 && corpus.length > a.maxTokens()) {
            corpus = Arrays.copyOf(corpus, a.maxTokens());
        }
        TrainConfig config = a.config();
        int vocabSize = text.vocab().vocabSize();
        CharModel model = a.spec().newModel(vocabSize, config);
        TrainListener listener = a.json()
                ? TrainListener.none()
                : new TrainListener() {
                    @Override
                    public void onEpoch(EpochReport r) {
                        out.printf(
                                Locale.ROOT,
                                "epoch %d perplexity %.3f, %.0f tokens/s, grad norm mean %.3f max %.3f, clipped %.0f%%%n",
                                r.epoch(),
                                r.perplexity(),
                                r.tokensPerSecond(),
                                r.meanGradNorm(),
                                r.maxGradNorm(),
                                100 * r.clippedShare());
                    }

                    @Override
                    public void onSample(int epoch, Generation sample) {
                        out.println("  " + sample.text());
                    }
                };
        TrainOutcome outcome = new Trainer(System::nanoTime, a.cores())
                .run(model, config, corpus, text.codec(), listener, () -> false);
        long tokens = outcome.epochs().stream().mapToLong(EpochReport::tokens).sum();
        double seconds = outcome.epochs().stream()
                        .map(EpochReport::epochTime)
                        .mapToLong(Duration::toNanos)
                        .sum()
                / 1e9;
        double tokensPerSecond = seconds > 0 ? tokens / seconds : 0;
        if (a.json()) {
            out.println(json(a, vocabSize, tokensPerSecond, outcome));
        } else {
            out.printf(
                    Locale.ROOT,
                    "%s: perplexity %.3f, %.0f tokens/s%n",
                    outcome.message(),
                    outcome.finalPerplexity(),
                    tokensPerSecond);
        }
        return outcome.status() == TrainOutcome.Status.DIVERGED ? 1 : 0;
    }

    static String json(TrainArgs a, int vocabSize, double tokensPerSecond, TrainOutcome outcome) {
        double ppl = outcome.finalPerplexity();
        return String.format(
                Locale.ROOT,
                "{\"impl\": \"%s\", \"sampler\": \"%s\", \"hidden\": %d, \"epochs\": %d, \"vocab\": %d, "
                        + "\"tokens_per_s\": %d, \"perplexity\": %s, \"status\": \"%s\", \"diverged_at_epoch\": %d, "
                        + "\"activation\": \"%s\", \"precision\": \"%s\", \"threads\": %d, \"cell\": \"%s\", "
                        + "\"layers\": %d, \"embedding\": %d}",
                a.impl(),
                a.sampler().name().toLowerCase(Locale.ROOT),
                a.hidden(),
                a.epochs(),
                vocabSize,
                Math.round(tokensPerSecond),
                Double.isFinite(ppl) ? String.format(Locale.ROOT, "%.3f", ppl) : "null",
                outcome.status().name().toLowerCase(Locale.ROOT),
                outcome.divergedAtEpoch(),
                a.activation().name().toLowerCase(Locale.ROOT),
                a.precision().name().toLowerCase(Locale.ROOT),
                a.threads(),
                a.cell().name().toLowerCase(Locale.ROOT),
                a.layers(),
                a.embedding());
    }
}
