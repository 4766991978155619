package org.rnnplayground.training;

import java.util.Arrays;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TokenCodec;
import org.rnnplayground.text.Vocabulary;

/**
 * What a run trains on, resolved from its {@link RunSpec}: the text's codec and the token indices,
 * cut to the spec's {@code max_tokens}. Where a run trains (this JVM today, a worker tomorrow), it
 * is made from the spec and the raw text the spec names, and nothing else.
 *
 * @param codec how the text was cleaned and tokenized, and its vocabulary: the run reads its prefix
 *     and writes its samples with it
 * @param corpus token indices the run trains on, already cut to {@code maxTokens}, [corpus_length];
 *     not copied, so callers must not modify it
 */
public record RunText(TokenCodec codec, int[] corpus) {

    public RunText {
        if (codec == null) {
            throw new IllegalArgumentException("a run needs its text's codec");
        }
        if (corpus == null || corpus.length == 0) {
            throw new IllegalArgumentException("the text has no tokens to train on");
        }
    }

    /**
     * The text a spec names, from that text processed with the spec's options.
     *
     * @param processed the raw text the spec names, processed with {@code spec.options()}
     * @throws IllegalArgumentException when it was processed with other options
     */
    public static RunText resolve(RunSpec spec, ProcessedText processed) {
        if (!processed.options().equals(spec.options())) {
            throw new IllegalArgumentException("the text was processed with other options than the run names");
        }
        int[] all = processed.corpus();
        int n = spec.maxTokens() > 0 ? Math.min(spec.maxTokens(), all.length) : all.length;
        return new RunText(processed.codec(), n == all.length ? all : Arrays.copyOf(all, n));
    }

    /** The text's vocabulary. */
    public Vocabulary vocab() {
        return codec.vocab();
    }
}
