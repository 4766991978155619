package org.rnnplayground.training;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.rnnplayground.model.CharModel;

/** The models of runs, for generating text during and after training. */
public interface TrainedModels {

    /**
     * A model of one of the requester's runs to generate from: a finished run's, or a copy of a
     * running run's parameters as they are after its current minibatch. Empty for a queued,
     * diverged or failed run, or one that was dropped.
     */
    Optional<CompletableFuture<CharModel>> modelNow(String runId, UserId requester);
}
