package org.rnnplayground.text.ui;

import java.util.List;
import org.rnnplayground.text.NGramCounts;
import org.rnnplayground.text.ProcessedText;

/**
 * One text processed with one set of options, with its n-gram statistics computed on first use.
 * Immutable once built; shared between users who load the same text with the same options.
 *
 * @param name display name of the text
 * @param text the processed text
 */
public final class TextAnalysis {

    private final String name;
    private final ProcessedText text;
    private volatile List<NGramCounts> ngrams;

    TextAnalysis(String name, ProcessedText text) {
        this.name = name;
        this.text = text;
    }

    /** The same analysis under another display name, sharing the n-gram counts once computed. */
    TextAnalysis withName(String newName) {
        TextAnalysis renamed = new TextAnalysis(newName, text);
        renamed.ngrams = ngrams;
        return renamed;
    }

    public String name() {
        return name;
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
