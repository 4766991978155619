package org.rnnplayground.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;
import org.rnnplayground.text.TextRef;

class RunSpecTest {

    private static final String RAW = "the river runs to the sea\nthe sea runs to the river\n";

    @Test
    void aTextIsNamedByTheSha256OfItsUtf8Bytes() {
        // the standard test vectors of FIPS 180-2
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TextRef.sha256("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", TextRef.sha256(""));
        assertNotEquals(TextRef.sha256("河"), TextRef.sha256("河 "));
        assertThrows(IllegalArgumentException.class, () -> new TextRef("ABC", TextOptions.bookChars()));
    }

    @Test
    void aSpecNamesItsTextWithoutHoldingItAndTheSameTextGivesTheSameSpec() {
        TrainConfig config = TrainConfig.book().withBatch(2, 3);
        RunSpec a = new RunSpec("a", TextRef.of(RAW, TextOptions.bookWords()), 0, config, ModelSpec.scratch());
        RunSpec b = new RunSpec(
                "a",
                TextRef.of(new String(RAW.toCharArray()), TextOptions.bookWords()),
                0,
                config,
                ModelSpec.scratch());
        assertEquals(a, b, "a spec is its text's name and options, not the tokens");
        assertEquals(TextRef.sha256(RAW), a.textSha256());
        RunSpec chars = new RunSpec("a", TextRef.of(RAW, TextOptions.bookChars()), 0, config, ModelSpec.scratch());
        assertNotEquals(a, chars, "the same text tokenized otherwise is another run");
        assertEquals(
                0,
                Arrays.stream(RunSpec.class.getRecordComponents())
                        .filter(c -> c.getType().isArray())
                        .count(),
                "no tokens travel with a spec");
    }

    @Test
    void theTextIsResolvedFromTheSpecAndCutToMaxTokens() {
        ProcessedText words = TextPipeline.process(RAW, TextOptions.bookWords());
        TrainConfig config = TrainConfig.book().withBatch(2, 3);
        RunSpec all = new RunSpec("a", TextRef.of(RAW, TextOptions.bookWords()), 0, config, ModelSpec.scratch());
        RunText whole = RunText.resolve(all, words);
        assertSame(words.corpus(), whole.corpus(), "the whole text is shared, not copied");
        assertEquals(words.vocab(), whole.vocab());

        RunSpec cut = new RunSpec("a", TextRef.of(RAW, TextOptions.bookWords()), 5, config, ModelSpec.scratch());
        assertArrayEquals(
                Arrays.copyOf(words.corpus(), 5), RunText.resolve(cut, words).corpus());
        RunSpec longer =
                new RunSpec("a", TextRef.of(RAW, TextOptions.bookWords()), 10_000, config, ModelSpec.scratch());
        assertEquals(words.corpusLength(), RunText.resolve(longer, words).corpus().length);

        RunSpec chars = new RunSpec("a", TextRef.of(RAW, TextOptions.bookChars()), 0, config, ModelSpec.scratch());
        assertThrows(
                IllegalArgumentException.class,
                () -> RunText.resolve(chars, words),
                "a text processed with other options than the spec names is refused");
    }
}
