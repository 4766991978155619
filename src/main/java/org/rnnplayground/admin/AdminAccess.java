package org.rnnplayground.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Checks the admin password (constant-time) and remembers nothing itself; sessions hold the sign-in. */
@Service
public class AdminAccess {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAccess.class);

    private final byte[] password;

    public AdminAccess(AdminProperties properties) {
        String configured = properties.password();
        if (configured == null || configured.isBlank()) {
            byte[] random = new byte[9];
            new SecureRandom().nextBytes(random);
            configured = HexFormat.of().formatHex(random);
            LOG.warn("No playground.admin.password is set; the admin password for this run is: {}", configured);
        }
        this.password = configured.getBytes(StandardCharsets.UTF_8);
    }

    public boolean matches(String attempt) {
        return attempt != null && MessageDigest.isEqual(password, attempt.getBytes(StandardCharsets.UTF_8));
    }
}
