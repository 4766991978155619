package org.rnnplayground.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StorePropertiesTest {

    @Test
    void valuesOutOfRangeAreNamedWithTheirRange() {
        assertThatThrownBy(() -> new StoreProperties(Duration.ofMinutes(5), Duration.ofSeconds(1), 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("playground.store.retention must be between 1h and 3650d, got PT5M")
                .hasMessageContaining("playground.store.purge-every must be between 1m and 1d, got PT1S")
                .hasMessageContaining("playground.store.checkpoints-kept must be between 1 and 10, got 0");
    }

    @Test
    void codeAttemptsDefaultToTenPerAddressAndMustLeaveRoomForOne() {
        StoreProperties defaults = new StoreProperties(null, null, null, null);
        assertThat(defaults.codeAttempts().perAddress()).isEqualTo(10);
        assertThat(defaults.codeAttempts().global()).isGreaterThanOrEqualTo(10);
        assertThatThrownBy(() -> new StoreProperties.CodeAttempts(20, 5, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("playground.store.code-attempts");
    }
}
