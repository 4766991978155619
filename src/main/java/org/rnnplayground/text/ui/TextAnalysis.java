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

    public String name() {
        return name;
    }

    public ProcessedText text() {
        return text;
    }

    /** Unigram, bigram and trigram counts (computed once). */
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
