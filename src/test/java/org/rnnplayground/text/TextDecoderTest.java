package org.rnnplayground.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rnnplayground.text.TextDecoder.Problem;
import org.rnnplayground.text.TextDecoder.RejectedText;

class TextDecoderTest {

    private static Problem problemOf(byte[] bytes, long max) {
        return assertThrows(RejectedText.class, () -> TextDecoder.decode(bytes, max)).problem();
    }

    @Test
    void acceptsUtf8AndStripsTheByteOrderMarkAndNormalisesLineEnds() throws Exception {
        byte[] withBom = "\uFEFFthe time\r\nmachine 时间机器\r".getBytes(StandardCharsets.UTF_8);
        assertEquals("the time\nmachine 时间机器\n", TextDecoder.decode(withBom, 1000));
    }

    @Test
    void refusesEmptyFilesAndAByteOrderMarkAlone() {
        assertEquals(Problem.EMPTY, problemOf(new byte[0], 10));
        assertEquals(Problem.EMPTY, problemOf(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 10));
    }

    @Test
    void refusesFilesOverTheLimitAndReportsTheirSize() throws Exception {
        byte[] eleven = "abcdefghijk".getBytes(StandardCharsets.UTF_8);
        var e = assertThrows(RejectedText.class, () -> TextDecoder.decode(eleven, 10));
        assertEquals(Problem.TOO_LARGE, e.problem());
        assertEquals(11, e.detail());
        assertEquals("abcdefghijk", TextDecoder.decode(eleven, 11));
    }

    @Test
    void refusesBinaryContent() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertEquals(Problem.BINARY, problemOf(png, 100));
        byte[] nul = "text\0more".getBytes(StandardCharsets.UTF_8);
        var e = assertThrows(RejectedText.class, () -> TextDecoder.decode(nul, 100));
        assertEquals(4, e.detail());
    }

    @Test
    void refusesOtherEncodingsAndPointsAtTheFirstBadByte() {
        byte[] latin1 = "café au lait".getBytes(Charset.forName("ISO-8859-1"));
        var e = assertThrows(RejectedText.class, () -> TextDecoder.decode(latin1, 100));
        assertEquals(Problem.NOT_UTF8, e.problem());
        assertTrue(e.detail() <= 3 && e.detail() >= 0, "bad byte at 3, reported " + e.detail());
        byte[] gbk = "时间机器".getBytes(Charset.forName("GBK"));
        assertEquals(Problem.NOT_UTF8, problemOf(gbk, 100));
    }

    @Test
    void refusesTextWithoutAnyLetter() {
        assertEquals(Problem.NO_LETTERS, problemOf("12345 !!! ...".getBytes(StandardCharsets.UTF_8), 100));
    }
}
