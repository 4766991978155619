package org.rnnplayground.work;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sizes of the pools ({@code playground.executors.<kind>.threads} and {@code .queue}, kinds
 * {@code shapes}, {@code generation}, {@code sequence}, {@code text-analysis}, {@code
 * corpus-download}, {@code coverage}, {@code inside}); unset values take {@link #DEFAULTS}.
 */
@ConfigurationProperties("playground.executors")
public record ExecutorProperties(
        Pool shapes,
        Pool generation,
        Pool sequence,
        Pool textAnalysis,
        Pool corpusDownload,
        Pool coverage,
        Pool inside) {

    /**
     * One pool's configured size.
     *
     * @param threads threads, or null for the default
     * @param queue tasks that may wait, or null for the default
     */
    public record Pool(Integer threads, Integer queue) {}

    /** Two threads each (the machine is shared with the training slots), a short queue. */
    public static final Map<WorkKind, PoolSize> DEFAULTS = Map.of(
            WorkKind.SHAPES, new PoolSize(2, 16),
            WorkKind.GENERATION, new PoolSize(2, 16),
            WorkKind.SEQUENCE, new PoolSize(2, 16),
            WorkKind.TEXT_ANALYSIS, new PoolSize(2, 32),
            WorkKind.CORPUS_DOWNLOAD, new PoolSize(2, 32),
            WorkKind.COVERAGE, new PoolSize(1, 16),
            WorkKind.INSIDE, new PoolSize(1, 16));

    /** The size of every pool; throws naming the property when one is out of range. */
    public Map<WorkKind, PoolSize> sizes() {
        Map<WorkKind, PoolSize> sizes = new EnumMap<>(WorkKind.class);
        for (WorkKind kind : WorkKind.values()) {
            Pool configured = switch (kind) {
                case SHAPES -> shapes;
                case GENERATION -> generation;
                case SEQUENCE -> sequence;
                case TEXT_ANALYSIS -> textAnalysis;
                case CORPUS_DOWNLOAD -> corpusDownload;
                case COVERAGE -> coverage;
                case INSIDE -> inside;
            };
            PoolSize d = DEFAULTS.get(kind);
            try {
                sizes.put(
                        kind,
                        new PoolSize(
                                configured != null && configured.threads() != null ? configured.threads() : d.threads(),
                                configured != null && configured.queue() != null
                                        ? configured.queue()
                                        : d.queueCapacity()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "playground.executors."
                                + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": "
                                + e.getMessage(),
                        e);
            }
        }
        return sizes;
    }
}
