package org.rnnplayground.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The server checks every limit against its range and names the one it refuses. */
class TrainingLimitsTest {

    @Test
    void aThousandSlotsAreRefusedNamingTheField() {
        var e = assertThrows(TrainingLimits.OutOfRange.class, () -> new TrainingLimits(1000, 3, 1, 20));
        assertEquals(TrainingLimits.Field.SLOTS, e.field());
        assertEquals(1000, e.value());
        assertTrue(
                e.getMessage().startsWith("slots must be between 1 and " + TrainingLimits.MAX_SLOTS), e.getMessage());
        assertEquals(4 * Runtime.getRuntime().availableProcessors(), TrainingLimits.MAX_SLOTS);
    }

    @Test
    void everyFieldIsCheckedAtBothEndsOfItsRange() {
        TrainingLimits ok = TrainingLimits.forThisMachine();
        assertEquals(
                TrainingLimits.Field.MAX_QUEUED_PER_USER,
                assertThrows(TrainingLimits.OutOfRange.class, () -> new TrainingLimits(1, 101, 1, 20))
                        .field());
        assertEquals(
                TrainingLimits.Field.MAX_RUNNING_PER_USER,
                assertThrows(TrainingLimits.OutOfRange.class, () -> new TrainingLimits(1, 3, 0, 20))
                        .field());
        assertEquals(
                TrainingLimits.Field.KEEP_FINISHED_PER_USER,
                assertThrows(TrainingLimits.OutOfRange.class, () -> new TrainingLimits(1, 3, 1, 1001))
                        .field());
        assertEquals(
                TrainingLimits.Field.MAX_QUEUED_TOTAL,
                assertThrows(TrainingLimits.OutOfRange.class, () -> ok.withCaps(10_001, 0))
                        .field());
        assertEquals(
                TrainingLimits.Field.MAX_RUNS_PER_ADDRESS,
                assertThrows(TrainingLimits.OutOfRange.class, () -> ok.withCaps(10, -1))
                        .field());
        assertEquals(
                TrainingLimits.Field.MAX_RUN_MINUTES,
                assertThrows(
                                TrainingLimits.OutOfRange.class,
                                () -> ok.withLifetimes(
                                        Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(1)))
                        .field());
        assertEquals(
                TrainingLimits.Field.AWAY_AFTER_MINUTES,
                assertThrows(
                                TrainingLimits.OutOfRange.class,
                                () -> ok.withLifetimes(Duration.ofHours(1), Duration.ofMinutes(9), Duration.ofHours(1)))
                        .field());
        assertEquals(
                TrainingLimits.Field.KEEP_FINISHED_MINUTES,
                assertThrows(
                                TrainingLimits.OutOfRange.class,
                                () -> ok.withLifetimes(Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(31)))
                        .field());
        // the ends of each range are valid
        new TrainingLimits(TrainingLimits.MAX_SLOTS, 100, TrainingLimits.MAX_SLOTS, 1000)
                .withCaps(0, 1000)
                .withLifetimes(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofDays(30));
    }

    @Test
    void propertiesOutOfRangeStopTheServerNamingTheValue() {
        var props =
                new TrainingProperties(null, null, null, null, null, null, Duration.ofDays(8), null, null, null, null);
        var e = assertThrows(TrainingLimits.OutOfRange.class, props::limits);
        assertEquals(TrainingLimits.Field.MAX_RUN_MINUTES, e.field());
        TrainingLimits defaults =
                new TrainingProperties(null, null, null, null, null, null, null, null, null, null, null).limits();
        assertEquals(TrainingLimits.forThisMachine(), defaults);
        assertEquals(Duration.ofMinutes(60), defaults.maxRunTime());
        assertEquals(0, defaults.maxRunsPerAddress(), "no cap per address unless configured (proxies)");
    }

    /** Spare cores are lent by default, but not where BLAS's own threads would take them, nor when turned off. */
    @org.junit.jupiter.api.Test
    void spareCoresAreLentUnlessBlasThreadsOrTheSettingTakeThem() {
        assertSame(
                org.rnnplayground.model.SpareCores.machine(),
                properties(null, null).cores());
        assertSame(org.rnnplayground.model.SpareCores.NONE, properties(2, null).cores());
        assertSame(
                org.rnnplayground.model.SpareCores.NONE, properties(null, false).cores());
    }

    private static TrainingProperties properties(Integer nativeThreads, Boolean spareCores) {
        return new TrainingProperties(null, null, null, null, null, null, null, null, null, nativeThreads, spareCores);
    }
}
