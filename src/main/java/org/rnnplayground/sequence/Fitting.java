package org.rnnplayground.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The book's {@code train(net, train_iter, loss, epochs, lr)} for a {@link TrainableRegressor}. */
public final class Fitting {

    private Fitting() {}

    /**
     * Trains on the first {@code n_train} windows: each epoch visits them in a random order (from
     * {@code SplittableRandom(seed)}, split once from the initialisation's stream), in minibatches
     * of {@code batch_size} (the last one may be shorter), one Adam step per minibatch on the summed
     * squared loss; after each epoch the training loss is reported.
     *
     * @param features all windows, [T - tau, tau]
     * @param labels their labels, [T - tau, 1]
     * @param stop checked after every minibatch; when it says true, training ends with a {@link
     *     CancellationException}
     * @return the loss after each epoch
     */
    public static List<EpochLoss> train(
            TrainableRegressor model,
            ModelKind kind,
            INDArray features,
            INDArray labels,
            FitConfig config,
            LossListener listener,
            BooleanSupplier stop) {
        int n = config.nTrain();
        if (n > features.size(0)) {
            throw new IllegalArgumentException("n_train " + n + " exceeds the " + features.size(0) + " windows");
        }
        INDArray trainX = features.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()); // [n_train, tau]
        INDArray trainY = labels.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()); // [n_train, 1]
        SplittableRandom shuffle = new SplittableRandom(config.seed()).split();
        Adam adam = new Adam(config.lr(), model.params());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        List<EpochLoss> losses = new ArrayList<>(config.epochs());
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            shuffle(order, shuffle);
            for (int start = 0; start < n; start += config.batchSize()) {
                int[] rows = java.util.Arrays.copyOfRange(order, start, Math.min(n, start + config.batchSize()));
                model.lossAndGradients(trainX.getRows(rows), trainY.getRows(rows)); // [b, tau], [b, 1]
                adam.step(model.params(), model.grads());
                if (stop.getAsBoolean()) {
                    throw new CancellationException("stopped in epoch " + epoch);
                }
            }
            EpochLoss loss = new EpochLoss(kind, epoch, meanSquaredError(model, trainX, trainY));
            losses.add(loss);
            listener.onEpoch(loss);
        }
        return losses;
    }

    /**
     * @param features [n, tau]
     * @param labels [n, 1]
     * @return {@code mean((y_hat - y)^2)}
     */
    public static double meanSquaredError(Regressor model, INDArray features, INDArray labels) {
        INDArray diff = model.predict(features).subi(labels); // [n, 1]
        return diff.muli(diff).meanNumber().doubleValue();
    }

    /** Fisher-Yates. */
    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
