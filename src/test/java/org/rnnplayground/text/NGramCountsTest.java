package org.rnnplayground.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NGramCountsTest {

    @Test
    void topEntriesOnTheTimeMachineAreTheBooks() {
        ProcessedText words = TextPipeline.process(TimeMachine.text(), TextOptions.bookWords());
        List<NGramCounts> counts = words.ngramCounts(3);

        assertThat(counts.get(0).atRank(1)).isEqualTo(new NGram(List.of("the"), 2261));
        assertThat(counts.get(1).atRank(1)).isEqualTo(new NGram(List.of("of", "the"), 309));
        assertThat(counts.get(2).atRank(1)).isEqualTo(new NGram(List.of("the", "time", "traveller"), 59));
        assertThat(counts.get(2).top(1).get(0).text()).isEqualTo("the time traveller");
        assertThat(counts.get(1).total()).isEqualTo(32775 - 1);
    }

    @Test
    void ngramsRunAcrossLineEndsAndTiesKeepFirstAppearance() {
        // flattened: a b c a b d ; bigrams: ab bc ca ab bd
        List<List<String>> lines = List.of(List.of("a", "b", "c"), List.of(), List.of("a", "b", "d"));
        List<NGramCounts> counts = NGramCounts.countUpTo(lines, 3);

        assertThat(counts.get(0).top(4))
                .containsExactly(
                        new NGram(List.of("a"), 2),
                        new NGram(List.of("b"), 2),
                        new NGram(List.of("c"), 1),
                        new NGram(List.of("d"), 1));
        assertThat(counts.get(1).top(10))
                .containsExactly(
                        new NGram(List.of("a", "b"), 2),
                        new NGram(List.of("b", "c"), 1),
                        new NGram(List.of("c", "a"), 1),
                        new NGram(List.of("b", "d"), 1));
        assertThat(counts.get(2).top(10)).extracting(NGram::text).containsExactly("a b c", "b c a", "c a b", "a b d");
        assertThat(counts.get(2).total()).isEqualTo(4);
    }

    @Test
    void trigramsAreNotConfusedByPrefixIds() {
        // "x y z" and "y x z" share no trigram though their pieces repeat
        List<List<String>> lines = List.of(List.of("x", "y", "z", "y", "x", "z", "x", "y", "z"));
        NGramCounts trigrams = NGramCounts.count(lines, 3);

        assertThat(trigrams.atRank(1)).isEqualTo(new NGram(List.of("x", "y", "z"), 2));
        assertThat(trigrams.distinct()).isEqualTo(6);
        assertThat(trigrams.frequencies()).containsExactly(2, 1, 1, 1, 1, 1);
    }

    @Test
    void shortTextsHaveNoLongNGrams() {
        NGramCounts trigrams = NGramCounts.count(List.of(List.of("a", "b")), 3);

        assertThat(trigrams.distinct()).isZero();
        assertThat(trigrams.total()).isZero();
        assertThat(trigrams.top(5)).isEmpty();
    }

    @Test
    void rankFrequenciesAreLogSpacedAndKeepTheEnds() {
        NGramCounts unigrams = TextPipeline.process(TimeMachine.text(), TextOptions.bookWords())
                .ngramCounts(1)
                .get(0);

        List<RankFrequency> points = unigrams.rankFrequencies(50);

        assertThat(points).hasSizeLessThanOrEqualTo(50).hasSizeGreaterThan(30);
        assertThat(points.get(0)).isEqualTo(new RankFrequency(1, 2261));
        assertThat(points.get(points.size() - 1).rank()).isEqualTo(unigrams.distinct());
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).rank()).isGreaterThan(points.get(i - 1).rank());
            assertThat(points.get(i).frequency())
                    .isEqualTo(unigrams.frequencyAt(points.get(i).rank()));
        }
        assertThat(NGramCounts.count(List.of(List.of("a", "b", "a")), 1).rankFrequencies(50))
                .containsExactly(new RankFrequency(1, 2), new RankFrequency(2, 1));
    }

    @Test
    void zipfExponentOfTheTimeMachineWordsIsNearOne() {
        NGramCounts unigrams = TextPipeline.process(TimeMachine.text(), TextOptions.bookWords())
                .ngramCounts(1)
                .get(0);

        ZipfFit head = unigrams.zipfFit(0.1);

        assertThat(head.ranks()).isEqualTo(458); // ceil(0.1 * 4579) distinct words
        assertThat(head.alpha()).isBetween(0.8, 1.3);
        assertThat(head.rSquared()).isGreaterThan(0.9);
    }

    @Test
    void rejectsBadArguments() {
        List<List<String>> lines = List.of(List.of("a"));
        assertThatThrownBy(() -> NGramCounts.countUpTo(lines, 0)).hasMessageContaining("order must be >= 1");
        assertThatThrownBy(() -> NGramCounts.count(lines, 1).atRank(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> NGramCounts.count(lines, 1).rankFrequencies(1)).hasMessageContaining("maxPoints");
    }
}
