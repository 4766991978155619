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
        return assertThrows(RejectedText.class, () -> TextDecoder.decode(bytes, max))
                .problem();
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

    /** A stream of {@code size} letters that counts what was read from it. */
    private static final class CountingLetters extends java.io.InputStream {
        private final long size;
        long read;

        CountingLetters(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read < size ? 'a' + (int) (read++ % 26) : -1;
        }
    }

    @Test
    void aStreamIsReadOnlyUpToTheLimit() throws Exception {
        CountingLetters announced = new CountingLetters(5000);
        RejectedText tooLarge = assertThrows(RejectedText.class, () -> TextDecoder.decode(announced, 5000, 1000));
        assertEquals(Problem.TOO_LARGE, tooLarge.problem());
        assertEquals(5000, tooLarge.detail());
        assertEquals(0, announced.read, "an announced size over the limit is refused before reading");

        CountingLetters unannounced = new CountingLetters(1_000_000);
        RejectedText cutOff = assertThrows(RejectedText.class, () -> TextDecoder.decode(unannounced, -1, 1000));
        assertEquals(-1, cutOff.detail());
        // reading stops within one 64 KB buffer after the limit
        assertTrue(unannounced.read > 1000 && unannounced.read <= 1000 + 64 * 1024, "read " + unannounced.read);

        assertEquals(
                "café",
                TextDecoder.decode(new java.io.ByteArrayInputStream("café".getBytes(StandardCharsets.UTF_8)), -1, 10));
        CountingLetters within = new CountingLetters(1000);
        assertEquals(1000, TextDecoder.decode(within, 1000, 1000).length());
    }
}
