package org.rnnplayground.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    // counts: b 3, a 2, c 2, d 1; a appears before c
    private static final List<List<String>> LINES =
            List.of(List.of("b", "a", "c"), List.of(), List.of("c", "a", "b", "b", "d"));

    @Test
    void unkFirstThenByDescendingCountTiesByFirstAppearance() {
        Vocabulary vocab = Vocabulary.of(LINES);

        assertThat(vocab.idxToToken()).containsExactly("<unk>", "b", "a", "c", "d");
        assertThat(vocab.vocabSize()).isEqualTo(5);
        assertThat(vocab.tokenFreqs())
                .containsExactly(
                        new TokenFrequency("b", 3),
                        new TokenFrequency("a", 2),
                        new TokenFrequency("c", 2),
                        new TokenFrequency("d", 1));
    }

    @Test
    void tieOrderFollowsFirstAppearanceNotAlphabet() {
        Vocabulary vocab = Vocabulary.ofTokens(List.of("z", "y", "x", "x", "y", "z"), 0, List.of());

        assertThat(vocab.idxToToken()).containsExactly("<unk>", "z", "y", "x");
    }

    @Test
    void unknownTokensMapToZero() {
        Vocabulary vocab = Vocabulary.of(LINES);

        assertThat(vocab.indexOf("a")).isEqualTo(2);
        assertThat(vocab.indexOf("never seen")).isEqualTo(Vocabulary.UNK_INDEX);
        assertThat(vocab.encode(List.of("d", "x", "b"))).containsExactly(4, 0, 1);
        assertThat(vocab.decode(new int[] {4, 0, 1})).containsExactly("d", "<unk>", "b");
        assertThat(vocab.contains("x")).isFalse();
    }

    @Test
    void minFreqDropsRareTokensToUnk() {
        Vocabulary vocab = Vocabulary.of(LINES, 2, List.of());

        assertThat(vocab.idxToToken()).containsExactly("<unk>", "b", "a", "c");
        assertThat(vocab.indexOf("d")).isZero();
        assertThat(vocab.frequency("d")).as("dropped tokens keep their count").isEqualTo(1);
        assertThat(vocab.tokenFreqs()).hasSize(4);
        assertThat(Vocabulary.of(LINES, 3, List.of()).idxToToken()).containsExactly("<unk>", "b");
        assertThat(Vocabulary.of(LINES, 1, List.of()).vocabSize())
                .isEqualTo(Vocabulary.of(LINES).vocabSize());
    }

    @Test
    void reservedTokensFollowUnkAndAreNotRepeated() {
        Vocabulary vocab = Vocabulary.of(LINES, 0, List.of("<pad>", "a", "<eos>"));

        assertThat(vocab.idxToToken()).containsExactly("<unk>", "<pad>", "a", "<eos>", "b", "c", "d");
        assertThat(vocab.indexOf("<eos>")).isEqualTo(3);
        assertThat(vocab.frequencyAt(2)).isEqualTo(2);
        assertThat(vocab.frequency("<pad>")).isZero();
    }

    @Test
    void aCountedUnkTokenKeepsIndexZero() {
        Vocabulary vocab = Vocabulary.ofTokens(List.of("a", "<unk>", "<unk>"), 0, List.of());

        assertThat(vocab.idxToToken()).containsExactly("<unk>", "a");
        assertThat(vocab.frequencyAt(0)).isEqualTo(2);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Vocabulary.of(LINES, -1, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minFreq must be >= 0");
        assertThatThrownBy(() -> Vocabulary.of(LINES, 0, List.of("<unk>"))).hasMessageContaining("always index 0");
        assertThatThrownBy(() -> Vocabulary.of(LINES, 0, List.of("<pad>", "<pad>")))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> Vocabulary.of(LINES).tokenAt(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
