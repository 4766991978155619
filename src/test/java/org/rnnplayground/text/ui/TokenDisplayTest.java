package org.rnnplayground.text.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenDisplayTest {

    @Test
    void shortTokensStayLongOnesAreCutWithAnEllipsis() {
        assertThat(TokenDisplay.shorten("time", 4)).isEqualTo("time");
        assertThat(TokenDisplay.shorten("a".repeat(1_000_000), 40)).isEqualTo("a".repeat(40) + "…");
    }

    @Test
    void anEmojiIsNeverCutInHalf() {
        String token = "ab😀c"; // the emoji is two UTF-16 units, at 2 and 3
        assertThat(TokenDisplay.shorten(token, 3)).isEqualTo("ab…");
        assertThat(TokenDisplay.shorten(token, 4)).isEqualTo("ab😀…");
    }
}
