package org.rnnplayground.store;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The learner's secrets: a long token for the cookie and a short code a person can type, both
 * random. The code is {@value #CODE_LENGTH} characters from an alphabet without look-alikes (no
 * 0/O, 1/I/L), about 49 bits; shown in two groups ({@code ABCDE-FGHJK}), read case-blind with or
 * without the dash and spaces.
 */
final class LearnerCredentials {

    static final int CODE_LENGTH = 10;
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random;

    LearnerCredentials(SecureRandom random) {
        this.random = random;
    }

    /** A new cookie token: 32 random bytes, base64url without padding. */
    String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new code, as shown: {@code ABCDE-FGHJK}. */
    String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH + 1);
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (i == CODE_LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * A code as typed, in the form that is hashed: upper case, without dashes and white space; null
     * when it cannot be a code (wrong length or characters), so no lookup is made for it.
     */
    static String normalizeCode(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != CODE_LENGTH) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }

    /** The hash kept of a code (normalized first). */
    static String codeHash(String code) {
        return Sha256.hex(normalizeCode(code));
    }
}
