package org.rnnplayground.corpus;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the corpus catalog ({@code playground.corpus.*}).
 *
 * @param cache folder that downloaded corpora are kept in (relative paths: from the working directory)
 * @param downloadTimeout how long one download may take
 * @param downloadBase when set, corpora are downloaded from this address followed by their file
 *     name (a mirror in a lab's own network) instead of the catalog's addresses; checked by SHA-1
 *     all the same
 */
@ConfigurationProperties("playground.corpus")
public record CorpusProperties(String cache, Duration downloadTimeout, String downloadBase) {

    public CorpusProperties {
        if (cache == null || cache.isBlank()) {
            cache = Path.of(System.getProperty("user.home"), ".cache", "rnn-playground", "corpora")
                    .toString();
        }
        if (downloadTimeout == null) {
            downloadTimeout = Duration.ofSeconds(30);
        }
        if (downloadBase != null && downloadBase.isBlank()) {
            downloadBase = null;
        }
        if (downloadBase != null && !downloadBase.startsWith("http://") && !downloadBase.startsWith("https://")) {
            throw new IllegalArgumentException(
                    "playground.corpus.download-base must be an http:// or https:// address, got " + downloadBase);
        }
    }

    /** The cache folder as an absolute path. */
    public Path cacheDir() {
        return Path.of(cache).toAbsolutePath().normalize();
    }
}
