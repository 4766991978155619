package org.rnnplayground.store;

import java.time.Instant;
import org.rnnplayground.text.TextOptions;

/**
 * A text in a learner's list: which content, under what name, with the options they last chose.
 *
 * @param sha256 the content's key in {@link TextStore}
 * @param name the name the learner knows it by (a file name, a catalog title)
 * @param options how they last tokenized it
 * @param usedAt when they last loaded it
 */
public record LearnerText(String sha256, String name, TextOptions options, Instant usedAt) {}
