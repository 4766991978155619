package org.rnnplayground.model.concise;

/**
 * The elementwise part of one GRU step, forward and backward, on the host copies of a {@link
 * GruWorkspace}; the matrix products around it are {@link GruLayer}'s.
 *
 * <p>Per element of {@code [batch_size, num_hiddens]}, with {@code G = X_t W + b} and {@code A =
 * H_{t-1} RW} split into the reset, update and candidate blocks:
 *
 * <pre>
 *   R = sigmoid(G_r + A_r)    Z = sigmoid(G_z + A_z)    N = tanh(G_n + R * A_n)
 *   H_t = Z * H_{t-1} + (1 - Z) * N  =  N + Z * (H_{t-1} - N)
 * </pre>
 *
 * and backwards, from {@code dH = dL/dH_t}:
 *
 * <pre>
 *   dG_n = dH (1 - Z) (1 - N^2)          dA_n = dG_n * R
 *   dG_z = dH (H_{t-1} - N) Z (1 - Z)    dA_z = dG_z
 *   dG_r = dG_n A_n R (1 - R)            dA_r = dG_r
 *   dL/dH_{t-1} = dH * Z + dA RW^T   (the product is the layer's)
 * </pre>
 *
 * Loops over contiguous rows of plain arrays: one step's block is a few thousand elements, too
 * small for an ND4J op call (several microseconds each) to pay off. Each pass is written once per
 * primitive type, the same lines over {@code float[]} for float32 networks (half the bytes, twice
 * the vector lanes) and {@code double[]} for float64 ones ({@code CellTypesAgreeTest} holds the two
 * together), as {@link org.rnnplayground.model.Activation} is.
 */
final class GruCell {

    private GruCell() {}

    /**
     * Step {@code t} forward: reads {@code G} (block {@code t} of {@code gates}), {@code A} (block
     * {@code t} of {@code recurrent}) and {@code H_{t-1}} (block {@code t} of {@code h}); writes
     * {@code R | Z | N} over {@code G} and {@code H_t} into block {@code t + 1} of {@code h}, in
     * place on the host copies.
     */
    static void forward(GruWorkspace ws, int t) {
        int from = ws.row(t), to = ws.row(t + 1), nh = ws.numHiddens, ahead = ws.batchSize * nh;
        if (ws.gates.floats() != null) {
            forward(ws.gates.floats(), ws.recurrent.floats(), ws.h.floats(), ws.carry.floats(), from, to, nh, ahead);
        } else {
            forward(
                    ws.gates.doubles(),
                    ws.recurrent.doubles(),
                    ws.h.doubles(),
                    ws.carry.doubles(),
                    from,
                    to,
                    nh,
                    ahead);
        }
    }

    /** Rows {@code [from, to)}: {@code g} gates, {@code a} recurrent products, {@code h} states, {@code carry} a row. */
    private static void forward(float[] g, float[] a, float[] h, float[] carry, int from, int to, int nh, int ahead) {
        int gateCols = GruParams.GATES * nh;
        for (int i = from; i < to; i++) {
            int gr = i * gateCols, gz = gr + nh, gn = gz + nh; // reset, update, candidate of row i
            int prev = i * nh, next = prev + ahead; // H_{t-1} and H_t of row i
            for (int j = 0; j < 2 * nh; j++) {
                g[gr + j] += a[gr + j]; // G_r + A_r | G_z + A_z
            }
            GateMath.sigmoid(g, gr, gn); // R | Z
            for (int j = 0; j < nh; j++) {
                g[gn + j] += g[gr + j] * a[gn + j]; // G_n + R * A_n
            }
            GateMath.tanh(g, gn, gn + nh); // N
            for (int j = 0; j < nh; j++) { // into a row of its own, then copied: see backward
                float n = g[gn + j];
                carry[j] = n + g[gz + j] * (h[prev + j] - n);
            }
            System.arraycopy(carry, 0, h, next, nh); // H_t
        }
    }

    /** The same lines as the float32 pass, in float64. */
    private static void forward(
            double[] g, double[] a, double[] h, double[] carry, int from, int to, int nh, int ahead) {
        int gateCols = GruParams.GATES * nh;
        for (int i = from; i < to; i++) {
            int gr = i * gateCols, gz = gr + nh, gn = gz + nh;
            int prev = i * nh, next = prev + ahead;
            for (int j = 0; j < 2 * nh; j++) {
                g[gr + j] += a[gr + j];
            }
            GateMath.sigmoid(g, gr, gn);
            for (int j = 0; j < nh; j++) {
                g[gn + j] += g[gr + j] * a[gn + j];
            }
            GateMath.tanh(g, gn, gn + nh);
            for (int j = 0; j < nh; j++) {
                double n = g[gn + j];
                carry[j] = n + g[gz + j] * (h[prev + j] - n);
            }
            System.arraycopy(carry, 0, h, next, nh);
        }
    }

