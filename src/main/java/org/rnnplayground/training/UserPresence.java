package org.rnnplayground.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each user was last seen, as their pages report it (a page opened, a heartbeat of an open
 * page, the session ending), and the network address they came from. A user not seen for a while,
 * or whose session ended, is away: the queue stops their runs and releases their finished ones.
 * Thread-safe; time comes from the injected clock.
 */
public final class UserPresence {

    private record Seen(Instant at, String address, boolean ended) {}

    private final Clock clock;
    private final Map<UserId, Seen> seen = new ConcurrentHashMap<>();

    public UserPresence(Clock clock) {
        this.clock = clock;
    }

    /** The user is here now (a page of theirs attached or sent a heartbeat); keeps their address. */
    public void seen(UserId user) {
        seen.compute(user, (u, old) -> new Seen(clock.instant(), old == null ? null : old.address(), false));
    }

    /** The user is here now, from this client address (null when unknown). */
    public void seen(UserId user, String address) {
        seen.compute(
                user,
                (u, old) -> new Seen(
                        clock.instant(), address != null ? address : old == null ? null : old.address(), false));
    }

    /** The user's session ended: they cannot come back, so they are away from now on. */
    public void left(UserId user) {
        seen.computeIfPresent(user, (u, old) -> new Seen(old.at(), old.address(), true));
    }

    /** Whether the user was not seen for longer than {@code after}, left, or was never seen. */
    public boolean isAway(UserId user, Duration after) {
        Seen s = seen.get(user);
        return s == null || s.ended() || s.at().plus(after).isBefore(clock.instant());
    }

    /** The client address the user was last seen from. */
    public Optional<String> address(UserId user) {
        Seen s = seen.get(user);
        return s == null ? Optional.empty() : Optional.ofNullable(s.address());
    }

    /** Forgets the users who are away, so that the map holds only users who are here. */
    public void forgetAway(Duration after) {
        seen.keySet().removeIf(u -> isAway(u, after));
    }
}
