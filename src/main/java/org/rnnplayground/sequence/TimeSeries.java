package org.rnnplayground.sequence;

import java.util.Arrays;

/**
 * A univariate series {@code x_1, ..., x_T}; index {@code i} holds {@code x} at time {@code t = i +
 * 1}, as the book's {@code time = arange(1, T + 1)}.
 *
 * @param name where it came from (a file name, or a description of the generated sine)
 * @param values the observations, length {@code T} (copied in and out)
 */
public record TimeSeries(String name, double[] values) {

    public TimeSeries {
        if (name == null) {
            throw new IllegalArgumentException("a series needs a name");
        }
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a series needs at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + (i + 1) + " is not a finite number: " + values[i]);
            }
        }
        values = values.clone();
    }

    /** A copy of the values, length {@code T}. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The book's {@code T}. */
    public int length() {
        return values.length;
    }

    /** {@code x} at index {@code i} (time {@code i + 1}). */
    public double at(int i) {
        return values[i];
    }

    /** The time of index {@code i}: {@code i + 1}. */
    public static int time(int i) {
        return i + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries other && name.equals(other.name) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TimeSeries[" + name + ", T=" + values.length + "]";
    }
}
