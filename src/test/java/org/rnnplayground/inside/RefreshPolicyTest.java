package org.rnnplayground.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The live views wait at least half a second, and DUTY (40) times their last cost, between refreshes. */
class RefreshPolicyTest {

    static final long MS = 1_000_000L;

    @Test
    void theFirstRefreshMayStartAtOnce() {
        assertEquals(0, new RefreshPolicy().delay(123 * MS));
    }

    @Test
    void aCheapRefreshWaitsHalfASecond() {
        RefreshPolicy p = new RefreshPolicy();
        p.started(1000 * MS);
        p.finished(5 * MS);
        assertEquals(400 * MS, p.delay(1100 * MS));
        assertEquals(0, p.delay(1500 * MS));
    }

    @Test
    void aCostlyRefreshWaitsDutyTimesItsCost() {
        RefreshPolicy p = new RefreshPolicy();
        p.started(1000 * MS);
        p.finished(100 * MS);
        assertEquals(RefreshPolicy.DUTY * 100 * MS - 100 * MS, p.delay(1100 * MS)); // DUTY x 100 ms after the start
        assertEquals(0, p.delay(1000 * MS + RefreshPolicy.DUTY * 100 * MS));
    }
}