    /**
     * Step {@code t} backward: reads {@code dL/dH_t} (block {@code t} of {@code dH}), the gates and
     * {@code A} of step {@code t} and {@code H_{t-1}}; writes {@code dG} and {@code dA} into block
     * {@code t} of {@code dGates} and {@code dRecurrent}, and, if {@code toPrevious}, adds {@code dH *
     * Z} to block {@code t - 1} of {@code dH}; in place on the host copies.
     */
    static void backward(GruWorkspace ws, int t, boolean toPrevious) {
        int from = ws.row(t), to = ws.row(t + 1), nh = ws.numHiddens;
        if (ws.gates.floats() != null) {
            backward(
                    ws.gates.floats(),
                    ws.recurrent.floats(),
                    ws.h.floats(),
                    ws.dH.floats(),
                    ws.dGates.floats(),
                    ws.dRecurrent.floats(),
                    ws.carry.floats(),
                    from,
                    to,
                    nh);
        } else {
            backward(
                    ws.gates.doubles(),
                    ws.recurrent.doubles(),
                    ws.h.doubles(),
                    ws.dH.doubles(),
                    ws.dGates.doubles(),
                    ws.dRecurrent.doubles(),
                    ws.carry.doubles(),
                    from,
                    to,
                    nh);
        }
        if (toPrevious) { // dL/dH_{t-1} += dH * Z
            int back = (to - from) * nh;
            if (ws.dH.floats() != null) {
                addTo(ws.dH.floats(), from * nh - back, ws.carry.floats(), back);
            } else {
                addTo(ws.dH.doubles(), from * nh - back, ws.carry.doubles(), back);
            }
        }
    }

    /**
     * Rows {@code [from, to)} of one step: {@code dG} and {@code dA} from {@code dH}, the gates
     * {@code g}, the recurrent products {@code a} and {@code H_{t-1}} (the same rows of {@code h});
     * {@code dH * Z} into {@code carry}, [B * h].
     */
    private static void backward(
            float[] g,
            float[] a,
            float[] h,
            float[] dH,
            float[] dG,
            float[] dA,
            float[] carry,
            int from,
            int to,
            int nh) {
        int gateCols = GruParams.GATES * nh;
        int first = from * nh; // the block's first element
        for (int i = from; i < to; i++) {
            int gr = i * gateCols, gz = gr + nh, gn = gz + nh;
            int at = i * nh; // dL/dH_t of row i, and H_{t-1} of row i (block t of h)
            for (int j = 0; j < nh; j++) {
                float d = dH[at + j];
                float r = g[gr + j], z = g[gz + j], n = g[gn + j];
                float dN = d * (1 - z) * (1 - n * n);
                float dZ = d * (h[at + j] - n) * z * (1 - z);
                float dR = dN * a[gn + j] * r * (1 - r);
                dG[gr + j] = dR;
                dG[gz + j] = dZ;
                dG[gn + j] = dN;
                dA[gr + j] = dR;
                dA[gz + j] = dZ;
                dA[gn + j] = dN * r;
                carry[at - first + j] = d * z;
            }
        }
    }

    /** The same lines as the float32 pass, in float64. */
    private static void backward(
            double[] g,
            double[] a,
            double[] h,
            double[] dH,
            double[] dG,
            double[] dA,
            double[] carry,
            int from,
            int to,
            int nh) {
        int gateCols = GruParams.GATES * nh;
        int first = from * nh;
        for (int i = from; i < to; i++) {
            int gr = i * gateCols, gz = gr + nh, gn = gz + nh;
            int at = i * nh;
            for (int j = 0; j < nh; j++) {
                double d = dH[at + j];
                double r = g[gr + j], z = g[gz + j], n = g[gn + j];
                double dN = d * (1 - z) * (1 - n * n);
                double dZ = d * (h[at + j] - n) * z * (1 - z);
                double dR = dN * a[gn + j] * r * (1 - r);
                dG[gr + j] = dR;
                dG[gz + j] = dZ;
                dG[gn + j] = dN;
                dA[gr + j] = dR;
                dA[gz + j] = dZ;
                dA[gn + j] = dN * r;
                carry[at - first + j] = d * z;
            }
        }
    }

    /** {@code to[at, at + length) += from[0, length)}: a loop of its own, since within one array the JIT vectorises only same-index updates. */
    private static void addTo(float[] to, int at, float[] from, int length) {
        for (int k = 0; k < length; k++) {
            to[at + k] += from[k];
        }
    }

    private static void addTo(double[] to, int at, double[] from, int length) {
        for (int k = 0; k < length; k++) {
            to[at + k] += from[k];
        }
    }
}
