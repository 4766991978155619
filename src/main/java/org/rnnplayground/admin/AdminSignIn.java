package org.rnnplayground.admin;

import org.rnnplayground.guard.AttemptThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the instructor's sign-in: throttled per client address and globally ({@link
 * AttemptThrottle}), and logged (success, failure and refusal, with the client address; never the
 * password or the user name typed, which may be a mistyped password).
 */
public final class AdminSignIn implements AuthenticationProvider {

    private static final Logger LOG = LoggerFactory.getLogger(AdminSignIn.class);

    /** Refused before the password was checked: too many attempts. */
    public static final class TooManyAttemptsException extends AuthenticationException {
        TooManyAttemptsException() {
            super("too many sign-in attempts");
        }
    }

    private final DaoAuthenticationProvider check;
    private final AttemptThrottle throttle;

    public AdminSignIn(AdminAccount account, AttemptThrottle throttle) {
        this.check = new DaoAuthenticationProvider(account::load);
        this.check.setPasswordEncoder(account.encoder());
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress()
                : "unknown";
        if (!throttle.tryAcquire(address)) {
            LOG.warn("Admin sign-in from {} refused unchecked: too many attempts", address);
            throw new TooManyAttemptsException();
        }
        try {
            Authentication signedIn = check.authenticate(attempt);
            throttle.release(address);
            LOG.info("Admin signed in from {}", address);
            return signedIn;
        } catch (AuthenticationException e) {
            LOG.warn("Admin sign-in from {} failed: wrong user name or password", address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
