package org.rnnplayground.model.concise;

/**
 * A recurrent layer that can take one-hot inputs, told by {@link ConciseRnn} what it knows of them.
 * Used alone, as DL4J does, a layer reads the tokens back from a one-hot input and computes {@code
 * dL/dX}.
 */
interface OneHotInput {

    /**
     * Whether the backward pass computes {@code dL/dX}, the gradient with respect to the layer's
     * input; when not, it returns null in its place. True until set. Nothing reads that gradient for
     * the bottom layer of one-hot inputs (no parameter lies below it), and there it is a product as
     * large as the input weights' gradient.
     */
    void inputGradientWanted(boolean wanted);

    /**
     * The tokens of the one-hot array the next passes take, so that the layer need not read them
     * back from it (a pass over {@code B V T} numbers); ignored for any other input array.
     *
     * @param tokens the array and its tokens, or null
     */
    void inputTokens(ConciseInputs.OneHotTokens tokens);
}
