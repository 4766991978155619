package org.rnnplayground.text;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} keys to non-negative {@code int} values, without
 * boxing. Used to count n-grams and BPE pairs packed into one {@code long}. Not thread-safe; used
 * only while building immutable results.
 */
final class LongIntMap {
    private static final int ABSENT = -1;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    LongIntMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1;
        allocate(capacity);
    }

    /** Packs two non-negative ints into one key. */
    static long pack(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFF_FFFFL);
    }

    int size() {
        return size;
    }

    /**
     * @return the value stored for {@code key}, or -1 when absent
     */
    int get(long key) {
        int slot = slot(key);
        while (values[slot] != ABSENT) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return ABSENT;
    }

    /**
     * Stores {@code value} under {@code key} unless the key is present.
     *
     * @param value a non-negative value
     * @return the value already stored, or -1 if {@code value} was stored now
     */
    int putIfAbsent(long key, int value) {
        int slot = slot(key);
        while (values[slot] != ABSENT) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        if (++size * 2 > values.length) {
            grow();
        }
        return ABSENT;
    }

    private int slot(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L; // Fibonacci hashing, then fold the high bits in
        return (int) (h ^ (h >>> 29) ^ (h >>> 47)) & mask;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, ABSENT);
        mask = capacity - 1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldValues.length * 2);
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != ABSENT) {
                int slot = slot(oldKeys[i]);
                while (values[slot] != ABSENT) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
