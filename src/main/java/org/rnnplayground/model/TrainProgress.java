package org.rnnplayground.model;

import java.time.Duration;

/**
 * Progress inside an epoch, reported every few minibatches so that a long epoch is not a silent
 * one; immutable, safe to hand to another thread.
 *
 * @param epochs epochs done, with the fraction of the current one: epoch 3 half done is 2.5
 * @param perplexity {@code exp} of the mean cross-entropy over this epoch's minibatches so far
 *     (equal to the epoch's perplexity after its last minibatch); infinite at an overflow
 * @param tokensPerSecond predictions per second of training time in this epoch so far
 * @param gradNorm global gradient norm before clipping of the latest minibatch
 * @param elapsed time since the run started
 * @param overflow true for the point where the loss overflowed (the run diverged there)
 */
public record TrainProgress(
        double epochs,
        double perplexity,
        double tokensPerSecond,
        double gradNorm,
        Duration elapsed,
        boolean overflow) {}
