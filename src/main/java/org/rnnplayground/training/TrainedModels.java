package org.rnnplayground.training;

import java.util.Optional;
import org.rnnplayground.model.CharModel;

/** The trained models of finished runs, for generating text after training. */
public interface TrainedModels {

    /** The model of one of the requester's finished runs; empty while it trains or once it was dropped. */
    Optional<CharModel> model(String runId, UserId requester);
}
