package org.rnnplayground.admin;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Allows a few sign-in attempts per client address and for the whole server, refilling evenly over
 * a window (token buckets). An attempt takes a token from both before the password is checked; a
 * successful sign-in gives its token back. Attempts without a token are refused unchecked.
 */
public final class SignInThrottle {

    /** Addresses remembered at most; the global bucket still bounds attempts from more. */
    static final int MAX_ADDRESSES = 10_000;

    private final AdminProperties.SignInLimits limits;
    private final TimeMeter time;
    private final Bucket global;
    private final Map<String, Bucket> perAddress = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    public SignInThrottle(AdminProperties.SignInLimits limits, TimeMeter time) {
        this.limits = limits;
        this.time = time;
        this.global = bucket(limits.global());
    }

    private Bucket bucket(int capacity) {
        Bandwidth bandwidth = Bandwidth.builder()
                .capacity(capacity)
                .refillGreedy(capacity, limits.window())
                .build();
        return Bucket.builder()
                .addLimit(bandwidth)
                .withCustomTimePrecision(time)
                .build();
    }

    /** Takes a token for one attempt from {@code address}; false if the attempt must be refused. */
    public synchronized boolean tryAcquire(String address) {
        Bucket own = perAddress.computeIfAbsent(address, a -> bucket(limits.perAddress()));
        if (!own.tryConsume(1)) {
            return false;
        }
        if (!global.tryConsume(1)) {
            own.addTokens(1);
            return false;
        }
        return true;
    }

    /** Gives back the token of an attempt that signed in. */
    public synchronized void release(String address) {
        global.addTokens(1);
        Bucket own = perAddress.get(address);
        if (own != null) {
            own.addTokens(1);
        }
    }
}
