package org.rnnplayground.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ZipfFitTest {

    /** freq = round(1e9 * r^-alpha): a power law up to rounding far below the fit's tolerance. */
    private static int[] powerLaw(int n, double alpha) {
        return IntStream.rangeClosed(1, n)
                .map(r -> (int) Math.round(1e9 * Math.pow(r, -alpha)))
                .toArray();
    }

    @Test
    void recoversAnExactPowerLaw() {
        double[] freqs = IntStream.rangeClosed(1, 100)
                .mapToDouble(r -> 1000 * Math.pow(r, -1.5))
                .toArray();

        ZipfFit fit = ZipfFit.fit(freqs, 1.0);

        assertThat(fit.alpha()).isCloseTo(1.5, within(1e-12));
        assertThat(fit.c()).isCloseTo(Math.log(1000), within(1e-12));
        assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-12));
        assertThat(fit.ranks()).isEqualTo(100);
        assertThat(fit.frequencyAt(4)).isCloseTo(125.0, within(1e-9));
    }

    @Test
    void recoversTheExponentFromIntegerCounts() {
        ZipfFit fit = ZipfFit.fit(powerLaw(200, 1.5));

        assertThat(fit.alpha()).isCloseTo(1.5, within(1e-6));
        assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aCurvedSeriesFitsWorseThanAPowerLaw() {
        // halving at every rank is exponential in the rank, not a power law
        ZipfFit fit = ZipfFit.fit(new int[] {1600, 800, 400, 200, 100, 50});

        assertThat(fit.alpha()).isPositive();
        assertThat(fit.rSquared()).isLessThan(0.99);
    }

    @Test
    void twoPointsDefineTheLine() {
        ZipfFit fit = ZipfFit.fit(new int[] {1000, 125}); // 1000 * 2^-3 = 125

        assertThat(fit.alpha()).isCloseTo(3.0, within(1e-12));
        assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void shareFitsOnlyTheMostFrequentRanks() {
        // head follows r^-1, tail (ranks 11..100) is flat: only the head is a power law
        int[] freqs = new int[100];
        for (int r = 1; r <= 100; r++) {
            freqs[r - 1] = r <= 10 ? 2520 / r : 100;
        }
        ZipfFit head = ZipfFit.fit(freqs, 0.1);
        ZipfFit all = ZipfFit.fit(freqs, 1.0);

        assertThat(head.ranks()).isEqualTo(10);
        assertThat(head.alpha()).isCloseTo(1.0, within(1e-9));
        assertThat(head.rSquared()).isGreaterThan(0.999);
        assertThat(all.ranks()).isEqualTo(100);
        assertThat(all.rSquared()).isLessThan(head.rSquared());
    }

    @Test
    void shareRoundsUpWithoutFloatingPointSurprises() {
        int[] freqs = powerLaw(10, 1.0);

        assertThat(ZipfFit.fit(freqs, 0.3).ranks()).isEqualTo(3); // 0.3 * 10 = 3.0000000000000004
        assertThat(ZipfFit.fit(freqs, 0.25).ranks()).isEqualTo(3);
        assertThat(ZipfFit.fit(freqs, 0.01).ranks()).as("at least two points").isEqualTo(2);
    }

    @Test
    void equalFrequenciesFitAFlatLine() {
        ZipfFit fit = ZipfFit.fit(new int[] {7, 7, 7, 7});

        assertThat(fit.alpha()).isCloseTo(0.0, within(1e-12));
        assertThat(fit.rSquared()).isEqualTo(1.0);
    }

    @Test
    void rejectsWhatCannotBeFitted() {
        assertThatThrownBy(() -> ZipfFit.fit(new int[] {5}, 1.0)).hasMessageContaining("at least 2 ranks");
        assertThatThrownBy(() -> ZipfFit.fit(new int[] {5, 4}, 0.0)).hasMessageContaining("share must be in (0, 1]");
        assertThatThrownBy(() -> ZipfFit.fit(new int[] {5, 4}, 1.5)).hasMessageContaining("share must be in (0, 1]");
        assertThatThrownBy(() -> ZipfFit.fit(new int[] {5, 0}, Double.NaN)).hasMessageContaining("share");
        assertThatThrownBy(() -> ZipfFit.fit(new int[] {5, 0})).hasMessageContaining("must be positive");
    }
}
