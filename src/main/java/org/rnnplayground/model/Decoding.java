package org.rnnplayground.model;

/**
 * How generation picks the next token from the model's output distribution.
 *
 * @param greedy {@code true}: argmax, as d2l's {@code predict_ch8}; {@code false}: draw from
 *     {@code softmax(O / temperature)} (d2l exercise 8.5.3)
 * @param temperature positive; below 1 sharpens, above 1 flattens; ignored when greedy
 * @param seed seeds the draws, so a sampled generation can be repeated; ignored when greedy
 */
public record Decoding(boolean greedy, double temperature, long seed) {

    public Decoding {
        if (!greedy && (!(temperature > 0) || Double.isInfinite(temperature))) {
            throw new IllegalArgumentException("temperature must be a positive finite number, got " + temperature);
        }
    }

    /** Argmax at every step, as the book. */
    public static Decoding greedyArgmax() {
        return new Decoding(true, 1.0, 0L);
    }

    /** Sampling from {@code softmax(O / temperature)} with draws seeded by {@code seed}. */
    public static Decoding sampling(double temperature, long seed) {
        return new Decoding(false, temperature, seed);
    }
}
