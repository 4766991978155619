package org.rnnplayground.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;

/**
 * A run resumed from a checkpoint ends exactly as the same run without the interruption: every
 * later epoch's perplexity to the last digit, the samples, and the final parameters; for every
 * kind of model and both samplers.
 */
class ResumeTest {

    /** Written for this test. */
    static final ProcessedText TEXT = TextPipeline.process(
            "the hills hold the rivers and the rivers hold the sky ".repeat(12), TextOptions.bookChars());

    private record Leg(List<EpochReport> epochs, List<String> samples, double[] parameters) {}

    private static Leg train(CharModel model, TrainConfig config, Resume resume) {
        List<EpochReport> epochs = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        TrainListener listener = new TrainListener() {
            @Override
            public void onEpoch(EpochReport report) {
                epochs.add(report);
            }

            @Override
            public void onSample(int epoch, Generation sample) {
                samples.add(epoch + ":" + sample.text());
            }
        };
        new Trainer(System::nanoTime).run(model, config, TEXT.corpus(), TEXT.codec(), listener, () -> false, resume);
        return new Leg(epochs, samples, model.parameters());
    }

    @Test
    void resumedEqualsUninterruptedToTheLastDigit() {
        NativeThreads.limitTo(1); // as the server trains: one thread per operation
        for (SamplerKind sampler : SamplerKind.values()) {
            for (ModelSpec spec : List.of(
                    ModelSpec.scratch(),
                    ModelSpec.concise(CellType.RNN, 1, 0),
                    ModelSpec.concise(CellType.GRU, 1, 0),
                    ModelSpec.concise(CellType.LSTM, 2, 8))) {
                TrainConfig config = TrainConfig.book()
                        .withNumHiddens(12)
                        .withBatch(3, 7)
                        .withNumEpochs(6)
                        .withSampler(sampler)
                        .withSamples(2, "the", 12, Decoding.sampling(1.0, 7));
                CharModel model = spec.newModel(TEXT.vocabSize(), config);
                double[] initial = model.parameters();
                Leg straight = train(model, config, null);

                // the same run, stopped after 3 epochs: a new model of the same seed starts where
                // the first one started, library models too
                CharModel interrupted = spec.newModel(TEXT.vocabSize(), config);
                assertArrayEquals(
                        initial, interrupted.parameters(), 0.0, spec + ": the seed fixes the initial parameters");
                Leg first = train(interrupted, config.withNumEpochs(3), null);
                // a new process: a fresh model of the run's configuration, then the checkpoint
                CharModel fresh = spec.newModel(TEXT.vocabSize(), config.withSeed(config.seed() + 99));
                Leg second = train(fresh, config, new Resume(3, first.parameters()));

                String what = spec + " " + sampler;
                assertEquals(6, straight.epochs().size(), what);
                assertEquals(3, second.epochs().size(), what);
                for (int i = 0; i < 3; i++) {
                    assertEquals(
                            straight.epochs().get(3 + i).perplexity(),
                            second.epochs().get(i).perplexity(),
                            0.0,
                            what + ": epoch " + (4 + i));
                    assertEquals(4 + i, second.epochs().get(i).epoch(), what);
                }
                assertEquals(straight.samples().subList(1, 3), second.samples(), what + ": samples of epochs 4 and 6");
                assertArrayEquals(straight.parameters(), second.parameters(), 0.0, what + ": final parameters");
            }
        }
    }

    @Test
    void parametersRoundTripExactlyAndTheWrongLengthIsRefused() {
        TrainConfig config = TrainConfig.book().withNumHiddens(6).withBatch(2, 5);
        for (ModelSpec spec : List.of(ModelSpec.scratch(), ModelSpec.concise(CellType.LSTM, 1, 4))) {
            CharModel a = spec.newModel(TEXT.vocabSize(), config);
            CharModel b = spec.newModel(TEXT.vocabSize(), config.withSeed(5));
            double[] values = a.parameters();
            assertEquals(a.parameterCount(), values.length);
            b.loadParameters(values);
            assertArrayEquals(values, b.parameters(), 0.0, spec.toString());
            assertThrows(IllegalArgumentException.class, () -> b.loadParameters(new double[values.length - 1]));
        }
    }
}
