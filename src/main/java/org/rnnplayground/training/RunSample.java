package org.rnnplayground.training;

import java.util.List;

/**
 * Text generated from the run's prefix after an epoch.
 *
 * @param epoch the epoch it followed
 * @param text prefix and prediction
 * @param notes remarks such as prefix characters outside the vocabulary
 */
public record RunSample(int epoch, String text, List<String> notes) {

    public RunSample {
        notes = List.copyOf(notes);
    }
}
