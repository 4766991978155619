package org.rnnplayground.sequence;

import java.util.Optional;
import java.util.Random;

/**
 * The book's data: {@code x_t = sin(0.01 t) + N(0, sigma^2)} for {@code t = 1, ..., T}.
 *
 * @param length the book's {@code T}, in [{@value #MIN_LENGTH}, {@value #MAX_LENGTH}]
 * @param sigma standard deviation of the noise, in [0, {@value #MAX_SIGMA}]
 * @param seed seed of the noise
 */
public record SineConfig(int length, double sigma, long seed) {

    public static final int MIN_LENGTH = 100;
    public static final int MAX_LENGTH = 100_000;
    public static final double MAX_SIGMA = 10;

    /** The book's defaults: {@code T = 1000}, {@code sigma = 0.2}, seed 0. */
    public static SineConfig book() {
        return new SineConfig(1000, 0.2, 0);
    }

    public SineConfig {
        problem(length, sigma).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** What is wrong with these values, if anything. */
    public static Optional<String> problem(int length, double sigma) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("T must be in [" + MIN_LENGTH + ", " + MAX_LENGTH + "], got " + length);
        }
        if (!(sigma >= 0 && sigma <= MAX_SIGMA)) {
            return Optional.of("sigma must be in [0, " + MAX_SIGMA + "], got " + sigma);
        }
        return Optional.empty();
    }

    /**
     * Draws the series. The noise comes from {@code java.util.Random(seed).nextGaussian()} in time
     * order, so a seed gives the same series on every machine.
     */
    public TimeSeries generate() {
        Random random = new Random(seed);
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            int t = TimeSeries.time(i);
            x[i] = Math.sin(0.01 * t) + sigma * random.nextGaussian();
        }
        return new TimeSeries("sin(0.01 t) + N(0, " + sigma + "²), T = " + length + ", seed " + seed, x);
    }
}
