package org.rnnplayground.model;

/**
 * The hidden layer's nonlinearity {@code phi} in {@code H_t = phi(X_t W_xh + H_{t-1} W_hh + b_h)}.
 *
 * <p>Both directions run on {@link HostMirror} row blocks, element by element, in loops the JIT
 * vectorises: one step's block is a few thousand elements, too small for a native op call to pay
 * off (see {@link HostMirror}).
 */
public enum Activation {
    /** The book's choice. */
    TANH {
        @Override
        void apply(float[] a, int from, int to) {
            for (int i = from; i < to; i++) {
                a[i] = tanh(a[i]);
            }
        }

        @Override
        void apply(double[] a, int from, int to) {
            for (int i = from; i < to; i++) {
                a[i] = Math.tanh(a[i]);
            }
        }

        @Override
        void backprop(float[] d, int dFrom, float[] h, int hFrom, int length) {
            for (int k = 0; k < length; k++) {
                float hk = h[hFrom + k];
                d[dFrom + k] *= 1f - hk * hk; // tanh'(a) = 1 - tanh(a)^2 = 1 - h^2
            }
        }

        @Override
        void backprop(double[] d, int dFrom, double[] h, int hFrom, int length) {
            for (int k = 0; k < length; k++) {
                double hk = h[hFrom + k];
                d[dFrom + k] *= 1 - hk * hk;
            }
        }
    },
    /** {@code max(0, a)}; d2l's exercise. */
    RELU {
        @Override
        void apply(float[] a, int from, int to) {
            for (int i = from; i < to; i++) {
                a[i] = Math.max(0f, a[i]);
            }
        }

        @Override
        void apply(double[] a, int from, int to) {
            for (int i = from; i < to; i++) {
                a[i] = Math.max(0, a[i]);
            }
        }

        @Override
        void backprop(float[] d, int dFrom, float[] h, int hFrom, int length) {
            // relu'(a) = 1 where a > 0, i.e. where h > 0, else 0 (the subgradient 0 at a = 0)
            for (int k = 0; k < length; k++) {
                d[dFrom + k] = h[hFrom + k] > 0f ? d[dFrom + k] : 0f;
            }
        }

        @Override
        void backprop(double[] d, int dFrom, double[] h, int hFrom, int length) {
            for (int k = 0; k < length; k++) {
                d[dFrom + k] = h[hFrom + k] > 0 ? d[dFrom + k] : 0;
            }
        }
    };

    /**
     * Replaces the pre-activations in rows {@code [from, to)} of the host copy by the activations, in
     * place on the host copy (the caller pushes them back).
     *
     * @param a pre-activations, [rows, num_hiddens]
     */
    public final void apply(HostMirror a, int from, int to) {
        if (a.floats != null) {
            apply(a.floats, a.index(from), a.index(to));
        } else {
            apply(a.doubles, a.index(from), a.index(to));
        }
    }

    /**
     * Backpropagates through {@code phi} for the rows of one step: {@code dA = dH * phi'(A)}, with
     * {@code phi'} expressed through the output {@code H = phi(A)}; in place on {@code dH}'s host copy.
     *
     * @param dH {@code dL/dH}, [rows, num_hiddens]; rows {@code [dRow, dRow + rows)} become {@code dL/dA}
     * @param h the activations, [rows', num_hiddens]; rows {@code [hRow, hRow + rows)} are read
     */
    public final void backprop(HostMirror dH, int dRow, HostMirror h, int hRow, int rows) {
        int length = dH.index(rows);
        if (dH.floats != null) {
            backprop(dH.floats, dH.index(dRow), h.floats, h.index(hRow), length);
        } else {
            backprop(dH.doubles, dH.index(dRow), h.doubles, h.index(hRow), length);
        }
    }

    abstract void apply(float[] a, int from, int to);

    abstract void apply(double[] a, int from, int to);

    abstract void backprop(float[] d, int dFrom, float[] h, int hFrom, int length);

    abstract void backprop(double[] d, int dFrom, double[] h, int hFrom, int length);

    /** Largest |a| at which {@link #tanh(float)} still evaluates its rational function (Eigen's bound). */
    private static final float TANH_CLAMP = 7.90531110763549805f;

    /**
     * {@code tanh} in float32 as a rational function (Eigen's {@code ptanh_float}; the [13/6] minimax
     * approximation with saturation), in plain arithmetic the JIT vectorises. Within a few ulp of
     * {@code (float) Math.tanh(a)} (checked in {@code ActivationTest}); libnd4j's scalar kernel was
     * the single largest cost per step after the products.
     */
    public static float tanh(float a) {
        float x = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, a));
        float x2 = x * x;
        float p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
        p = x2 * p + -8.60467152213735e-11f;
        p = x2 * p + 5.12229709037114e-08f;
        p = x2 * p + 1.48572235717979e-05f;
        p = x2 * p + 6.37261928875436e-04f;
        p = x2 * p + 4.89352455891786e-03f;
        p = x * p;
        float q = x2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
        q = x2 * q + 2.26843463243900e-03f;
        q = x2 * q + 4.89352518554385e-03f;
        return p / q; // no branch (Eigen returns a itself for |a| < 4e-4): a branch stops the vectorising
    }
}
