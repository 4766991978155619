package org.rnnplayground.model;

import java.util.List;

/**
 * Text generated from a prefix.
 *
 * @param prefix the prefix as given
 * @param text the prefix followed by the prediction, decoded as the text's tokens (unknown prefix
 *     tokens appear as {@code <unk>}), as the book prints it
 * @param predicted only the predicted part
 * @param tokens token indices of {@code text}
 * @param unknown the distinct tokens of the prefix that are not in the vocabulary (fed as {@code
 *     <unk>}), in order of first appearance; empty when there are none
 */
public record Generation(String prefix, String text, String predicted, List<Integer> tokens, List<String> unknown) {

    public Generation {
        tokens = List.copyOf(tokens);
        unknown = List.copyOf(unknown);
    }
}
