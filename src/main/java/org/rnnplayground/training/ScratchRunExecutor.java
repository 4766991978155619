package org.rnnplayground.training;

import java.util.function.BooleanSupplier;
import org.rnnplayground.model.NativeThreads;
import org.rnnplayground.model.ScratchRnn;
import org.rnnplayground.model.TrainListener;
import org.rnnplayground.model.TrainOutcome;
import org.rnnplayground.model.Trainer;

/** Trains the from-scratch RNN of d2l 8.5 with the book's loop. */
public final class ScratchRunExecutor implements RunExecutor {

    private final int nativeThreads;

    /** @param nativeThreads ND4J/OpenBLAS threads per operation (process-wide), at least 1 */
    public ScratchRunExecutor(int nativeThreads) {
        this.nativeThreads = nativeThreads;
    }

    @Override
    public Result train(RunSpec spec, TrainListener listener, BooleanSupplier cancelled) {
        NativeThreads.limitTo(nativeThreads);
        ScratchRnn model = spec.config().newScratchModel(spec.vocab().vocabSize());
        TrainOutcome outcome = new Trainer(System::nanoTime)
                .run(model, spec.config(), spec.corpus(), spec.vocab(), listener, cancelled);
        return new Result(outcome, model);
    }
}
