package org.rnnplayground.training;

import java.util.function.BooleanSupplier;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.NativeThreads;
import org.rnnplayground.model.Resume;
import org.rnnplayground.model.TrainListener;
import org.rnnplayground.model.TrainOutcome;
import org.rnnplayground.model.Trainer;

/** Trains the run's model (from scratch, d2l 8.5, or DL4J layers, 8.6) with the book's loop. */
public final class ModelRunExecutor implements RunExecutor {

    private final int nativeThreads;

    /** @param nativeThreads ND4J/OpenBLAS threads per operation (process-wide), at least 1 */
    public ModelRunExecutor(int nativeThreads) {
        this.nativeThreads = nativeThreads;
    }

    @Override
    public Result train(RunSpec spec, RunText text, TrainListener listener, BooleanSupplier cancelled) {
        return train(spec, text, listener, cancelled, null);
    }

    @Override
    public Result train(RunSpec spec, RunText text, TrainListener listener, BooleanSupplier cancelled, Resume resume) {
        NativeThreads.limitTo(nativeThreads);
        CharModel model = spec.model().newModel(text.vocab().vocabSize(), spec.config());
        TrainOutcome outcome = new Trainer(System::nanoTime)
                .run(model, spec.config(), text.corpus(), text.codec(), listener, cancelled, resume);
        model.releaseWorkingMemory(); // a finished run's model only generates: keep its parameters
        return new Result(outcome, model);
    }
}
