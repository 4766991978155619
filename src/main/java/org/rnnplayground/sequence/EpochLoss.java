package org.rnnplayground.sequence;

/**
 * The loss after one epoch: the mean squared error {@code mean((y_hat - y)^2)} over all training
 * pairs, as the book's {@code evaluate_loss} prints it.
 *
 * @param model which model
 * @param epoch 1-based
 * @param loss the training loss
 */
public record EpochLoss(ModelKind model, int epoch, double loss) {}
