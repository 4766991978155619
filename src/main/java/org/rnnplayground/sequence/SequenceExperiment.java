package org.rnnplayground.sequence;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Section 8.1 from end to end: windows, training, and the three kinds of prediction. */
public final class SequenceExperiment {

    private SequenceExperiment() {}

    /**
     * Fits a fresh model of {@code kind} to {@code series} and predicts with it.
     *
     * @param stop checked between minibatches and while predicting; true ends with a {@link
     *     CancellationException}
     * @throws IllegalArgumentException if {@code config} does not fit the series ({@link
     *     FitConfig#problemFor})
     */
    public static ModelResult run(
            TimeSeries series, FitConfig config, ModelKind kind, LossListener listener, BooleanSupplier stop) {
        config.problemFor(series.length()).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        double[] x = series.values();
        INDArray features = Windows.features(x, config.tau()); // [T - tau, tau]
        INDArray labels = Windows.labels(x, config.tau()); // [T - tau, 1]
        TrainableRegressor net = kind.create(config);
        List<EpochLoss> losses = Fitting.train(net, kind, features, labels, config, listener, stop);
        double oneStepMse = Fitting.meanSquaredError(net, features, labels);
        double[] oneStep = Predictions.oneStep(net, x);
        double[] multistep = Predictions.multistep(net, x, config.nTrain(), stop);
        KStep kStep = Predictions.kStep(net, x, FitConfig.MAX_STEPS, KStep.BOOK_STEPS);
        double[] kStepMse = new double[KStep.BOOK_STEPS.length];
        for (int s = 0; s < kStepMse.length; s++) {
            kStepMse[s] = kStep.mse(KStep.BOOK_STEPS[s], x);
        }
        return new ModelResult(kind, losses, oneStep, multistep, kStep, oneStepMse, kStepMse);
    }
}
