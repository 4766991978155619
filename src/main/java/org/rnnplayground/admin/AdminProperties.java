package org.rnnplayground.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The instructor's sign-in ({@code playground.admin.*}).
 *
 * @param username the instructor's user name (default {@code admin})
 * @param password the admin password, best as a hash such as {@code {bcrypt}$2a$10$...}; plain text
 *     is accepted for development (with a warning). When unset, a random one is generated at
 *     start-up and written to the server log once.
 * @param signIn how many sign-in attempts are checked before the rest are refused unchecked
 */
@ConfigurationProperties("playground.admin")
public record AdminProperties(String username, String password, SignInLimits signIn) {

    public AdminProperties {
        if (username == null || username.isBlank()) {
            username = "admin";
        }
        if (signIn == null) {
            signIn = new SignInLimits(null, null, null);
        }
    }

    /**
     * Sign-in attempts allowed per {@code window} ({@code playground.admin.sign-in.*}); the allowance
     * refills evenly over the window, so after a burst of wrong passwords only one attempt per
     * {@code window / perAddress} gets through.
     *
     * @param perAddress attempts from one client address (default 5)
     * @param global attempts from all addresses together (default 30)
     * @param window the time over which the allowance refills (default 15 minutes)
     */
    public record SignInLimits(Integer perAddress, Integer global, Duration window) {

        public SignInLimits {
            if (perAddress == null) {
                perAddress = 5;
            }
            if (global == null) {
                global = 30;
            }
            if (window == null) {
                window = Duration.ofMinutes(15);
            }
            if (perAddress < 1 || global < perAddress || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("playground.admin.sign-in: per-address must be at least 1, global at"
                        + " least per-address and window positive; got per-address=" + perAddress + ", global="
                        + global + ", window=" + window);
            }
        }
    }
}
