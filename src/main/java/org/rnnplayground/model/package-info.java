/**
 * The character-level recurrent neural network of d2l section 8.5, written from scratch on ND4J:
 * parameters, forward pass, backpropagation through time, cross-entropy loss, gradient clipping,
 * SGD, epoch training and generation (d2l {@code predict_ch8}).
 *
 * <h2>Axis order of ND4J arrays</h2>
 *
 * <p>Every matrix is row-major ({@code 'c'} order) and follows the book's layout: rows are examples,
 * columns are features. So a hidden state is {@code [batch_size, num_hiddens]}, a block of logits is
 * {@code [batch_size, vocab_size]}, and {@code W_xh} is {@code [vocab_size, num_hiddens]} so that
 * {@code H_t = phi(X_t W_xh + H_{t-1} W_hh + b_h)} reads left to right as in the book. Biases are
 * vectors {@code [n]} broadcast over rows.
 *
 * <p>Sequences are stacked <b>time-major</b>: the outputs of one minibatch form
 * {@code [num_steps * batch_size, vocab_size]}, with row {@code t * batch_size + i} holding step
 * {@code t} of row {@code i} of the minibatch, exactly as the book's {@code torch.cat(outputs)}; the
 * labels are flattened in the same order ({@code Y.T.reshape(-1)}). The hidden states of all steps
 * live in one buffer {@code [(num_steps + 1) * batch_size, num_hiddens]} whose first block is the
 * state carried in, so {@code H_{t-1}} and {@code H_t} are contiguous row blocks of it.
 *
 * <p>Inputs are token indices ({@code int[batch_size][num_steps]}); the one-hot product
 * {@code X_t W_xh} is computed as a row gather of {@code W_xh}, which gives the same numbers.
 *
 * <p>This package imports neither Vaadin nor Spring.
 */
package org.rnnplayground.model;
