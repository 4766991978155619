package org.rnnplayground.sequence;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A model that predicts the next value of a series from a window of {@code tau} past values. */
public interface Regressor {

    /** The window length the model reads. */
    int tau();

    /**
     * @param features windows, [n, tau], oldest value first
     * @return predictions of the value after each window, [n, 1]
     */
    INDArray predict(INDArray features);
}
