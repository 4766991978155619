package org.rnnplayground.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LearnerCredentialsTest {

    private final LearnerCredentials credentials = new LearnerCredentials(new SecureRandom());

    @Test
    void codesHaveNoLookAlikesAndAreReadAsTyped() {
        for (int i = 0; i < 200; i++) {
            String code = credentials.newCode();
            assertThat(code).matches("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}");
            String typed = code.toLowerCase().replace("-", " ");
            assertThat(LearnerCredentials.normalizeCode(typed)).isEqualTo(code.replace("-", ""));
        }
    }

    @Test
    void whatCannotBeACodeIsNotLookedUp() {
        assertThat(LearnerCredentials.normalizeCode("ABCDE-FGHJO"))
                .as("O is not in the alphabet")
                .isNull();
        assertThat(LearnerCredentials.normalizeCode("ABCDE-FGHJ"))
                .as("too short")
                .isNull();
        assertThat(LearnerCredentials.normalizeCode(null)).isNull();
    }

    @Test
    void tokensAreLongAndDistinct() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = credentials.newToken();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            tokens.add(token);
        }
        assertThat(tokens).hasSize(100);
    }
}
