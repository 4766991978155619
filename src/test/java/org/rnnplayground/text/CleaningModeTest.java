package org.rnnplayground.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CleaningModeTest {

    @Test
    void bookModeIsTheBooksRegexStripAndLower() {
        // re.sub('[^A-Za-z]+', ' ', line).strip().lower()
        assertThat(CleaningMode.BOOK.cleanLine("The Time Machine, by H. G. Wells [1898]", true))
                .isEqualTo("the time machine by h g wells");
        assertThat(CleaningMode.BOOK.cleanLine("  --Hello,\tWORLD!!  ", true)).isEqualTo("hello world");
        assertThat(CleaningMode.BOOK.cleanLine("1898", true)).isEmpty();
    }

    @Test
    void bookModeDropsNonAsciiLettersLikeTheRegex() {
        assertThat(CleaningMode.BOOK.cleanLine("Café über naïve", true)).isEqualTo("caf ber na ve");
        assertThat(CleaningMode.BOOK.cleanLine("我爱 Python 😀!", true)).isEqualTo("python");
    }

    @Test
    void bookKeepsTheAsciiShareOfTheLetters() {
        assertThat(CleaningMode.bookKeptShare("The time machine, 1898!")).isEqualTo(1.0);
        assertThat(CleaningMode.bookKeptShare("我爱 Python")).isEqualTo(6.0 / 8.0);
        assertThat(CleaningMode.bookKeptShare("Café")).isEqualTo(3.0 / 4.0);
        assertThat(CleaningMode.bookKeptShare("12345 !?")).isEqualTo(1.0);
        assertThat(CleaningMode.bookRemovesMost("循环神经网络一个字一个字地读。RNN")).isTrue();
        assertThat(CleaningMode.bookRemovesMost("Ελληνικά κείμενα")).isTrue();
        assertThat(CleaningMode.bookRemovesMost("Русский текст")).isTrue();
        assertThat(CleaningMode.bookRemovesMost("Café über naïve, déjà vu")).isFalse();
    }

    @Test
    void theScriptIsJudgedOnTheOpeningOfALongText() {
        String text = "a".repeat(CleaningMode.SCRIPT_SAMPLE_CHARS) + "字".repeat(2 * CleaningMode.SCRIPT_SAMPLE_CHARS);
        assertThat(CleaningMode.bookRemovesMost(text)).isFalse();
        assertThat(CleaningMode.bookRemovesMost(new StringBuilder(text).reverse()))
                .isTrue();
    }

    @Test
    void linesSplitAsPythonReadlines() {
        assertThat(CleaningMode.splitLines("a\nb\n")).containsExactly("a", "b");
        assertThat(CleaningMode.splitLines("a\n\n\nb")).containsExactly("a", "", "", "b");
        assertThat(CleaningMode.splitLines("a\r\nb\rc")).containsExactly("a", "b", "c");
        assertThat(CleaningMode.splitLines("\n")).containsExactly("");
        assertThat(CleaningMode.splitLines("")).isEmpty();
    }

    @Test
    void emptyLinesStayEmptyStrings() {
        assertThat(CleaningMode.BOOK.cleanLines("I\n\n\nThe Time Traveller (for so\n", true))
                .containsExactly("i", "", "", "the time traveller for so");
    }

    @Test
    void byteOrderMarkIsDropped() {
        assertThat(CleaningMode.BOOK.cleanLines("\uFEFFHello\nWorld", true)).containsExactly("hello", "world");
        assertThat(CleaningMode.UNICODE.cleanLines("\uFEFF你好", false)).containsExactly("你好");
        assertThat(CleaningMode.splitLines("\uFEFFab")).containsExactly("ab");
    }

    @Test
    void unicodeModeKeepsLettersOfAnyScript() {
        assertThat(CleaningMode.UNICODE.cleanLine("时间机器，是一部小说。", false)).isEqualTo("时间机器 是一部小说");
        assertThat(CleaningMode.UNICODE.cleanLine("Café Über, 42 naïve!", true)).isEqualTo("café über naïve");
        assertThat(CleaningMode.UNICODE.cleanLine("Café Über", false)).isEqualTo("Café Über");
        assertThat(CleaningMode.UNICODE.cleanLine("Αθήνα–Москва", true)).isEqualTo("αθήνα москва");
    }

    @Test
    void unicodeModeKeepsCombiningMarksOnTheirLetter() {
        // "é" written as e + U+0301, and Hindi with vowel signs (category Mc/Mn)
        assertThat(CleaningMode.UNICODE.cleanLine("Cafe\u0301!", true)).isEqualTo("cafe\u0301");
        assertThat(CleaningMode.UNICODE.cleanLine("नमस्ते दुनिया", false)).isEqualTo("नमस्ते दुनिया");
        // a mark with no letter before it is dropped
        assertThat(CleaningMode.UNICODE.cleanLine("\u0301a", false)).isEqualTo("a");
    }

    @Test
    void unicodeModeHandlesCharactersOutsideTheBasicPlane() {
        // U+20000 is a CJK letter encoded as a surrogate pair; the emoji is not a letter
        assertThat(CleaningMode.UNICODE.cleanLine("\uD840\uDC00😀字", false)).isEqualTo("\uD840\uDC00 字");
    }
}
