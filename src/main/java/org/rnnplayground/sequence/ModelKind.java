package org.rnnplayground.sequence;

/** The regressors on offer. */
public enum ModelKind {
    /** The book's autoregressive MLP ({@link Mlp}). */
    MLP,
    /** The recurrent regressor of exercise 8.6.3 ({@link ScalarRnn}). */
    RNN;

    /**
     * Multiply-adds of one prediction from a window: the MLP's {@code tau h + h}, the RNN's {@code
     * tau (h + h h) + h} ({@code x_t W_xh + H_{t-1} W_hh} per step, then the head).
     */
    public long forwardMultiplyAdds(long tau, long numHiddens) {
        return switch (this) {
            case MLP -> tau * numHiddens + numHiddens;
            case RNN -> tau * (numHiddens + numHiddens * numHiddens) + numHiddens;
        };
    }

    /**
     * Numbers one row of a forward pass keeps for the backward pass: the MLP's hidden layer before
     * and after the activation, the RNN's states {@code H_0..H_tau} and the output.
     */
    public long activationNumbers(long tau, long numHiddens) {
        return switch (this) {
            case MLP -> 2 * numHiddens + 1;
            case RNN -> (tau + 1) * numHiddens + 1;
        };
    }

    /** A fresh, seeded model of this kind. */
    public TrainableRegressor create(FitConfig config) {
        return switch (this) {
            case MLP -> Mlp.create(config.tau(), config.numHiddens(), config.seed());
            case RNN -> ScalarRnn.create(config.tau(), config.numHiddens(), config.seed());
        };
    }
}
