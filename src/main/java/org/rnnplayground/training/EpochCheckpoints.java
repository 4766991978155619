package org.rnnplayground.training;

import org.rnnplayground.model.CharModel;

/** Takes checkpoints of training runs at the ends of their epochs (or decides not to). */
@FunctionalInterface
public interface EpochCheckpoints {

    /** Takes none. */
    EpochCheckpoints NONE = (runId, spec, epochsDone, model) -> {};

    /**
     * Called on the training thread at the end of every epoch; the model may be read now (its
     * {@link CharModel#parameters()}), not kept.
     */
    void atEpochEnd(String runId, RunSpec spec, int epochsDone, CharModel model);
}
