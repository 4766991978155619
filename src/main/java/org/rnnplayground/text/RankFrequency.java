package org.rnnplayground.text;

/**
 * One point of a frequency-against-rank plot (d2l 8.3.2, Zipf's law).
 *
 * @param rank 1-based rank, 1 being the most frequent
 * @param frequency the count at that rank
 */
public record RankFrequency(int rank, int frequency) {}
