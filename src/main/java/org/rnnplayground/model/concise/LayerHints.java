package org.rnnplayground.model.concise;

import org.rnnplayground.model.Lane;

/**
 * What {@link ConciseRnn} tells a recurrent layer beyond DL4J's layer API, read by the layer at each
 * pass. A layer used alone, as DL4J does, keeps the defaults: it computes {@code dL/dX}, reads the
 * tokens back from a one-hot input and works on its own thread. Not thread-safe: set between
 * passes, by the thread that runs them.
 */
final class LayerHints {

    /** A recurrent layer that takes hints. */
    interface Taker {
        LayerHints hints();
    }

    private boolean inputGradientWanted = true;
    private ConciseInputs.OneHotTokens inputTokens;
    private Lane lane = Lane.NONE;

    /**
     * Whether the backward pass computes {@code dL/dX}, the gradient with respect to the layer's
     * input; when not, it returns null in its place. Nothing reads that gradient for the bottom layer
     * of one-hot inputs (no parameter lies below it), and there it is a product as large as the input
     * weights' gradient.
     */
    boolean inputGradientWanted() {
        return inputGradientWanted;
    }

    void inputGradientWanted(boolean wanted) {
        inputGradientWanted = wanted;
    }

    /**
     * The tokens of the one-hot array the next passes take, so that the layer need not read them
     * back from it (a pass over {@code B V T} numbers); ignored for any other input array. Null if
     * none are known.
     */
    ConciseInputs.OneHotTokens inputTokens() {
        return inputTokens;
    }

    void inputTokens(ConciseInputs.OneHotTokens tokens) {
        inputTokens = tokens;
    }

    /**
     * The current step's second thread, on which a layer large enough for it ({@link Lane#pays})
     * makes its weight gradients ({@link LaneGradients}); {@link Lane#NONE} between steps.
     */
    Lane lane() {
        return lane;
    }

    void lane(Lane lane) {
        this.lane = lane;
    }
}
