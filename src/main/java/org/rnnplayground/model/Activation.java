package org.rnnplayground.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/** The hidden layer's nonlinearity {@code phi} in {@code H_t = phi(X_t W_xh + H_{t-1} W_hh + b_h)}. */
public enum Activation {
    /** The book's choice. */
    TANH {
        @Override
        void applyInPlace(INDArray a) {
            Nd4j.exec(new Tanh(a, a)); // in place
        }

        @Override
        void derivativeFromOutput(INDArray h, INDArray out) {
            // tanh'(a) = 1 - tanh(a)^2 = 1 - h^2
            out.assign(h);
            out.muli(h).rsubi(1.0); // in place on the scratch buffer
        }
    },
    /** {@code max(0, a)}; d2l's exercise. */
    RELU {
        @Override
        void applyInPlace(INDArray a) {
            Nd4j.exec(new RectifiedLinear(a, a)); // in place
        }

        @Override
        void derivativeFromOutput(INDArray h, INDArray out) {
            // relu'(a) = 1 where a > 0, i.e. where h > 0, else 0 (the subgradient 0 at a = 0)
            Nd4j.exec(new Step(h, out));
        }
    };

    /**
     * Replaces the pre-activations by the activations.
     *
     * @param a pre-activations, any shape; overwritten in place
     */
    abstract void applyInPlace(INDArray a);

    /**
     * Writes {@code phi'(a)} expressed through the output {@code h = phi(a)}.
     *
     * @param h activations, [n, num_hiddens]
     * @param out the derivative, same shape as {@code h}; overwritten
     */
    abstract void derivativeFromOutput(INDArray h, INDArray out);
}
