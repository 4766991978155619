/**
 * Inside the RNN (d2l 8.4 to 8.7, 9.1, 9.2): what a run's model computes on a passage of its text —
 * each unit's hidden state, an LSTM's memory cell and gates, the top next tokens and the model's
 * surprise — and how the gradient travels back through time on one minibatch.
 *
 * <p>Everything comes from the models' own forward and backward code: {@link
 * org.rnnplayground.model.CharModel#channels} and {@link
 * org.rnnplayground.model.CharModel#probeGradients}; this package only reads and summarises. A passage
 * is one row ({@code batch_size = 1}); arrays follow the model package's axis order (time-major,
 * rows are examples). Every size is bounded by {@link org.rnnplayground.inside.InsideLimits}.
 *
 * <p>This package imports neither Vaadin nor Spring.
 */
package org.rnnplayground.inside;
