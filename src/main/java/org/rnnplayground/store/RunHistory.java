package org.rnnplayground.store;

import java.util.List;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.TrainProgress;

/**
 * What a run measured and generated, in the order it happened.
 *
 * @param epochs one report per finished epoch
 * @param progress progress points inside epochs
 * @param samples generated texts
 */
public record RunHistory(List<EpochReport> epochs, List<TrainProgress> progress, List<StoredSample> samples) {

    public RunHistory {
        epochs = List.copyOf(epochs);
        progress = List.copyOf(progress);
        samples = List.copyOf(samples);
    }
}
