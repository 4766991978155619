package org.rnnplayground.text.ui;

import java.util.List;
import org.rnnplayground.text.NGramCounts;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextRef;

/**
 * One text processed with one set of options, with its n-gram statistics computed on first use.
 * Immutable once built; shared between users who load the same text with the same options.
 *
 * <p>{@code name}: display name of the text; {@code ref}: which raw text, processed how (the key a
 * run refers to it by); {@code text}: the processed text.
 */
public final class TextAnalysis {

    private final String name;
    private final TextRef ref;
    private final ProcessedText text;
    private volatile List<NGramCounts> ngrams;

    TextAnalysis(String name, TextRef ref, ProcessedText text) {
        if (!ref.options().equals(text.options())) {
            throw new IllegalArgumentException("the text was processed with other options than its reference names");
        }
        this.name = name;
        this.ref = ref;
        this.text = text;
    }

    /** The same analysis under another display name, sharing the n-gram counts once computed. */
    TextAnalysis withName(String newName) {
        TextAnalysis renamed = new TextAnalysis(newName, ref, text);
        renamed.ngrams = ngrams;
        return renamed;
    }

    public String name() {
        return name;
    }

    /** Which raw text, processed with which options: how a run refers to it. */
    public TextRef ref() {
        return ref;
    }

    public ProcessedText text() {
        return text;
    }

    /** Whether {@link #ngrams()} returns at once, without counting. */
    public boolean ngramsReady() {
        return ngrams != null;
    }

    /**
     * Unigram, bigram and trigram counts (computed once; counting a long text takes a while, so
     * call it off the request thread unless {@link #ngramsReady()}).
     */
    public List<NGramCounts> ngrams() {
        List<NGramCounts> result = ngrams;
        if (result == null) {
            synchronized (this) {
                result = ngrams;
                if (result == null) {
                    result = text.ngramCounts(3);
                    ngrams = result;
                }
            }
        }
        return result;
    }
}
