package org.rnnplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/** The throttle on a simulated clock: at most one flush per interval, and the last request always flushes. */
class ThrottleTest {

    private long now;
    private final PriorityQueue<long[]> timers = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    private final List<Runnable> tasks = new ArrayList<>();
    private final List<Long> flushes = new ArrayList<>();

    private final Throttle throttle = new Throttle(
            (task, delay) -> {
                tasks.add(task);
                timers.add(new long[] {now + delay, tasks.size() - 1});
            },
            Duration.ofMillis(250),
            () -> now,
            () -> flushes.add(now));

    private void advanceTo(long t) {
        while (!timers.isEmpty() && timers.peek()[0] <= t) {
            long[] timer = timers.poll();
            now = timer[0];
            tasks.get((int) timer[1]).run();
        }
        now = t;
    }

    @Test
    void aThousandRequestsASecondGiveAboutFourFlushesASecond() {
        for (long t = 0; t < 1_000_000_000L; t += 1_000_000L) {
            advanceTo(t);
            throttle.request();
        }
        advanceTo(2_000_000_000L);
        assertTrue(flushes.size() >= 4 && flushes.size() <= 5, "flushes: " + flushes.size());
        for (int i = 1; i < flushes.size(); i++) {
            assertTrue(flushes.get(i) - flushes.get(i - 1) >= 250_000_000L, "too close: " + flushes);
        }
    }

    @Test
    void aLoneRequestFlushesAtOnceAndALateOneIsNotLost() {
        throttle.request();
        advanceTo(0);
        assertEquals(List.of(0L), flushes);
        advanceTo(10_000_000L);
        throttle.request();
        throttle.request();
        advanceTo(249_000_000L);
        assertEquals(1, flushes.size(), "still within the interval");
        advanceTo(300_000_000L);
        assertEquals(List.of(0L, 250_000_000L), flushes);
    }
}
