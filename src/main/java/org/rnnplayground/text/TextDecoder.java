package org.rnnplayground.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns uploaded bytes into text, or says exactly why not. Accepted: non-empty UTF-8 (with or
 * without a byte-order mark) up to a size limit, that is not binary. Line endings are normalised to
 * {@code \n}.
 */
public final class TextDecoder {

    /** Why bytes were refused. */
    public enum Problem {
        EMPTY,
        TOO_LARGE,
        BINARY,
        NOT_UTF8,
        NO_LETTERS
    }

    /** Refused input: the problem, and a detail value for the message (a size, a byte offset). */
    public static final class RejectedText extends Exception {
        private final Problem problem;
        private final long detail;

        public RejectedText(Problem problem, long detail) {
            super(problem + " (" + detail + ")");
            this.problem = problem;
            this.detail = detail;
        }

        public Problem problem() {
            return problem;
        }

        /**
         * TOO_LARGE: the size in bytes, or -1 when the input was cut off unread after the limit and
         * its size is not known; BINARY and NOT_UTF8: the byte offset of the first bad byte. */
        public long detail() {
            return detail;
        }
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TextDecoder() {}

    /**
     * Decodes and checks uploaded bytes.
     *
     * @param bytes the file's content
     * @param maxBytes the largest accepted size
     * @return the text, without a byte-order mark, with {@code \n} line endings
     * @throws RejectedText with the reason it cannot be used
     */
    public static String decode(byte[] bytes, long maxBytes) throws RejectedText {
        if (bytes.length > maxBytes) {
            throw new RejectedText(Problem.TOO_LARGE, bytes.length);
        }
        int start = hasBom(bytes) ? BOM.length : 0;
        if (bytes.length - start == 0) {
            throw new RejectedText(Problem.EMPTY, 0);
        }
        int nul = indexOfControlByte(bytes, start);
        if (nul >= 0) {
            throw new RejectedText(Problem.BINARY, nul);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RejectedText(Problem.NOT_UTF8, firstInvalidUtf8(bytes, start));
        }
        if (text.codePoints().noneMatch(Character::isLetter)) {
            throw new RejectedText(Problem.NO_LETTERS, 0);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Reads an upload as a stream, never holding more than {@code maxBytes + 1} bytes of it, and
     * decodes it as {@link #decode(byte[], long)} does. A declared size over the limit is refused
     * before anything is read.
     *
     * @param in the upload's content; read up to the limit, not closed
     * @param declaredSize the size the client announced (its {@code Content-Length}), or -1 if unknown
     * @param maxBytes the largest accepted size
     * @return the text, without a byte-order mark, with {@code \n} line endings
     * @throws RejectedText with the reason it cannot be used; TOO_LARGE carries the declared size,
     *     or -1 when the stream ran past the limit without having announced it
     * @throws IOException when the stream fails (the client went away)
     */
    public static String decode(InputStream in, long declaredSize, long maxBytes) throws RejectedText, IOException {
        if (declaredSize > maxBytes) {
            throw new RejectedText(Problem.TOO_LARGE, declaredSize);
        }
        int expected = (int) Math.min(Math.max(declaredSize, 0), maxBytes);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(expected, 8192));
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new RejectedText(Problem.TOO_LARGE, -1); // more than it announced, or nothing announced
            }
            bytes.write(buffer, 0, n);
        }
        return decode(bytes.toByteArray(), maxBytes);
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 3 && b[0] == BOM[0] && b[1] == BOM[1] && b[2] == BOM[2];
    }

    /** NUL and other C0 controls that never occur in text (tab, newlines, form feed are fine). */
    private static int indexOfControlByte(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            int v = b[i] & 0xFF;
            if (v < 0x20 && v != '\t' && v != '\n' && v != '\r' && v != '\f' && v != 0x1B) {
                return i;
            }
        }
        return -1;
    }

    private static long firstInvalidUtf8(byte[] b, int from) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int lo = from;
        int hi = b.length;
        // binary search the shortest prefix that fails; prefixes may end inside a character, so
        // report the first offset whose prefix cannot be completed
        while (hi - lo > 4) {
            int mid = (lo + hi) >>> 1;
            try {
                decoder.reset().decode(ByteBuffer.wrap(b, from, mid - from));
                lo = mid;
            } catch (CharacterCodingException e) {
                hi = mid;
            }
        }
        return lo;
    }
}
