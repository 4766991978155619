package org.rnnplayground.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextOptionsTest {

    @Test
    void bookCharsIsTheBooksSetting() {
        assertThat(TextOptions.bookChars())
                .isEqualTo(new TextOptions(CleaningMode.BOOK, true, TokenizerKind.CHAR, 0, 0));
        assertThat(TextOptions.bookWords().withMinFreq(10).minFreq()).isEqualTo(10);
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> new TextOptions(null, true, TokenizerKind.CHAR, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cleaning must be BOOK or UNICODE, got null");
        assertThatThrownBy(() -> new TextOptions(CleaningMode.BOOK, true, null, 0, 0))
                .hasMessage("tokenizer must be CHAR, WORD or BPE, got null");
        assertThatThrownBy(() -> new TextOptions(CleaningMode.BOOK, false, TokenizerKind.CHAR, 0, 0))
                .hasMessageContaining("BOOK cleaning always lower-cases")
                .hasMessageContaining("UNICODE");
        assertThatThrownBy(() -> new TextOptions(CleaningMode.BOOK, true, TokenizerKind.WORD, 0, -1))
                .hasMessage("minFreq must be >= 0 (d2l min_freq), got -1");
        assertThatThrownBy(() -> new TextOptions(CleaningMode.BOOK, true, TokenizerKind.BPE, -5, 0))
                .hasMessage("bpeMerges must be between 0 and 20000, got -5");
        assertThatThrownBy(() -> new TextOptions(CleaningMode.BOOK, true, TokenizerKind.BPE, 20_001, 0))
                .hasMessageContaining("between 0 and 20000");
        assertThatThrownBy(() -> new TextOptions(CleaningMode.BOOK, true, TokenizerKind.CHAR, 100, 0))
                .hasMessage("bpeMerges applies only to the BPE tokenizer; use 0 with CHAR, got 100");
    }

    @Test
    void unicodeMayKeepCase() {
        TextOptions options = new TextOptions(CleaningMode.UNICODE, false, TokenizerKind.WORD, 0, 2);

        assertThat(TextPipeline.process("Time time TIME time", options).vocab().idxToToken())
                .containsExactly("<unk>", "time");
        assertThat(TextPipeline.process("Time time TIME time", options.withMinFreq(0))
                        .vocabSize())
                .isEqualTo(4);
    }
}
