package org.rnnplayground.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The numbers d2l 8.2 prints for The Time Machine. */
class TextPipelineTest {
    private static String timeMachine;

    @BeforeAll
    static void load() {
        timeMachine = TimeMachine.text();
    }

    @Test
    void charCorpusHasTheBooksLengthAndVocabulary() {
        ProcessedText text = TextPipeline.process(timeMachine, TextOptions.bookChars());

        assertThat(text.corpusLength()).isEqualTo(170580);
        assertThat(text.vocabSize()).isEqualTo(28);
        assertThat(text.vocab().tokenAt(1)).isEqualTo(" ");
        assertThat(text.unknownShare()).isZero();
    }

    @Test
    void wordCorpusHasTheBooksLengthAndVocabulary() {
        ProcessedText text = TextPipeline.process(timeMachine, TextOptions.bookWords());

        assertThat(text.corpusLength()).isEqualTo(32775);
        assertThat(text.vocabSize()).isEqualTo(4580);
    }

    @Test
    void wordLinesEncodeAsInTheBook() {
        ProcessedText text = TextPipeline.process(timeMachine, TextOptions.bookWords());

        assertThat(text.tokens().get(0)).containsExactly("the", "time", "machine", "by", "h", "g", "wells");
        assertThat(text.lineIndices(0)).containsExactly(1, 19, 50, 40, 2183, 2184, 400);
        assertThat(text.lineIndices(10)).containsExactly(2186, 3, 25, 1044, 362, 113, 7, 1421, 3, 1045, 1);
    }

    @Test
    void minFreqTenKeepsFourHundredWords() {
        ProcessedText text =
                TextPipeline.process(timeMachine, TextOptions.bookWords().withMinFreq(10));

        assertThat(text.vocabSize()).isEqualTo(400);
        assertThat(text.lineIndices(0)).containsExactly(1, 19, 50, 40, 0, 0, 0);
        assertThat(text.unknownShare()).isBetween(0.0, 1.0).isNotZero();
        assertThat(text.vocab().frequency("wells")).isPositive().isLessThan(10);
    }

    @Test
    void corpusIsTheFlattenedLinesEncoded() {
        ProcessedText text =
                TextPipeline.process(timeMachine, TextOptions.bookWords().withMinFreq(5));

        int position = 0;
        for (int line = 0; line < text.lines().size(); line++) {
            for (int index : text.lineIndices(line)) {
                assertThat(text.corpus()[position++]).isEqualTo(index);
            }
        }
        assertThat(position).isEqualTo(text.corpusLength());
        assertThat(text.lines()).hasSize(text.tokens().size());
    }

    @Test
    void encodeSplitsNewTextLikeTheCorpus() {
        ProcessedText chars = TextPipeline.process(timeMachine, TextOptions.bookChars());
        ProcessedText words = TextPipeline.process(timeMachine, TextOptions.bookWords());

        assertThat(chars.vocab().decode(chars.encode("Time Traveller!")))
                .containsExactly("t", "i", "m", "e", " ", "t", "r", "a", "v", "e", "l", "l", "e", "r");
        assertThat(words.encode("the time traveller, xyzzy"))
                .containsExactly(1, 19, words.vocab().indexOf("traveller"), Vocabulary.UNK_INDEX);
    }

    @Test
    void bpeCorpusConcatenatesBackToTheCharacters() {
        TextOptions bpe = new TextOptions(CleaningMode.BOOK, true, TokenizerKind.BPE, 200, 0);
        ProcessedText text = TextPipeline.process(timeMachine, bpe);
        ProcessedText chars = TextPipeline.process(timeMachine, TextOptions.bookChars());

        assertThat(text.corpusLength()).isLessThan(chars.corpusLength());
        assertThat(text.vocabSize()).isGreaterThan(chars.vocabSize());
        for (int line = 0; line < text.lines().size(); line++) {
            assertThat(String.join("", text.tokens().get(line)))
                    .isEqualTo(text.lines().get(line));
        }
        assertThat(((BpeTokenizer) text.tokenizer()).merges()).hasSize(200);
    }

    @Test
    void unicodeModeTokenizesChineseByCharacter() {
        TextOptions options = new TextOptions(CleaningMode.UNICODE, false, TokenizerKind.CHAR, 0, 0);
        ProcessedText text = TextPipeline.process("我爱读书，书爱我。\n读书！", options);

        assertThat(text.lines()).containsExactly("我爱读书 书爱我", "读书");
        assertThat(text.tokens().get(0)).containsExactly("我", "爱", "读", "书", " ", "书", "爱", "我");
        // counts: 书 3, 我 2, 爱 2, 读 2, space 1; ties by first appearance
        assertThat(text.vocab().idxToToken()).containsExactly("<unk>", "书", "我", "爱", "读", " ");
        assertThat(text.corpusLength()).isEqualTo(10);
    }

    @Test
    void emptyTextGivesAnEmptyCorpus() {
        ProcessedText text = TextPipeline.process("", TextOptions.bookChars());

        assertThat(text.lines()).isEmpty();
        assertThat(text.corpusLength()).isZero();
        assertThat(text.vocab().idxToToken()).isEqualTo(List.of("<unk>"));
    }
}
