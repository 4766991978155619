package org.rnnplayground.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The book's MLP fitted end to end: accuracy, streaming of the loss, seeds, stopping. */
class SequenceExperimentTest {

    /**
     * Without noise, {@code x_t = sin(0.01 t)} satisfies exactly the linear recurrence {@code x_t = 2
     * cos(0.01) x_{t-1} - x_{t-2}}, so any model that can represent a linear function of the last
     * two lags can predict it without error; a ReLU layer can (on a bounded input, {@code relu(w.x +
     * c) - c} is linear once {@code c} exceeds {@code |w.x|}). What remains after the book's five
     * epochs is optimisation error: Adam with {@code lr = 0.01} jitters around the optimum. Measured
     * over tau in {2, 4} and seeds 0 to 5 it ended between 5e-5 and 6.3e-3.
     *
     * <p>The bound 0.02 is three times that worst case, yet 24 times below the error of predicting
     * the series' mean (its variance, about 0.47) and half of what any model must make on the noisy
     * series (sigma^2 = 0.04, the unpredictable noise in each label). An untrained network, or one
     * whose gradients have a wrong sign or a missing term, stays around 0.1 or above.
     */
    @ParameterizedTest
    @CsvSource({"2, 0", "2, 1", "4, 0", "4, 1"})
    void withoutNoiseTheOneStepErrorIsSmall(int tau, long seed) {
        TimeSeries sine = new SineConfig(1000, 0, seed).generate();
        FitConfig config = new FitConfig(tau, 600, 10, 5, 0.01, 16, seed);
        ModelResult r = SequenceExperiment.run(sine, config, ModelKind.MLP, LossListener.none(), () -> false);
        assertTrue(r.oneStepMse() < 0.02, "one-step MSE " + r.oneStepMse());

        ModelResult untrained = SequenceExperiment.run(
                sine, new FitConfig(tau, 600, 10, 1, 1e-9, 16, seed), ModelKind.MLP, LossListener.none(), () -> false);
        assertTrue(untrained.oneStepMse() > 0.05, "the bound separates: untrained MSE " + untrained.oneStepMse());
    }

    /**
     * With the book's noise (sigma = 0.2) every one-step prediction misses at least the noise of its
     * label, so the error cannot go much below sigma^2 = 0.04 (the noise in the inputs adds a
     * little); a model that fits the sine stays well below 0.08. Measured: 0.047 to 0.063.
     */
    @Test
    void withTheBooksNoiseTheOneStepErrorIsNearTheNoiseLevel() {
        ModelResult r = SequenceExperiment.run(
                SineConfig.book().generate(), FitConfig.book(), ModelKind.MLP, LossListener.none(), () -> false);
        assertTrue(r.oneStepMse() > 0.035 && r.oneStepMse() < 0.08, "one-step MSE " + r.oneStepMse());
        double[] k = r.kStepMse();
        assertTrue(k[3] > k[0], "64-step predictions drift further than 1-step: " + java.util.Arrays.toString(k));
        assertEquals(r.oneStepMse(), k[0], 0.01, "1-step over the k-step rows is the one-step error");
    }

    @Test
    void theLossOfEveryEpochIsStreamedInOrder() {
        List<EpochLoss> streamed = new ArrayList<>();
        FitConfig config = new FitConfig(4, 600, 10, 7, 0.01, 16, 0);
        ModelResult r =
                SequenceExperiment.run(SineConfig.book().generate(), config, ModelKind.MLP, streamed::add, () -> false);
        assertEquals(r.losses(), streamed);
        assertEquals(7, streamed.size());
        for (int e = 0; e < 7; e++) {
            assertEquals(e + 1, streamed.get(e).epoch());
            assertEquals(ModelKind.MLP, streamed.get(e).model());
        }
        assertTrue(streamed.getLast().loss() < streamed.getFirst().loss(), "the loss falls: " + streamed);
    }

    @Test
    void seededRunsRepeatAndOtherSeedsDiffer() {
        TimeSeries series = SineConfig.book().generate();
        FitConfig config = FitConfig.book();
        for (ModelKind kind : ModelKind.values()) {
            ModelResult a = SequenceExperiment.run(series, config, kind, LossListener.none(), () -> false);
            ModelResult b = SequenceExperiment.run(series, config, kind, LossListener.none(), () -> false);
            assertEquals(a.losses(), b.losses(), kind + " losses");
            assertArrayEquals(a.multistep(), b.multistep(), 0.0, kind + " multistep");
            assertArrayEquals(a.kStep().at(64), b.kStep().at(64), 0.0, kind + " 64-step");
            FitConfig other = new FitConfig(4, 600, 10, 5, 0.01, 16, 1);
            ModelResult c = SequenceExperiment.run(series, other, kind, LossListener.none(), () -> false);
            assertNotEquals(a.losses(), c.losses(), kind + " with another seed");
        }
    }

    @Test
    void theRecurrentRegressorAlsoLearnsTheSine() {
        // exercise 8.6.3: the RNN reads the same windows; without noise it must fit as the MLP does
        ModelResult r = SequenceExperiment.run(
                new SineConfig(1000, 0, 0).generate(),
                new FitConfig(4, 600, 10, 5, 0.01, 16, 0),
                ModelKind.RNN,
                LossListener.none(),
                () -> false);
        assertTrue(r.oneStepMse() < 0.02, "RNN one-step MSE " + r.oneStepMse());
    }

    @Test
    void aStopRequestEndsTrainingEarly() {
        int[] epochs = {0};
        assertThrows(
                CancellationException.class,
                () -> SequenceExperiment.run(
                        SineConfig.book().generate(),
                        new FitConfig(4, 600, 10, 1000, 0.01, 16, 0),
                        ModelKind.MLP,
                        l -> epochs[0]++,
                        () -> epochs[0] >= 2));
        assertEquals(2, epochs[0]);
    }

    @Test
    void aConfigurationThatDoesNotFitTheSeriesIsExplained() {
        TimeSeries shortSeries = new SineConfig(100, 0.2, 0).generate();
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> SequenceExperiment.run(
                        shortSeries, FitConfig.book(), ModelKind.MLP, LossListener.none(), () -> false));
        assertTrue(e.getMessage().contains("T - tau = 96"), e.getMessage());
        assertTrue(new FitConfig(40, 10, 10, 5, 0.01, 16, 0)
                .problemFor(100)
                .orElseThrow()
                .contains("at least 104"));
    }
}
