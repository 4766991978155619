package org.rnnplayground.training;

import java.util.Arrays;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TokenCodec;
import org.rnnplayground.text.Vocabulary;

/**
 * Everything a run trains on, fixed when it is launched: a snapshot of the user's text (so that
 * changing the text later does not touch a queued run) and the validated model configuration.
 *
 * @param textName display name of the text
 * @param codec how the text was cleaned and tokenized, and its vocabulary: the run reads its prefix
 *     and writes its samples with it
 * @param corpus token indices the run trains on, already cut to {@code maxTokens}, [corpus_length]
 * @param maxTokens the cut applied (0 for the whole text), d2l's {@code max_tokens}
 * @param config the model and training configuration
 * @param model which implementation and architecture trains (from scratch, or DL4J layers)
 * @param textSha256 the SHA-256 of the raw text in the store, which the run refers to when it is
 *     kept for good; null for a run that is not stored (tests, the command line)
 */
public record RunSpec(
        String textName,
        TokenCodec codec,
        int[] corpus,
        int maxTokens,
        TrainConfig config,
        ModelSpec model,
        String textSha256) {

    public RunSpec {
        if (codec == null) {
            throw new IllegalArgumentException("a run needs its text's codec");
        }
        if (corpus == null || corpus.length == 0) {
            throw new IllegalArgumentException("the text has no tokens to train on");
        }
        if (model == null) {
            throw new IllegalArgumentException("a run needs a model specification");
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("max_tokens must be 0 (all) or positive, got " + maxTokens);
        }
    }

    /**
     * Snapshots a text for a run, cutting it to {@code maxTokens} (0 keeps all).
     *
     * @param corpus the full corpus, [corpus_length]; copied
     */
    public static RunSpec of(
            String textName, TokenCodec codec, int[] corpus, int maxTokens, TrainConfig config, ModelSpec model) {
        int n = maxTokens > 0 ? Math.min(maxTokens, corpus.length) : corpus.length;
        return new RunSpec(textName, codec, Arrays.copyOf(corpus, n), maxTokens, config, model, null);
    }

    /** The same run, referring to its raw text stored under {@code sha256}. */
    public RunSpec withText(String sha256) {
        return new RunSpec(textName, codec, corpus, maxTokens, config, model, sha256);
    }

    /** How the text was tokenized. */
    public TextOptions options() {
        return codec.options();
    }

    /** The text's vocabulary. */
    public Vocabulary vocab() {
        return codec.vocab();
    }

    /** Minibatch predictions in one epoch, for ETA estimates before the first epoch ends. */
    public long tokensPerEpochEstimate() {
        long perRow = (corpus.length - 1L) / config.batchSize();
        return (perRow / config.numSteps()) * config.numSteps() * config.batchSize();
    }
}
