package org.rnnplayground.text.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnplayground.text.NGram;
import org.rnnplayground.text.NGramCounts;
import org.rnnplayground.text.ZipfFit;
import org.rnnplayground.ui.chart.Point;

class ZipfPlotTest {

    /** One line in which the token {@code w<r>} occurs {@code round(2000 / r)} times, r = 1..types. */
    private static NGramCounts zipfUnigrams(int types) {
        List<String> tokens = new ArrayList<>();
        for (int r = 1; r <= types; r++) {
            for (int k = 0; k < Math.round(2000.0 / r); k++) {
                tokens.add("w" + r);
            }
        }
        return NGramCounts.count(List.of(tokens), 1);
    }

    @Test
    void manyRanksAreThinnedToLogSpacedPointsKeepingBothEnds() {
        NGramCounts counts = zipfUnigrams(1000);
        List<Point> points = ZipfPlot.frequencies(counts, 300);

        assertThat(points).hasSizeLessThanOrEqualTo(300).hasSizeGreaterThan(150);
        assertThat(points.getFirst()).isEqualTo(new Point(1, 2000));
        assertThat(points.getLast()).isEqualTo(new Point(1000, 2));
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).x()).isGreaterThan(points.get(i - 1).x());
            assertThat(points.get(i).y()).isLessThanOrEqualTo(points.get(i - 1).y());
        }
        // every one of the first ranks is kept, the tail is sparse
        assertThat(points.subList(0, 10))
                .extracting(Point::x)
                .containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
    }

    @Test
    void aShareFitsTheMostFrequentRanksAndTheLineSpansExactlyThem() {
        NGramCounts counts = zipfUnigrams(200);

        ZipfFit all = ZipfPlot.fit(counts, 100).orElseThrow();
        ZipfFit tenth = ZipfPlot.fit(counts, 10).orElseThrow();

        assertThat(all.ranks()).isEqualTo(200);
        assertThat(tenth.ranks()).isEqualTo(20);
        // counts are 2000/r up to rounding: alpha close to 1, closer on the top ranks
        assertThat(tenth.alpha()).isCloseTo(1.0, within(0.005));
        assertThat(all.alpha()).isCloseTo(1.0, within(0.05));

        List<Point> line = ZipfPlot.fitLine(tenth);
        assertThat(line).hasSize(2);
        assertThat(line.get(0).x()).isEqualTo(1);
        assertThat(line.get(1).x()).isEqualTo(20);
        assertThat(line.get(0).y()).isCloseTo(2000, within(20.0));
        assertThat(line.get(1).y()).isCloseTo(100, within(2.0));
    }

    @Test
    void aShareOfTinyTextsStillFitsTwoRanksAndTooFewNGramsHaveNoFit() {
        // a a a b b c: frequencies 3, 2, 1
        NGramCounts unigrams = NGramCounts.count(List.of(List.of("a", "a", "a", "b", "b", "c")), 1);
        ZipfFit one = ZipfPlot.fit(unigrams, 1).orElseThrow();
        assertThat(one.ranks()).isEqualTo(2);
        assertThat(one.alpha()).isCloseTo(Math.log(3.0 / 2) / Math.log(2), within(1e-12));

        NGramCounts single = NGramCounts.count(List.of(List.of("a", "a")), 1);
        assertThat(ZipfPlot.fit(single, 100)).isEmpty();
        NGramCounts none = NGramCounts.count(List.of(List.of("a")), 2);
        assertThat(ZipfPlot.fit(none, 100)).isEmpty();
    }

    @Test
    void sharesOutsideOneToAHundredPercentAreRejected() {
        NGramCounts counts = zipfUnigrams(10);
        assertThat(ZipfPlot.validShare(1)).isTrue();
        assertThat(ZipfPlot.validShare(100)).isTrue();
        assertThat(ZipfPlot.validShare(0)).isFalse();
        assertThat(ZipfPlot.validShare(101)).isFalse();
        assertThat(ZipfPlot.validShare(null)).isFalse();
        assertThatThrownBy(() -> ZipfPlot.fit(counts, 0)).hasMessageContaining("between 1 and 100");
    }

    @Test
    void characterNGramsAreWrittenTogetherWithSpacesShown() {
        NGram bigram = new NGram(List.of("e", " "), 5);
        assertThat(TopNGramsPanel.text(bigram, true)).isEqualTo("e␣");
        assertThat(TopNGramsPanel.text(new NGram(List.of("of", "the"), 309), false))
                .isEqualTo("of the");
    }
}
