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
 * small for an ND4J op call (several microseconds each) to pay off.
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
        int nh = ws.numHiddens;
        int gateCols = GruParams.GATES * nh;
        double[] g = ws.gates.doubles(), a = ws.recurrent.doubles(), h = ws.h.doubles(), carry = ws.carry;
        for (int i = ws.row(t); i < ws.row(t + 1); i++) {
            int gr = i * gateCols, gz = gr + nh, gn = gz + nh; // reset, update, candidate of row i
            int prev = i * nh, next = prev + ws.batchSize * nh; // H_{t-1} and H_t of row i
            for (int j = 0; j < 2 * nh; j++) {
                g[gr + j] += a[gr + j]; // G_r + A_r | G_z + A_z
            }
            ws.math.sigmoid(g, gr, gn); // R | Z
            for (int j = 0; j < nh; j++) {
                g[gn + j] += g[gr + j] * a[gn + j]; // G_n + R * A_n
            }
            ws.math.tanh(g, gn, gn + nh); // N
            for (int j = 0; j < nh; j++) { // into a row of its own, then copied: see backward
                double n = g[gn + j];
                carry[j] = n + g[gz + j] * (h[prev + j] - n);
            }
            System.arraycopy(carry, 0, h, next, nh); // H_t
        }
    }

    /**
     * Step {@code t} backward: reads {@code dL/dH_t} (block {@code t} of {@code dH}), the gates and
     * {@code A} of step {@code t} and {@code H_{t-1}}; writes {@code dG} and {@code dA} into block
     * {@code t} of {@code dGates} and {@code dRecurrent}, and, if {@code toPrevious}, adds {@code dH *
     * Z} to block {@code t - 1} of {@code dH}; in place on the host copies.
     */
    static void backward(GruWorkspace ws, int t, boolean toPrevious) {
        int nh = ws.numHiddens;
        int gateCols = GruParams.GATES * nh;
        int back = ws.batchSize * nh; // from a row of step t to the same row of step t - 1
        double[] g = ws.gates.doubles(), a = ws.recurrent.doubles(), h = ws.h.doubles(), dH = ws.dH.doubles();
        double[] dG = ws.dGates.doubles(), dA = ws.dRecurrent.doubles(), carry = ws.carry;
        int first = ws.row(t) * nh; // block t's first element
        for (int i = ws.row(t); i < ws.row(t + 1); i++) {
            int gr = i * gateCols, gz = gr + nh, gn = gz + nh;
            int at = i * nh; // dL/dH_t of row i, and H_{t-1} of row i (block t of h)
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
        if (toPrevious) { // a loop of its own: within one array the JIT vectorises only same-index updates
            int to = ws.row(t) * nh - back;
            for (int k = 0; k < back; k++) {
                dH[to + k] += carry[k];
            }
        }
    }
}
