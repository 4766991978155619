package org.rnnplayground.training;

import java.util.function.BooleanSupplier;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.TrainListener;
import org.rnnplayground.model.TrainOutcome;

/** Trains one run on the calling thread: the model part of a run, replaceable in tests. */
@FunctionalInterface
public interface RunExecutor {

    /**
     * @param spec what to train
     * @param text the text the spec names, resolved
     * @param listener receives epochs and samples on the calling thread
     * @param cancelled polled before every minibatch
     */
    Result train(RunSpec spec, RunText text, TrainListener listener, BooleanSupplier cancelled);

    /**
     * As {@link #train(RunSpec, RunText, TrainListener, BooleanSupplier)}, going on from a
     * checkpoint when {@code resume} is not null (the epochs before it are not trained again).
     */
    default Result train(
            RunSpec spec,
            RunText text,
            TrainListener listener,
            BooleanSupplier cancelled,
            org.rnnplayground.model.Resume resume) {
        if (resume != null) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot resume");
        }
        return train(spec, text, listener, cancelled);
    }

    /**
     * How training ended, and the trained model (for generation afterwards), or null.
     */
    record Result(TrainOutcome outcome, CharModel model) {}
}
