package org.rnnplayground.work;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The pools of every kind of heavy work: one shared registry, sized by {@link ExecutorProperties}. */
@Component
public class BoundedExecutors implements AutoCloseable {

    private final Map<WorkKind, BoundedPool> pools = new EnumMap<>(WorkKind.class);

    @Autowired
    public BoundedExecutors(ExecutorProperties properties) {
        this(properties.sizes());
    }

    /** @param sizes a size for every kind */
    public BoundedExecutors(Map<WorkKind, PoolSize> sizes) {
        for (WorkKind kind : WorkKind.values()) {
            PoolSize size = sizes.get(kind);
            if (size == null) {
                throw new IllegalArgumentException("no pool size for " + kind);
            }
            pools.put(kind, new BoundedPool(kind, size));
        }
    }

    /** The pool for one kind of work. */
    public BoundedPool pool(WorkKind kind) {
        return pools.get(kind);
    }

    /** Every pool now, in the order of {@link WorkKind}. */
    public List<PoolStats> stats() {
        return pools.values().stream().map(BoundedPool::stats).toList();
    }

    @Override
    public void close() {
        pools.values().forEach(BoundedPool::shutdownNow);
    }
}
