package org.rnnplayground.text.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the Text page ({@code playground.text.*}).
 *
 * @param maxUploadBytes largest accepted upload or paste, in bytes (default 20 MB)
 * @param cachedAnalyses how many processed texts (per text and options) are kept for all users
 */
@ConfigurationProperties("playground.text")
public record TextProperties(Long maxUploadBytes, Integer cachedAnalyses) {

    public TextProperties {
        if (maxUploadBytes == null) {
            maxUploadBytes = 20L * 1024 * 1024;
        }
        if (cachedAnalyses == null) {
            cachedAnalyses = 16;
        }
        if (maxUploadBytes < 1 || cachedAnalyses < 1) {
            throw new IllegalArgumentException("playground.text limits must be positive");
        }
    }
}
