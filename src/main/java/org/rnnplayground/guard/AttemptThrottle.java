package org.rnnplayground.guard;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Allows a few attempts at a secret (the instructor's password, a learner's continue code) per
 * client address and for the whole server, refilling evenly over a window (token buckets). An
 * attempt takes a token from both before the secret is checked; a successful attempt gives its token
 * back. Attempts without a token are refused unchecked.
 */
public final class AttemptThrottle {

    /** Addresses remembered at most; the global bucket still bounds attempts from more. */
    static final int MAX_ADDRESSES = 10_000;

    private final int perAddressCapacity;
    private final Duration window;
    private final TimeMeter time;
    private final Bucket global;
    private final Map<String, Bucket> perAddress = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    /**
     * @param perAddress attempts one client address may make per window (at least 1)
     * @param global attempts all addresses together may make per window (at least {@code perAddress})
     * @param window the time in which spent attempts come back, evenly
     */
    public AttemptThrottle(int perAddress, int global, Duration window, TimeMeter time) {
        if (perAddress < 1 || global < perAddress || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("attempts per address must be at least 1, global at least per address"
                    + " and the window positive; got " + perAddress + ", " + global + ", " + window);
        }
        this.perAddressCapacity = perAddress;
        this.window = window;
        this.time = time;
        this.global = bucket(global);
    }

    private Bucket bucket(int capacity) {
        Bandwidth bandwidth = Bandwidth.builder()
                .capacity(capacity)
                .refillGreedy(capacity, window)
                .build();
        return Bucket.builder()
                .addLimit(bandwidth)
                .withCustomTimePrecision(time)
                .build();
    }

    /** Takes a token for one attempt from {@code address}; false if the attempt must be refused. */
    public synchronized boolean tryAcquire(String address) {
        Bucket own = perAddress.computeIfAbsent(address, a -> bucket(perAddressCapacity));
        if (!own.tryConsume(1)) {
            return false;
        }
        if (!global.tryConsume(1)) {
            own.addTokens(1);
            return false;
        }
        return true;
    }

    /** Gives back the token of an attempt that succeeded. */
    public synchronized void release(String address) {
        global.addTokens(1);
        Bucket own = perAddress.get(address);
        if (own != null) {
            own.addTokens(1);
        }
    }
}
