package org.rnnplayground.guard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AttemptThrottleTest {

    /** A clock the test moves by hand. */
    private static final class Clock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration d) {
            nanos += d.toNanos();
        }
    }

    private final Clock clock = new Clock();
    private final AttemptThrottle throttle = new AttemptThrottle(5, 8, Duration.ofMinutes(15), clock);

    @Test
    void fiveAttemptsFromOneAddressThenRefused() {
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.tryAcquire("10.0.0.1"), "attempt " + (i + 1));
        }
        assertFalse(throttle.tryAcquire("10.0.0.1"));
        assertFalse(throttle.tryAcquire("10.0.0.1"));
        assertTrue(throttle.tryAcquire("10.0.0.2"), "another address has its own allowance");
    }

    @Test
    void theAllowanceRefillsEvenlyOverTheWindow() {
        for (int i = 0; i < 5; i++) {
            throttle.tryAcquire("10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(2));
        assertFalse(throttle.tryAcquire("10.0.0.1"), "one attempt per 3 minutes after the burst");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(throttle.tryAcquire("10.0.0.1"));
        assertFalse(throttle.tryAcquire("10.0.0.1"));
    }

    @Test
    void allAddressesTogetherHaveTheGlobalAllowance() {
        for (int i = 0; i < 8; i++) {
            assertTrue(throttle.tryAcquire("10.0.1." + i));
        }
        assertFalse(throttle.tryAcquire("10.0.2.1"), "a new address is refused once the server's allowance is used");
    }

    @Test
    void aSuccessfulSignInGivesItsTokenBack() {
        for (int i = 0; i < 4; i++) {
            throttle.tryAcquire("10.0.0.1");
        }
        assertTrue(throttle.tryAcquire("10.0.0.1"));
        throttle.release("10.0.0.1");
        assertTrue(throttle.tryAcquire("10.0.0.1"));
        assertFalse(throttle.tryAcquire("10.0.0.1"));
    }

    @Test
    void aRefusedAttemptTakesNothingFromTheGlobalAllowance() {
        for (int i = 0; i < 5; i++) {
            throttle.tryAcquire("10.0.0.1");
        }
        for (int i = 0; i < 20; i++) {
            assertFalse(throttle.tryAcquire("10.0.0.1"));
        }
        assertTrue(throttle.tryAcquire("10.0.0.2"));
        assertTrue(throttle.tryAcquire("10.0.0.3"));
        assertTrue(throttle.tryAcquire("10.0.0.3"));
        assertFalse(throttle.tryAcquire("10.0.0.4"), "5 + 3 of 8 used");
    }
}
