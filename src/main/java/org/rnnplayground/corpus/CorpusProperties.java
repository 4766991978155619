package org.rnnplayground.corpus;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the corpus catalog ({@code playground.corpus.*}).
 *
 * @param cache folder that downloaded corpora are kept in (relative paths: from the working directory)
 * @param downloadTimeout how long one download may take
 */
@ConfigurationProperties("playground.corpus")
public record CorpusProperties(String cache, Duration downloadTimeout) {

    public CorpusProperties {
        if (cache == null || cache.isBlank()) {
            cache = Path.of(System.getProperty("user.home"), ".cache", "rnn-playground", "corpora")
                    .toString();
        }
        if (downloadTimeout == null) {
            downloadTimeout = Duration.ofSeconds(30);
        }
    }

    /** The cache folder as an absolute path. */
    public Path cacheDir() {
        return Path.of(cache).toAbsolutePath().normalize();
    }
}
