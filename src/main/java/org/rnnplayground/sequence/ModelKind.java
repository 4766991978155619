package org.rnnplayground.sequence;

/** The regressors on offer. */
public enum ModelKind {
    /** The book's autoregressive MLP ({@link Mlp}). */
    MLP,
    /** The recurrent regressor of exercise 8.6.3 ({@link ScalarRnn}). */
    RNN;

    /** A fresh, seeded model of this kind. */
    public TrainableRegressor create(FitConfig config) {
        return switch (this) {
            case MLP -> Mlp.create(config.tau(), config.numHiddens(), config.seed());
            case RNN -> ScalarRnn.create(config.tau(), config.numHiddens(), config.seed());
        };
    }
}
