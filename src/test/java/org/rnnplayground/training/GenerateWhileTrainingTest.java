package org.rnnplayground.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.Decoding;
import org.rnnplayground.model.Generation;
import org.rnnplayground.model.Generator;
import org.rnnplayground.model.SpareCores;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TokenCodec;

/** A running run hands over a copy of its parameters between two steps, for generation. */
class GenerateWhileTrainingTest {

    private static final UserId ANN = new UserId("ann");

    @Test
    void aRunningRunGeneratesFromACopyAndAFinishedOneFromItsModel() throws Exception {
        TrainConfig config = TrainConfig.book()
                .withNumHiddens(16)
                .withBatch(4, 10)
                .withNumEpochs(100_000)
                .withSampler(SamplerKind.SEQUENTIAL)
                .withSamples(0, "he", 10, Decoding.greedyArgmax());
        ExecutorService workers = Executors.newCachedThreadPool();
        try (LocalTraining training = new LocalTraining(
                new ModelRunExecutor(1, SpareCores.NONE),
                workers,
                TrainingLimits.forThisMachine(),
                Clock.systemUTC())) {
            TestRun hello = TestRun.of(
                    "hello", "hello world ".repeat(40), TextOptions.bookChars(), 0, config, ModelSpec.scratch());
            TokenCodec codec = hello.text().codec();
            RunSnapshot run = hello.launchBy(training, ANN).run().orElseThrow();
            assertTrue(training.modelNow(run.id(), new UserId("bob")).isEmpty(), "only the owner's runs");

            CompletableFuture<CharModel> copy = training.modelNow(run.id(), ANN).orElseThrow();
            CharModel model = copy.get(30, TimeUnit.SECONDS);
            assertEquals(
                    RunStatus.RUNNING,
                    training.find(run.id(), ANN).orElseThrow().status());
            Generation g = Generator.generate(model, codec, "hel", 5, Decoding.greedyArgmax());
            assertEquals(3 + 5, g.tokens().size());
            CharModel second = training.modelNow(run.id(), ANN).orElseThrow().get(30, TimeUnit.SECONDS);
            assertTrue(second != model, "each request gets a copy of the parameters of its moment");

            training.stop(run.id(), ANN);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!training.find(run.id(), ANN).orElseThrow().status().isFinal()) {
                assertTrue(System.nanoTime() < deadline, "the run stops");
                Thread.sleep(10);
            }
            CompletableFuture<CharModel> finished =
                    training.modelNow(run.id(), ANN).orElseThrow();
            assertTrue(finished.isDone(), "a stopped run's model is there at once");
        } finally {
            workers.shutdownNow();
        }
    }
}
