package org.rnnplayground.training;

import java.util.function.BooleanSupplier;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.NativeThreads;
import org.rnnplayground.model.Resume;
import org.rnnplayground.model.SpareCores;
import org.rnnplayground.model.TrainListener;
import org.rnnplayground.model.TrainOutcome;
import org.rnnplayground.model.Trainer;

/** Trains the run's model (from scratch, d2l 8.5, or DL4J layers, 8.6) with the book's loop. */
public final class ModelRunExecutor implements RunExecutor {

    private final int nativeThreads;
    private final SpareCores cores;

    /**
     * @param nativeThreads ND4J/OpenBLAS threads per operation (process-wide), at least 1
     * @param cores lends a lone run's steps a second core ({@link SpareCores#machine()}), or never
     *     ({@link SpareCores#NONE})
     */
    public ModelRunExecutor(int nativeThreads, SpareCores cores) {
        this.nativeThreads = nativeThreads;
        this.cores = cores;
    }

    @Override
    public Result train(RunSpec spec, RunText text, TrainListener listener, BooleanSupplier cancelled) {
        return train(spec, text, listener, cancelled, null);
    }

    @Override
    public Result train(RunSpec spec, RunText text, TrainListener listener, BooleanSupplier cancelled, Resume resume) {
        NativeThreads.limitTo(nativeThreads);
        CharModel model = spec.model().newModel(text.vocab().vocabSize(), spec.config());
        TrainOutcome outcome = new Trainer(System::nanoTime, cores)
                .run(model, spec.config(), text.corpus(), text.codec(), listener, cancelled, resume);
        model.releaseWorkingMemory(); // a finished run's model only generates: keep its parameters
        return new Result(outcome, model);
    }
}
