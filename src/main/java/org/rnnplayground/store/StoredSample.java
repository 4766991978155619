package org.rnnplayground.store;

import java.util.List;

/**
 * A sample as stored: the runtime's {@code RunSample} (this package cannot see {@code training}).
 *
 * @param epoch the epoch it followed
 * @param text prefix and prediction
 * @param unknown tokens of the prefix outside the vocabulary
 */
public record StoredSample(int epoch, String text, List<String> unknown) {

    public StoredSample {
        unknown = List.copyOf(unknown);
    }
}
