package org.rnnplayground.training;

import java.util.List;

/**
 * Text generated from the run's prefix after an epoch.
 *
 * @param epoch the epoch it followed
 * @param text prefix and prediction
 * @param unknown tokens of the prefix outside the vocabulary, fed as {@code <unk>}
 */
public record RunSample(int epoch, String text, List<String> unknown) {

    public RunSample {
        unknown = List.copyOf(unknown);
    }
}
