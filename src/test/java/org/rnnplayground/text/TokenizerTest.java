package org.rnnplayground.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void charTokensAreCharactersIncludingSpaces() {
        assertThat(new CharTokenizer().tokenize("the time")).containsExactly("t", "h", "e", " ", "t", "i", "m", "e");
        assertThat(new CharTokenizer().tokenize("")).isEmpty();
    }

    @Test
    void charTokensAreCodePointsNotUtf16Units() {
        assertThat(new CharTokenizer().tokenize("书\uD840\uDC00😀")).containsExactly("书", "\uD840\uDC00", "😀");
    }

    @Test
    void wordTokensSplitLikePythonSplit() {
        assertThat(new WordTokenizer().tokenize("  the time\tmachine \n")).containsExactly("the", "time", "machine");
        assertThat(new WordTokenizer().tokenize("a\u00A0b\u3000c\u0085d")).containsExactly("a", "b", "c", "d");
        assertThat(new WordTokenizer().tokenize("   ")).isEmpty();
        // zero-width space is not whitespace for Python
        assertThat(new WordTokenizer().tokenize("a\u200Bb")).containsExactly("a\u200Bb");
    }

    @Test
    void tokenizeLinesKeepsOneListPerLine() {
        List<List<String>> tokens = new WordTokenizer().tokenizeLines(List.of("a b", "", "c"));

        assertThat(tokens).containsExactly(List.of("a", "b"), List.of(), List.of("c"));
    }

    @Test
    void pipelineTokensEqualTheTokenizersOwnOutput() {
        List<String> lines = CleaningMode.UNICODE.cleanLines("Ab cd\n\nÉé 书书 ab\n", true);
        for (Tokenizer tokenizer : List.of(new CharTokenizer(), new WordTokenizer(), BpeTokenizer.learn(lines, 3))) {
            assertThat(TokenizedText.of(lines, tokenizer)).isEqualTo(tokenizer.tokenizeLines(lines));
        }
    }
}
