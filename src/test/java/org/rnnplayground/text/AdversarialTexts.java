package org.rnnplayground.text;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Random;

/**
 * Texts of the shapes a hostile visitor sends (generated here, never third-party text), and the
 * heap they cost. Public so the view tests use the same texts.
 */
public final class AdversarialTexts {
    private AdversarialTexts() {}

    /** @return {@code n} distinct words ("a", "b", ..., "aa", ...; letters only), 16 to a line */
    public static String distinctWords(int n) {
        StringBuilder text = new StringBuilder(n * 6);
        for (int i = 0; i < n; i++) {
            int v = i + 1; // bijective base 26: a..z, aa..zz, ...
            while (v > 0) {
                v--;
                text.append((char) ('a' + v % 26));
                v /= 26;
            }
            text.append(i % 16 == 15 ? '\n' : ' '); // (letters come least significant first; still distinct)
        }
        return text.toString();
    }

    /** @return about {@code chars} characters of seeded random words (1 to 12 letters) on one line, no line break */
    public static String singleLine(int chars, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(chars + 16);
        while (text.length() < chars) {
            int length = 1 + random.nextInt(12);
            for (int k = 0; k < length; k++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(' ');
        }
        return text.toString();
    }

    /** @return about {@code chars} characters of seeded random words, in lines of about 70 characters */
    public static String prose(int chars, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(chars + 16);
        int lineStart = 0;
        while (text.length() < chars) {
            int length = 1 + random.nextInt(9);
            for (int k = 0; k < length; k++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            if (text.length() - lineStart > 70) {
                text.append('\n');
                lineStart = text.length();
            } else {
                text.append(' ');
            }
        }
        return text.toString();
    }

    /** @return {@code chars} seeded random letters without any space: one giant word */
    public static String oneWord(int chars, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(chars);
        for (int k = 0; k < chars; k++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** @return {@code ch} repeated {@code count} times */
    public static String repeated(char ch, int count) {
        return String.valueOf(ch).repeat(count);
    }

    /** @return bytes of heap in use after a full collection */
    public static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Bytes of heap in use once the server's background work has let go of what it held: the
     * least of {@link #usedHeap} taken every 100 ms until two readings agree within 1 MB (at most
     * 2 s). A task that has just handed over its result may still hold its intermediate arrays for
     * a moment; they are not what a page keeps.
     */
    public static long settledHeap() throws InterruptedException {
        long least = usedHeap();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(100);
            long now = usedHeap();
            boolean settled = Math.abs(now - least) < 1024 * 1024;
            least = Math.min(least, now);
            if (settled) {
                break;
            }
        }
        return least;
    }

    /** Starts measuring the peak of the heap from now. */
    public static void resetPeak() {
        usedHeap();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * @return an upper bound of the heap used at any moment since {@link #resetPeak()}: the sum of
     *     the heap pools' peaks (the pools may peak at different moments)
     */
    public static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
