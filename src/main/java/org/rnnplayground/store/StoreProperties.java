package org.rnnplayground.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the store ({@code playground.store.*}). Validates itself. Where the database is
 * ({@code playground.store.folder}) is read only by {@code spring.datasource.url} in {@code
 * application.properties}.
 *
 * @param retention learners not seen for longer are deleted with their texts and runs (1 hour to
 *     10 years)
 * @param purgeEvery how often the purge runs (1 minute to 1 day)
 * @param checkpointsKept checkpoints kept per run, newest first (1 to 10)
 * @param codeAttempts how many continue codes may be typed, per client address and in all
 */
@ConfigurationProperties("playground.store")
public record StoreProperties(
        Duration retention, Duration purgeEvery, Integer checkpointsKept, CodeAttempts codeAttempts) {

    /**
     * Continue codes typed per window, per client address and for the whole server (a code has
     * about 49 bits: at these rates, guessing one takes longer than the retention by far).
     */
    public record CodeAttempts(Integer perAddress, Integer global, Duration window) {

        public CodeAttempts {
            perAddress = perAddress == null ? 10 : perAddress;
            global = global == null ? 200 : global;
            window = window == null ? Duration.ofMinutes(15) : window;
            if (perAddress < 1 || global < perAddress || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("playground.store.code-attempts: per-address must be at least 1,"
                        + " global at least per-address and window positive; got per-address=" + perAddress
                        + ", global=" + global + ", window=" + window);
            }
        }
    }

    public StoreProperties {
        retention = retention == null ? Duration.ofDays(30) : retention;
        purgeEvery = purgeEvery == null ? Duration.ofHours(1) : purgeEvery;
        checkpointsKept = checkpointsKept == null ? 2 : checkpointsKept;
        codeAttempts = codeAttempts == null ? new CodeAttempts(null, null, null) : codeAttempts;
        List<String> problems = new ArrayList<>();
        if (retention.compareTo(Duration.ofHours(1)) < 0 || retention.compareTo(Duration.ofDays(3650)) > 0) {
            problems.add("playground.store.retention must be between 1h and 3650d, got " + retention);
        }
        if (purgeEvery.compareTo(Duration.ofMinutes(1)) < 0 || purgeEvery.compareTo(Duration.ofDays(1)) > 0) {
            problems.add("playground.store.purge-every must be between 1m and 1d, got " + purgeEvery);
        }
        if (checkpointsKept < 1 || checkpointsKept > 10) {
            problems.add("playground.store.checkpoints-kept must be between 1 and 10, got " + checkpointsKept);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }
}
