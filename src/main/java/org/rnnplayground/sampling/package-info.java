/**
 * Minibatches for language models (d2l 8.3.4): random sampling and sequential partitioning.
 *
 * <p>Both methods follow the book's {@code seq_data_iter_random} and {@code
 * seq_data_iter_sequential} exactly: the same random offset ({@code [0, numSteps - 1]} for
 * random sampling, {@code [0, numSteps]} for sequential partitioning), the same number of
 * subsequences and of minibatches, and labels {@code Y} that are the inputs {@code X} shifted by
 * one corpus position.
 *
 * <p>Axis order: every minibatch array is {@code [batch_size][num_steps]}, row {@code i} being one
 * subsequence of the corpus and column {@code t} a time step. Positions ({@link
 * org.rnnplayground.sampling.Minibatch#rowStarts()}, {@link
 * org.rnnplayground.sampling.EpochLayout#offset()}) always index the original corpus, before the
 * offset is cut off.
 *
 * <p>Entry points: {@link org.rnnplayground.sampling.Samplers#epoch} for one epoch's whole layout,
 * {@link org.rnnplayground.sampling.Samplers#iterator} for training, {@link
 * org.rnnplayground.sampling.SamplerConfig} for what the UI may accept, and {@link
 * org.rnnplayground.sampling.Samplers#coverage} for d2l exercise 8.3.5. Randomness comes only from
 * a passed-in {@link java.util.random.RandomGenerator}; {@link
 * org.rnnplayground.sampling.Samplers#rng(long)} makes the reproducible one from a seed.
 *
 * <p>This package imports neither Vaadin nor Spring.
 */
package org.rnnplayground.sampling;
