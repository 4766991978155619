package org.rnnplayground.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnplayground.model.TrainOutcome.Status;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;

class TrainerTest {

    static final ProcessedText TEXT = TextPipeline.process("hello world ".repeat(30), TextOptions.bookChars());

    static TrainConfig small(SamplerKind sampler, int epochs) {
        return TrainConfig.book()
                .withNumHiddens(32)
                .withBatch(4, 10)
                .withNumEpochs(epochs)
                .withSampler(sampler)
                .withSamples(0, "he", 10, Decoding.greedyArgmax());
    }

    /**
     * A trainer given spare cores trains a large enough model with a lane and the same numbers, to
     * float32's rounding; it counts its run in while it trains and gives the lane back after every step.
     */
    @Test
    void aLoneRunTrainsOnTwoCoresAndGivesTheSecondBack() {
        TrainConfig config = small(SamplerKind.SEQUENTIAL, 2).withNumHiddens(384);
        ScratchRnn one = config.newScratchModel(TEXT.vocab().vocabSize());
        ScratchRnn two = one.snapshot();
        SpareCores cores = new SpareCores(2, 1);
        List<String> between = new ArrayList<>(); // lanes lent and runs training, after each step
        TrainListener watch = new TrainListener() {
            @Override
            public void onEpoch(EpochReport report) {}

            @Override
            public void afterStep(CharModel model) {
                between.add(cores.lent() + " " + cores.training());
            }
        };
        TrainOutcome single =
                new Trainer(System::nanoTime).run(one, config, TEXT.corpus(), TEXT.codec(), r -> {}, () -> false);
        TrainOutcome lent =
                new Trainer(System::nanoTime, cores).run(two, config, TEXT.corpus(), TEXT.codec(), watch, () -> false);
        assertFalse(between.isEmpty());
        assertTrue(between.stream().allMatch("0 1"::equals), "the lane is back after each step: " + between);
        assertEquals(0, cores.training(), "the run has left");
        assertEquals(single.finalPerplexity(), lent.finalPerplexity(), 1e-4 * single.finalPerplexity());
    }

    @Test
    void overfitsATinyCorpus() {
        TrainConfig config = small(SamplerKind.SEQUENTIAL, 150).withHyper(TrainHyper.clipped(2, 1));
        ScratchRnn model = config.newScratchModel(TEXT.vocab().vocabSize());
        List<EpochReport> seen = new ArrayList<>();
        TrainOutcome outcome =
                new Trainer(System::nanoTime).run(model, config, TEXT.corpus(), TEXT.codec(), seen::add, () -> false);
        assertEquals(Status.COMPLETED, outcome.status());
        assertEquals(150, seen.size());
        double first = seen.get(0).perplexity();
        assertTrue(
                Math.abs(first - TEXT.vocab().vocabSize()) < 0.3 * TEXT.vocab().vocabSize(), "first epoch " + first);
        assertTrue(outcome.finalPerplexity() < 1.1, "final perplexity " + outcome.finalPerplexity());
        String sample = Generator.generate(model, TEXT.codec(), "hel", 9, Decoding.greedyArgmax())
                .text();
        assertEquals("hello world ", sample);
    }

    @Test
    void sequentialCarriesTheStateAndRandomStartsFromZeros() {
        for (SamplerKind kind : SamplerKind.values()) {
            Recording model =
                    new Recording(small(kind, 2).newScratchModel(TEXT.vocab().vocabSize()));
            new Trainer(System::nanoTime)
                    .run(model, small(kind, 2), TEXT.corpus(), TEXT.codec(), TrainListener.none(), () -> false);
            int perEpoch = model.inputs.size() / 2;
            assertTrue(perEpoch >= 3, "enough minibatches to test");
            for (int k = 0; k < model.inputs.size(); k++) {
                INDArray in = model.inputs.get(k);
                boolean epochStart = k % perEpoch == 0;
                if (kind == SamplerKind.SEQUENTIAL && !epochStart) {
                    assertTrue(in.equalsWithEps(model.outputs.get(k - 1), 0), "state of minibatch " + k);
                    assertTrue(in.norm2Number().doubleValue() > 0);
                } else {
                    assertEquals(0.0, in.norm2Number().doubleValue(), kind + " minibatch " + k);
                }
            }
        }
    }

