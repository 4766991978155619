package org.rnnplayground.model.concise;

/**
 * A recurrent layer whose backward pass can leave out {@code dL/dX}, the gradient with respect to
 * its input. Nothing reads that gradient for the bottom layer of one-hot inputs (no parameter lies
 * below it), and there it is a product as large as the input weights' gradient. {@link ConciseRnn}
 * turns it off for that layer; used alone, as DL4J does, a layer computes it.
 */
interface InputGradient {

    /**
     * Whether the backward pass computes {@code dL/dX}; when not, it returns null in its place.
     * True until set.
     */
    void inputGradientWanted(boolean wanted);
}
