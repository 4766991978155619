package org.rnnplayground.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One-step, multistep and k-step predictions built exactly as the book builds them. */
class PredictionsTest {

    /**
     * The exact recurrence of the noiseless sine: {@code sin(a(t+1)) = 2 cos(a) sin(at) -
     * sin(a(t-1))}, applied to the last two values of the window. With it, every kind of prediction
     * of {@code sin(0.01 t)} is exact, so any misalignment (one step early or late) shows as an error
     * of order {@code 0.01^2 = 1e-4}.
     */
    record Recurrence(int tau) implements Regressor {
        @Override
        public INDArray predict(INDArray features) {
            long n = features.size(0);
            double[] out = new double[(int) n];
            for (int j = 0; j < n; j++) {
                out[j] = 2 * Math.cos(0.01) * features.getDouble(j, tau - 1) - features.getDouble(j, tau - 2);
            }
            return Nd4j.create(out, new long[] {n, 1}, DataType.DOUBLE);
        }
    }

    static double[] sine(int length) {
        return new SineConfig(length, 0, 0).generate().values();
    }

    @Test
    void withTheExactRecurrenceAllPredictionsAreExact() {
        double[] x = sine(1000);
        Regressor net = new Recurrence(4);
        double[] oneStep = Predictions.oneStep(net, x);
        assertEquals(996, oneStep.length);
        for (int j = 0; j < oneStep.length; j++) {
            assertEquals(x[4 + j], oneStep[j], 1e-12, "one-step " + j);
        }
        double[] multistep = Predictions.multistep(net, x, 600, () -> false);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], multistep[i], 1e-9, "multistep " + i);
        }
        KStep k = Predictions.kStep(net, x, 64, KStep.BOOK_STEPS);
        for (int step : KStep.BOOK_STEPS) {
            assertEquals(1000 - 4 - 64 + 1, k.at(step).length);
            assertTrue(k.mse(step, x) < 1e-20, "k = " + step + ": " + k.mse(step, x));
        }
    }

    @Test
    void kStepPlacesHorizonKAtTauPlusKMinusOne() {
        // "persistence": predicts the last value of the window, so at every horizon k the prediction
        // from row j is x[j + tau - 1], the last observed value
        Regressor last = new Regressor() {
            @Override
            public int tau() {
                return 3;
            }

            @Override
            public INDArray predict(INDArray features) {
                return features.getColumn(2).reshape(features.size(0), 1).dup();
            }
        };
        double[] x = new double[80];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * i;
        }
        KStep k = Predictions.kStep(last, x, 64, 1, 4, 16, 64);
        int rows = 80 - 3 - 64 + 1;
        for (int step : k.steps()) {
            assertEquals(3 + step - 1, k.firstIndex(step));
            for (int j = 0; j < rows; j++) {
                assertEquals(x[j + 2], k.at(step)[j], 0.0, "k = " + step + ", row " + j);
            }
        }
        // the error grows with the horizon: at k the prediction is k steps stale
        assertEquals(sumOfSquares(x, rows, 1) / rows, k.mse(1, x), 1e-9);
        assertEquals(sumOfSquares(x, rows, 64) / rows, k.mse(64, x), 1e-9);
    }

    private static double sumOfSquares(double[] x, int rows, int k) {
        double s = 0;
        for (int j = 0; j < rows; j++) {
            double d = x[j + 2 + k] - x[j + 2];
            s += d * d;
        }
        return s;
    }

    @Test
    void theMultistepPredictorFeedsOnlyOnItsOwnOutputsAfterTheCut() {
        TimeSeries series = SineConfig.book().generate();
        FitConfig config = FitConfig.book();
        double[] x = series.values();
        ModelResult trained = SequenceExperiment.run(series, config, ModelKind.MLP, LossListener.none(), () -> false);
        Mlp net = Mlp.create(config.tau(), config.numHiddens(), config.seed());
        Fitting.train(
                net,
                ModelKind.MLP,
                Windows.features(x, 4),
                Windows.labels(x, 4),
                config,
                LossListener.none(),
                () -> false);
        double[] before = Predictions.multistep(net, x, 600, () -> false);
        assertArrayEquals(trained.multistep(), before, 0.0, "seeded training repeats");

        int cut = 600 + 4;
        double[] changedAfter = x.clone();
        for (int i = cut; i < x.length; i++) {
            changedAfter[i] = 100 + i;
        }
        assertArrayEquals(before, Predictions.multistep(net, changedAfter, 600, () -> false), 0.0);

        double[] changedBefore = x.clone();
        changedBefore[cut - 1] += 1;
        double[] after = Predictions.multistep(net, changedBefore, 600, () -> false);
        assertFalse(Arrays.equals(before, after), "the last observed value does feed the first prediction");
        assertTrue(Math.abs(after[cut] - before[cut]) > 1e-3);
    }

    @Test
    void theFirstHorizonIsTheOneStepPrediction() {
        TimeSeries series = SineConfig.book().generate();
        Mlp net = Mlp.create(4, 10, 1);
        double[] x = series.values();
        double[] oneStep = Predictions.oneStep(net, x);
        double[] k1 = Predictions.kStep(net, x, 64, 1).at(1);
        assertArrayEquals(Arrays.copyOf(oneStep, k1.length), k1, 1e-12);
    }
}
