package org.rnnplayground.model;

import java.util.List;

/**
 * Text generated from a prefix.
 *
 * @param prefix the prefix as given
 * @param text the prefix followed by the prediction, as tokens joined (unknown prefix characters
 *     appear as {@code <unk>}), as the book prints it
 * @param predicted only the predicted part
 * @param tokens token indices of {@code text}
 * @param notes remarks for the reader, e.g. characters of the prefix that are not in the vocabulary;
 *     empty when there are none
 */
public record Generation(String prefix, String text, String predicted, List<Integer> tokens, List<String> notes) {

    public Generation {
        tokens = List.copyOf(tokens);
        notes = List.copyOf(notes);
    }
}
