package org.rnnplayground.text;

import java.util.Arrays;

/**
 * An open-addressing hash map from strings to non-negative ints, without an entry object or a boxed
 * value per key: a text of a million distinct words holds a million of each otherwise. A key can
 * also be looked up as a span of a longer string, so a word seen before needs no substring.
 */
final class StringIntMap {
    /** What {@link #get} returns for a key that is not in the map; never a value. */
    static final int ABSENT = -1;

    private String[] keys;
    private int[] hashes;
    private int[] values;
    private int mask;
    private int shift;
    private int size;

    /** @param expectedSize keys expected; the map grows beyond it */
    StringIntMap(int expectedSize) {
        allocate(Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1);
    }

    int size() {
        return size;
    }

    /** @return the value of {@code key}, or {@link #ABSENT} */
    int get(String key) {
        int h = key.hashCode();
        for (int slot = slot(h); values[slot] != ABSENT; slot = (slot + 1) & mask) {
            if (hashes[slot] == h && keys[slot].equals(key)) {
                return values[slot];
            }
        }
        return ABSENT;
    }

    /** @return the value of the key {@code text.substring(from, to)}, or {@link #ABSENT}; no substring is made */
    int get(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i); // String.hashCode's formula
        }
        int length = to - from;
        for (int slot = slot(h); values[slot] != ABSENT; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (hashes[slot] == h && key.length() == length && key.regionMatches(0, text, from, length)) {
                return values[slot];
            }
        }
        return ABSENT;
    }

    /**
     * Maps {@code key} to {@code value} unless it is mapped already.
     *
     * @param value at least 0
     * @return the value the key had, or {@link #ABSENT} when it is new
     */
    int putIfAbsent(String key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values are at least 0, got " + value);
        }
        int h = key.hashCode();
        int slot = slot(h);
        for (; values[slot] != ABSENT; slot = (slot + 1) & mask) {
            if (hashes[slot] == h && keys[slot].equals(key)) {
                return values[slot];
            }
        }
        keys[slot] = key;
        hashes[slot] = h;
        values[slot] = value;
        if (++size * 2 > values.length) {
            grow();
        }
        return ABSENT;
    }

    private int slot(int hash) {
        return (hash * 0x9E37_79B9) >>> shift; // Fibonacci hashing: the top bits of the product mix all of the hash's
    }

    private void allocate(int capacity) {
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new int[capacity];
        Arrays.fill(values, ABSENT);
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldValues = values;
        allocate(oldValues.length * 2);
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != ABSENT) {
                int slot = slot(oldHashes[i]);
                while (values[slot] != ABSENT) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                hashes[slot] = oldHashes[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
