package org.rnnplayground.store;

import java.time.Instant;
import java.util.UUID;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.text.TextOptions;

/**
 * What a run is launched with: enough to rebuild its {@code RunSpec} after a restart (the corpus
 * from the stored text, tokenized with {@code options} and cut to {@code maxTokens}).
 *
 * @param id the run's id
 * @param learnerId who launched it
 * @param textSha256 the text it trains on, stored in {@link TextStore}
 * @param textName the text's display name at launch (cut to {@value TextStore#MAX_NAME_LENGTH})
 * @param options how the text is tokenized
 * @param maxTokens d2l's {@code max_tokens}, 0 for the whole text
 * @param config the training configuration
 * @param model the model's implementation and architecture
 * @param createdAt when it was launched
 */
public record NewRun(
        UUID id,
        UUID learnerId,
        String textSha256,
        String textName,
        TextOptions options,
        int maxTokens,
        TrainConfig config,
        ModelSpec model,
        Instant createdAt) {

    public NewRun {
        if (id == null || learnerId == null || textSha256 == null || textName == null) {
            throw new IllegalArgumentException("a run needs an id, a learner, a text and its name");
        }
        if (options == null || config == null || model == null || createdAt == null) {
            throw new IllegalArgumentException("a run needs its text options, configuration, model and launch time");
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("max_tokens must be 0 (all) or positive, got " + maxTokens);
        }
        if (textName.length() > TextStore.MAX_NAME_LENGTH) {
            textName = textName.substring(0, TextStore.MAX_NAME_LENGTH);
        }
    }
}
