package org.rnnplayground.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pools refuse work beyond their queue at once, and count what they did. */
class BoundedExecutorsTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private BoundedExecutors executors;

    private static Map<WorkKind, PoolSize> sizes(PoolSize size) {
        Map<WorkKind, PoolSize> sizes = new EnumMap<>(WorkKind.class);
        for (WorkKind k : WorkKind.values()) {
            sizes.put(k, size);
        }
        return sizes;
    }

    private String blockUntilReleased() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "done";
    }

    @AfterEach
    void close() {
        release.countDown();
        executors.close();
    }

    @Test
    void workBeyondTheQueueIsRefusedAsBusyAndCounted() throws Exception {
        executors = new BoundedExecutors(sizes(new PoolSize(1, 2)));
        BoundedPool pool = executors.pool(WorkKind.SHAPES);
        List<CompletableFuture<String>> accepted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            accepted.add(pool.supply(this::blockUntilReleased)); // one runs, two wait
        }
        CompletableFuture<String> refused = pool.supply(this::blockUntilReleased);
        assertTrue(refused.isCompletedExceptionally(), "refused at once, not queued");
        var e = assertThrows(CompletionException.class, refused::join);
        assertTrue(ServerBusyException.isBusy(e));
        assertEquals(WorkKind.SHAPES, ((ServerBusyException) e.getCause()).kind());
        assertThrows(ServerBusyException.class, () -> pool.submit(() -> {}));
        assertThrows(ServerBusyException.class, () -> pool.execute(() -> {}));

        PoolStats busy = pool.stats();
        assertEquals(1, busy.threads());
        assertEquals(2, busy.queued());
        assertEquals(2, busy.queueCapacity());
        assertEquals(3, busy.rejected());
        assertEquals(0, executors.pool(WorkKind.GENERATION).stats().rejected(), "other pools are not affected");

        release.countDown();
        for (CompletableFuture<String> f : accepted) {
            assertEquals("done", f.get(10, TimeUnit.SECONDS));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.stats().completed() < 3) {
            assertTrue(System.nanoTime() < deadline, "completed count: " + pool.stats());
            Thread.sleep(2);
        }
        assertEquals("done", pool.supply(() -> "done").get(10, TimeUnit.SECONDS), "accepts work again");
    }

    @Test
    void aPoolWithoutQueueTakesOnlyWhatItsThreadsCanRun() {
        executors = new BoundedExecutors(sizes(new PoolSize(2, 0)));
        BoundedPool pool = executors.pool(WorkKind.SEQUENCE);
        pool.submit(this::blockUntilReleased);
        pool.submit(this::blockUntilReleased);
        assertThrows(ServerBusyException.class, () -> pool.submit(() -> {}));
        assertEquals(1, pool.stats().rejected());
    }

    @Test
    void propertiesFillInDefaultsAndNameAWrongValue() {
        var props = new ExecutorProperties(new ExecutorProperties.Pool(4, null), null, null, null, null, null, null);
        Map<WorkKind, PoolSize> sizes = props.sizes();
        assertEquals(
                new PoolSize(4, ExecutorProperties.DEFAULTS.get(WorkKind.SHAPES).queueCapacity()),
                sizes.get(WorkKind.SHAPES));
        assertEquals(ExecutorProperties.DEFAULTS.get(WorkKind.CORPUS_DOWNLOAD), sizes.get(WorkKind.CORPUS_DOWNLOAD));
        var wrong = new ExecutorProperties(null, null, null, new ExecutorProperties.Pool(0, 5), null, null, null);
        var e = assertThrows(IllegalArgumentException.class, wrong::sizes);
        assertTrue(
                e.getMessage().startsWith("playground.executors.text-analysis: threads must be between 1 and"),
                e.getMessage());
        executors = new BoundedExecutors(props);
        assertEquals(
                List.of(WorkKind.values()),
                executors.stats().stream().map(PoolStats::kind).toList());
    }
}