    @Test
    void reportsGradientNormsAndClipping() {
        TrainConfig config = small(SamplerKind.RANDOM, 3).withHyper(TrainHyper.clipped(1, 0.05));
        List<EpochReport> seen = new ArrayList<>();
        new Trainer(new FakeClock(1_000_000)::next)
                .run(
                        config.newScratchModel(TEXT.vocab().vocabSize()),
                        config,
                        TEXT.corpus(),
                        TEXT.codec(),
                        seen::add,
                        () -> false);
        EpochReport r = seen.get(0);
        assertEquals(1, r.epoch());
        assertTrue(r.maxGradNorm() >= r.meanGradNorm() && r.meanGradNorm() > 0);
        assertTrue(r.clippedShare() > 0 && r.clippedShare() <= 1);
        assertEquals((long) r.minibatches() * 4 * 10, r.tokens());
        assertTrue(r.tokensPerSecond() > 0);
        assertTrue(seen.get(2).elapsed().compareTo(seen.get(0).elapsed()) > 0);
    }

    @Test
    void detectsDivergenceWithoutClipping() {
        TrainConfig config = small(SamplerKind.SEQUENTIAL, 30).withHyper(TrainHyper.unclipped(1000));
        TrainOutcome outcome = new Trainer(System::nanoTime)
                .run(
                        config.newScratchModel(TEXT.vocab().vocabSize()),
                        config,
                        TEXT.corpus(),
                        TEXT.codec(),
                        TrainListener.none(),
                        () -> false);
        assertEquals(Status.DIVERGED, outcome.status(), outcome.message());
        assertTrue(outcome.divergedAtEpoch() >= 1);
        assertEquals(outcome.divergedAtEpoch() - 1, outcome.epochs().size());
    }

    /** Records epochs and progress points, in the order the trainer reports them. */
    static final class Progress implements TrainListener {
        final List<EpochReport> epochs = new ArrayList<>();
        final List<TrainProgress> points = new ArrayList<>();

        @Override
        public void onEpoch(EpochReport report) {
            epochs.add(report);
        }

        @Override
        public void onProgress(TrainProgress progress) {
            points.add(progress);
        }
    }

    @Test
    void reportsProgressInsideEachEpochThatEndsOnTheEpochsPerplexity() {
        TrainConfig config = small(SamplerKind.SEQUENTIAL, 8);
        Progress seen = new Progress();
        // each clock read advances 0.1 s: a minibatch reads it once, so after the run's first
        // minibatches (which all report) every third one does, and the last of each epoch
        new Trainer(new FakeClock(100_000_000)::next)
                .run(
                        config.newScratchModel(TEXT.vocab().vocabSize()),
                        config,
                        TEXT.corpus(),
                        TEXT.codec(),
                        seen,
                        () -> false);
        int perEpoch = seen.epochs.getFirst().minibatches();
        assertTrue(perEpoch >= 4, "enough minibatches to report inside an epoch: " + perEpoch);
        TrainProgress first = seen.points.getFirst();
        assertEquals(1.0 / perEpoch, first.epochs(), 1e-12, "the first minibatch reports at once");
        int total = 8 * perEpoch;
        int early = Trainer.PROGRESS_EVERY_MINIBATCH_FIRST;
        assertTrue(total > early + 2 * perEpoch, "enough minibatches after the early ones: " + total);
        assertTrue(seen.points.size() > seen.epochs.size(), "points inside epochs: " + seen.points.size());
        assertTrue(seen.points.size() < total, "later minibatches report by time: " + seen.points.size());
        for (int i = 0; i < early; i++) {
            assertEquals((i + 1.0) / perEpoch, seen.points.get(i).epochs(), 1e-9, "early minibatch " + i);
        }
        for (int i = 1; i < seen.points.size(); i++) {
            assertTrue(seen.points.get(i).epochs() > seen.points.get(i - 1).epochs(), "x grows at " + i);
            assertFalse(seen.points.get(i).overflow());
        }
        for (EpochReport e : seen.epochs) {
            TrainProgress end = seen.points.stream()
                    .filter(p -> p.epochs() == e.epoch())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no point at the end of epoch " + e.epoch()));
            assertEquals(e.perplexity(), end.perplexity(), 1e-12);
        }
    }

