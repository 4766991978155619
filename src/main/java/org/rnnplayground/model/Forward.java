package org.rnnplayground.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of a forward pass over one minibatch.
 *
 * @param outputs logits stacked time-major, [num_steps * batch_size, vocab_size]; row
 *     {@code t * batch_size + i} is step {@code t} of row {@code i}; a fresh array
 * @param state the state after the last step; a fresh copy
 */
public record Forward(INDArray outputs, State state) {}
