package org.rnnplayground.model;

import java.time.Duration;

/**
 * What one epoch of training measured; immutable, safe to hand to another thread.
 *
 * @param epoch 1-based epoch number
 * @param perplexity {@code exp} of the mean cross-entropy over all predictions of the epoch
 * @param tokensPerSecond predictions per second of training time in this epoch
 * @param meanGradNorm mean over the epoch's minibatches of the global gradient norm before clipping
 * @param maxGradNorm the largest of those norms
 * @param clippedShare share of the epoch's minibatches whose gradient was clipped, in [0, 1]
 * @param minibatches minibatches trained on
 * @param tokens predictions made, minibatches * batch_size * num_steps
 * @param epochTime training time of this epoch
 * @param elapsed time since the run started, this epoch included
 */
public record EpochReport(
        int epoch,
        double perplexity,
        double tokensPerSecond,
        double meanGradNorm,
        double maxGradNorm,
        double clippedShare,
        int minibatches,
        long tokens,
        Duration epochTime,
        Duration elapsed) {}