    @Test
    void theOverflowIsReportedWhereItHappened() {
        TrainConfig config = small(SamplerKind.SEQUENTIAL, 30).withHyper(TrainHyper.unclipped(1000));
        Progress seen = new Progress();
        TrainOutcome outcome = new Trainer(System::nanoTime)
                .run(
                        config.newScratchModel(TEXT.vocab().vocabSize()),
                        config,
                        TEXT.corpus(),
                        TEXT.codec(),
                        seen,
                        () -> false);
        assertEquals(Status.DIVERGED, outcome.status());
        TrainProgress last = seen.points.getLast();
        assertTrue(last.overflow(), "the last point marks the overflow");
        assertTrue(last.epochs() > outcome.divergedAtEpoch() - 1 && last.epochs() <= outcome.divergedAtEpoch());
        assertEquals(1, seen.points.stream().filter(TrainProgress::overflow).count());
    }

    @Test
    void stopsWithinOneMinibatchWhenCancelled() {
        Recording model = new Recording(
                small(SamplerKind.RANDOM, 50).newScratchModel(TEXT.vocab().vocabSize()));
        AtomicInteger polls = new AtomicInteger();
        TrainOutcome outcome = new Trainer(System::nanoTime)
                .run(
                        model,
                        small(SamplerKind.RANDOM, 50),
                        TEXT.corpus(),
                        TEXT.codec(),
                        TrainListener.none(),
                        () -> polls.incrementAndGet() > 5);
        assertEquals(Status.CANCELLED, outcome.status());
        assertEquals(5, model.inputs.size(), "no minibatch after the flag turned");
    }

    @Test
    void samplesEveryKEpochsAndAfterTheLast() {
        TrainConfig config = small(SamplerKind.SEQUENTIAL, 5).withSamples(2, "hel", 5, Decoding.sampling(1.0, 7));
        List<Integer> sampledAt = new ArrayList<>();
        new Trainer(System::nanoTime)
                .run(
                        config.newScratchModel(TEXT.vocab().vocabSize()),
                        config,
                        TEXT.corpus(),
                        TEXT.codec(),
                        new TrainListener() {
                            @Override
                            public void onEpoch(EpochReport report) {}

                            @Override
                            public void onSample(int epoch, Generation sample) {
                                sampledAt.add(epoch);
                                assertTrue(sample.text().startsWith("hel"));
                                assertEquals(8, sample.tokens().size());
                            }
                        },
                        () -> false);
        assertEquals(List.of(2, 4, 5), sampledAt);
    }

    /** Delegates to a model and records the state values it is given and returns. */
    static final class Recording implements CharModel {
        final CharModel inner;
        final List<INDArray> inputs = new ArrayList<>();
        final List<INDArray> outputs = new ArrayList<>();

        Recording(CharModel inner) {
            this.inner = inner;
        }

        @Override
        public StepResult trainStep(int[][] x, int[][] y, State state, TrainHyper hyper) {
            inputs.add(state.h().dup());
            StepResult r = inner.trainStep(x, y, state, hyper);
            outputs.add(r.state().h().dup());
            assertFalse(r.state().h() == state.h());
            return r;
        }

        @Override
        public int vocabSize() {
            return inner.vocabSize();
        }

        @Override
        public int numHiddens() {
            return inner.numHiddens();
        }

        @Override
        public long parameterCount() {
            return inner.parameterCount();
        }

        @Override
        public State beginState(int batchSize) {
            return inner.beginState(batchSize);
        }

        @Override
        public Forward forward(int[][] x, State state) {
            return inner.forward(x, state);
        }

        @Override
        public List<TensorShape> traceShapes(int[][] x) {
            return inner.traceShapes(x);
        }
    }

    /** A clock that advances by a fixed step each time it is read. */
    static final class FakeClock {
        private final long step;
        private long now;

        FakeClock(long step) {
            this.step = step;
        }

        long next() {
            return now += step;
        }
    }
}
