package org.rnnplayground.training;

import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextRef;

/**
 * What a run trains, fixed when it is launched: which text (by the hash of its raw content and the
 * options it is processed with, not the text itself), how much of it, and the validated model
 * configuration. It is small and holds no tokens, so it can be stored, sent to another machine and
 * resolved there: {@link RunText#resolve} turns it and the raw text it names into what trains.
 *
 * @param textName display name of the text
 * @param text which raw text, processed how
 * @param maxTokens the cut applied (0 for the whole text), d2l's {@code max_tokens}
 * @param config the model and training configuration
 * @param model which implementation and architecture trains (from scratch, or DL4J layers)
 */
public record RunSpec(String textName, TextRef text, int maxTokens, TrainConfig config, ModelSpec model) {

    public RunSpec {
        if (text == null) {
            throw new IllegalArgumentException("a run needs the text it trains on");
        }
        if (config == null) {
            throw new IllegalArgumentException("a run needs a configuration");
        }
        if (model == null) {
            throw new IllegalArgumentException("a run needs a model specification");
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("max_tokens must be 0 (all) or positive, got " + maxTokens);
        }
    }

    /** The SHA-256 of the raw text, its key in the store. */
    public String textSha256() {
        return text.sha256();
    }

    /** How the text is tokenized. */
    public TextOptions options() {
        return text.options();
    }
}
