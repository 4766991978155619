package org.rnnplayground.admin;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one instructor account: its user name, the role {@value #ROLE}, and the password kept only as
 * a hash. A configured hash ({@code {bcrypt}...}, or any other id Spring Security knows) is used as
 * is; plain text is hashed at start-up with a warning; without a password a random one is made and
 * logged once.
 */
public final class AdminAccount {

    /** The role the admin page requires ({@code @RolesAllowed}). */
    public static final String ROLE = "ADMIN";

    private static final Logger LOG = LoggerFactory.getLogger(AdminAccount.class);
    private static final Pattern ENCODED = Pattern.compile("^\\{[A-Za-z0-9_-]+}.+");

    private final String username;
    private final String passwordHash;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    public AdminAccount(AdminProperties properties) {
        this.username = properties.username();
        this.passwordHash = hashOf(properties.password());
        try {
            encoder.matches("probe", passwordHash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "playground.admin.password: not a hash this server can check (" + e.getMessage()
                            + "); use {bcrypt}... (see README) or a plain password for development",
                    e);
        }
    }

    private static String hashOf(String configured) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        if (configured == null || configured.isBlank()) {
            byte[] random = new byte[9];
            new SecureRandom().nextBytes(random);
            String generated = HexFormat.of().formatHex(random);
            LOG.warn("No playground.admin.password is set; the admin password for this run is: {}", generated);
            return "{bcrypt}" + bcrypt.encode(generated);
        }
        if (ENCODED.matcher(configured).matches()) {
            return configured;
        }
        LOG.warn("playground.admin.password is plain text; fine for development, but give a hash such as"
                + " {bcrypt}$2a$10$... on a server (README: Configuration)");
        return "{bcrypt}" + bcrypt.encode(configured);
    }

    /** Checks a password typed at sign-in against the stored hash. */
    public PasswordEncoder encoder() {
        return encoder;
    }

    /**
     * The account, as a fresh copy (Spring Security erases the password of the copy it signs in with).
     *
     * @throws UsernameNotFoundException for any other user name
     */
    public UserDetails load(String name) {
        if (!username.equals(name)) {
            throw new UsernameNotFoundException("no such user");
        }
        return User.withUsername(username).password(passwordHash).roles(ROLE).build();
    }
}
