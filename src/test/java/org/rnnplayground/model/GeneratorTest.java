package org.rnnplayground.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;

class GeneratorTest {

    static final ProcessedText TEXT = TextPipeline.process("the time machine by h g wells", TextOptions.bookChars());

    /** Larger weights than the book's init so that sampling has real choices. */
    static ScratchRnn model() {
        ScratchRnn m = ScratchRnn.create(TEXT.vocab().vocabSize(), 16, Activation.TANH, DataType.FLOAT, 3);
        for (INDArray p : m.params().arrays()) {
            p.muli(100); // in place on the test model's parameters
        }
        return m;
    }

    Generation run(ScratchRnn m, String prefix, Decoding d) {
        return Generator.generate(m, TEXT.codec(), prefix, 30, d);
    }

    @Test
    void greedyIsDeterministic() {
        ScratchRnn m = model();
        Generation a = run(m, "time ", Decoding.greedyArgmax());
        assertEquals(a, run(m, "time ", Decoding.greedyArgmax()));
        assertEquals(a, run(model(), "time ", Decoding.greedyArgmax()));
        assertTrue(a.text().startsWith("time "));
        assertTrue(a.text().endsWith(a.predicted()));
        assertEquals(35, a.tokens().size());
        assertTrue(a.unknown().isEmpty());
    }

    @Test
    void samplingRepeatsWithTheSameSeedOnly() {
        ScratchRnn m = model();
        Generation a = run(m, "time ", Decoding.sampling(1.0, 42));
        assertEquals(a, run(m, "time ", Decoding.sampling(1.0, 42)));
        assertNotEquals(
                a.predicted(), run(m, "time ", Decoding.sampling(1.0, 43)).predicted());
    }

    @Test
    void lowTemperatureApproachesGreedy() {
        ScratchRnn m = model();
        assertEquals(run(m, "the ", Decoding.greedyArgmax()), run(m, "the ", Decoding.sampling(1e-4, 5)));
    }

    @Test
    void unknownCharactersAreFedAsUnkAndListedOnce() {
        // book cleaning lower-cases the prefix as it did the text: X becomes x, which the text lacks
        Generation g = run(model(), "tiXe Xx", Decoding.greedyArgmax());
        assertTrue(g.text().startsWith("ti<unk>e <unk><unk>"), g.text());
        assertEquals(0, g.tokens().get(2));
        assertEquals(List.of("x"), g.unknown());
        assertThrows(IllegalArgumentException.class, () -> run(model(), "", Decoding.greedyArgmax()));
        assertThrows(IllegalArgumentException.class, () -> run(model(), "!?", Decoding.greedyArgmax()));
    }

    @Test
    void aWordModelReadsItsPrefixAsWordsAndWritesWordsWithSpaces() {
        ProcessedText words = TextPipeline.process(
                "the time machine by h g wells\nthe time traveller for so it will be convenient",
                TextOptions.bookWords());
        ScratchRnn m = ScratchRnn.create(words.vocabSize(), 16, Activation.TANH, DataType.FLOAT, 3);
        Generation g = Generator.generate(m, words.codec(), "The Time  traveller, XYZZY", 5, Decoding.greedyArgmax());
        assertEquals(List.of("xyzzy"), g.unknown(), "one unknown word, listed once");
        assertEquals(4 + 5, g.tokens().size(), "four prefix words, five predicted");
        String[] written = g.text().split(" ");
        assertEquals(9, written.length, "words joined by single spaces: " + g.text());
        assertEquals(
                List.of("the", "time", "traveller", "<unk>"), List.of(written).subList(0, 4));
        assertTrue(g.text().endsWith(g.predicted()));
        assertFalse(g.predicted().startsWith(" "));
    }

    @Test
    void aTrailingSpaceInACharacterPrefixIsKept() {
        Generation g = run(model(), "time ", Decoding.greedyArgmax());
        assertTrue(g.text().startsWith("time "), g.text());
        assertEquals(5 + 30, g.tokens().size());
    }

    @Test
    void samplingFollowsTheSoftmaxDistribution() {
        INDArray logits = Nd4j.createFromArray(new double[][] {{0, Math.log(3)}}); // p = (0.25, 0.75)
        SplittableRandom random = new SplittableRandom(1);
        int ones = 0;
        for (int i = 0; i < 4000; i++) {
            ones += Generator.pick(logits, Decoding.sampling(1, 0), random);
        }
        assertEquals(0.75, ones / 4000.0, 0.03);
        assertEquals(1, Generator.pick(logits, Decoding.greedyArgmax(), random));
    }
}
