package org.rnnplayground.inside;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.TrainListener;
import org.rnnplayground.model.TrainOutcome;
import org.rnnplayground.model.Trainer;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;

/**
 * How much the Inside page's live views slow a training run (docs/inside-overhead.md): the same run
 * trained alone and with a viewer that, as the page does, asks for a copy of the parameters after an
 * epoch when {@link RefreshPolicy} allows (copied on the training thread between two steps) and computes the
 * page's passes on it on another thread (hidden states and next-token odds over 200 tokens, gradients
 * through time on one minibatch). Alternates the two, several rounds, and prints tokens per second.
 *
 * <p>Not a test (timings): {@code java -cp target/test-classes:target/classes:$(cp) \
 * org.rnnplayground.inside.InsideOverhead ../shared/corpora/timemachine.txt}.
 */
public final class InsideOverhead {

    public static void main(String[] args) throws Exception {
        String raw = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        ProcessedText text = TextPipeline.process(raw, TextOptions.bookChars());
        int[] corpus = Arrays.copyOf(text.corpus(), 10_000);
        TrainConfig book = TrainConfig.book().withNumEpochs(epochs);
        record Case(String name, ModelSpec spec, TrainConfig config) {}
        Case[] cases = {
            new Case("scratch RNN, 512 hidden", ModelSpec.scratch(), book),
            new Case("concise LSTM, 256 hidden", ModelSpec.concise(CellType.LSTM, 1, 0), book.withNumHiddens(256)),
        };
        for (Case c : cases) {
            double plain = 0, live = 0;
            java.util.List<Long> costs = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            for (int r = 0; r < rounds; r++) {
                plain += train(c.spec(), c.config(), corpus, text, false, new java.util.ArrayList<>());
                live += train(c.spec(), c.config(), corpus, text, true, costs);
            }
            int refreshes = costs.size();
            long totalCost = costs.stream().mapToLong(Long::longValue).sum();
            System.out.printf(
                    Locale.ROOT,
                    "%s: refresh CPU times (ms) %s, %.1f s of CPU in all%n",
                    c.name(),
                    costs.stream().map(n -> String.valueOf(n / 1_000_000)).toList(),
                    totalCost / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "%s: alone %.0f tokens/s, with live views %.0f tokens/s (%d refreshes in %d epochs): %.1f%% slower%n",
                    c.name(),
                    plain / rounds,
                    live / rounds,
                    refreshes / rounds,
                    epochs,
                    100 * (1 - live / plain));
        }
        System.exit(0);
    }

    /** Trains once; returns tokens per second over all epochs. */
    private static double train(
            ModelSpec spec,
            TrainConfig config,
            int[] corpus,
            ProcessedText text,
            boolean viewer,
            java.util.List<Long> costs)
            throws InterruptedException {
        CharModel model = spec.newModel(text.vocab().vocabSize(), config);
        ExecutorService inside = Executors.newSingleThreadExecutor();
        AtomicBoolean wanted = new AtomicBoolean(), busy = new AtomicBoolean();
        RefreshPolicy policy = new RefreshPolicy();
        Passage passage = Passage.endOf(corpus, text.codec(), 200);
        int[][][] xy = GradientsThroughTime.firstMinibatch(corpus, config.batchSize(), config.numSteps());
        TrainListener listener = new TrainListener() {
            @Override
            public void onEpoch(EpochReport report) {
                long now = System.nanoTime();
                if (viewer && !busy.get() && policy.delay(now) == 0) { // as InsideView.follow
                    policy.started(now);
                    wanted.set(true); // served after the next step, as Run.serveSnapshots does
                }
            }

            @Override
            public void afterStep(CharModel training) {
                if (wanted.compareAndSet(true, false)) {
                    CharModel copy = training.snapshot();
                    busy.set(true);
                    inside.execute(() -> {
                        java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
                        RefreshPolicy.measured(
                                cpu,
                                () -> { // as InsideView.refresh
                                    HiddenStates.of(copy, passage);
                                    NextTokenOdds.of(copy, passage);
                                    return GradientsThroughTime.measure(copy, xy[0], xy[1], config.hyper());
                                });
                        long cost = cpu.get();
                        policy.finished(cost);
                        costs.add(cost);
                        busy.set(false);
                    });
                }
            }
        };
        TrainOutcome outcome =
                new Trainer(System::nanoTime).run(model, config, corpus, text.codec(), listener, () -> false);
        inside.shutdown();
        inside.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        long tokens = outcome.epochs().stream().mapToLong(EpochReport::tokens).sum();
        double seconds = outcome.epochs().stream()
                        .map(EpochReport::epochTime)
                        .mapToLong(Duration::toNanos)
                        .sum()
                / 1e9;
        return tokens / seconds;
    }
}
