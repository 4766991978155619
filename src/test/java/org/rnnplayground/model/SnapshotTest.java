package org.rnnplayground.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;

/** A snapshot generates as the model did when it was taken, and training the model does not touch it. */
class SnapshotTest {

    static final ProcessedText TEXT = TextPipeline.process("hello world ".repeat(30), TextOptions.bookChars());

    private static int[] generate(CharModel m) {
        return Generator.predictTokens(m, new int[] {1, 2, 3}, 20, Decoding.greedyArgmax());
    }

    /** The logits of one forward pass, [1, vocab_size]. */
    private static INDArray logits(CharModel m) {
        return m.forward(new int[][] {{1}}, m.beginState(1)).outputs().dup();
    }

    @Test
    void everyKindOfModelCopiesItsParametersAndNothingElse() {
        TrainConfig config = TrainConfig.book()
                .withNumHiddens(16)
                .withBatch(4, 10)
                .withNumEpochs(20)
                .withSampler(SamplerKind.SEQUENTIAL)
                .withSamples(0, "he", 10, Decoding.greedyArgmax());
        for (ModelSpec spec : List.of(
                ModelSpec.scratch(),
                ModelSpec.concise(CellType.RNN, 1, 0),
                ModelSpec.concise(CellType.GRU, 2, 0),
                ModelSpec.concise(CellType.LSTM, 1, 8))) {
            CharModel model = spec.newModel(TEXT.vocabSize(), config);
            CharModel copy = model.snapshot();
            assertNotSame(model, copy);
            assertEquals(model.parameterCount(), copy.parameterCount());
            assertTrue(logits(model).equalsWithEps(logits(copy), 0), spec + ": same outputs when taken");
            INDArray before = logits(copy);
            int[] generatedBefore = generate(copy);

            new Trainer(System::nanoTime)
                    .run(model, config, TEXT.corpus(), TEXT.codec(), TrainListener.none(), () -> false);

            assertTrue(logits(copy).equalsWithEps(before, 0), spec + ": training the model leaves the copy alone");
            assertArrayEquals(generatedBefore, generate(copy));
            assertTrue(!logits(model).equalsWithEps(before, 1e-6), spec + ": the model itself did learn");
        }
    }
}
