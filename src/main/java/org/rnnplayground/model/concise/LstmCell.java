package org.rnnplayground.model.concise;

import java.util.Arrays;

/**
 * The elementwise part of one LSTM step, forward and backward, on the host copies of an {@link
 * LstmWorkspace}; the matrix products around it are {@link CarriedStateLstm}'s.
 *
 * <p>Per element of {@code [batch_size, num_hiddens]}, with {@code Z = X_t W + H_{t-1} RW + b} split
 * into DL4J's blocks (block input, forget, output, input gate):
 *
 * <pre>
 *   A = tanh(Z_a)    F = sigmoid(Z_f)    O = sigmoid(Z_o)    G = sigmoid(Z_g)
 *   C_t = F * C_{t-1} + G * A            H_t = O * tanh(C_t)
 * </pre>
 *
 * and backwards, from {@code dH = dL/dH_t} and {@code dC' = dL/dC_{t+1}}:
 *
 * <pre>
 *   dC   = dH O (1 - tanh^2(C_t)) + F_{t+1} dC'
 *   dZ_o = dH tanh(C_t) O (1 - O)        dZ_f = dC C_{t-1} F (1 - F)
 *   dZ_g = dC A G (1 - G)                dZ_a = dC G (1 - A^2)
 *   dL/dH_{t-1} = dZ RW^T   (the product is the layer's)
 * </pre>
 *
 * the numbers of DL4J's {@code LSTMHelpers} with sigmoid gates and tanh, without peepholes.
 */
final class LstmCell {

    private LstmCell() {}

    /**
     * Step {@code t} forward: reads {@code Z} (block {@code t} of {@code gates}), {@code C_{t-1}}
     * (block {@code t} of {@code c}); writes {@code A | F | O | G} over {@code Z}, {@code C_t} and
     * {@code H_t} into block {@code t + 1} of {@code c} and {@code h}, and {@code tanh(C_t)}; in place
     * on the host copies.
     */
    static void forward(LstmWorkspace ws, int t) {
        int nh = ws.numHiddens;
        int gateCols = LstmWorkspace.GATES * nh;
        int ahead = ws.batchSize * nh; // from a row of step t to the same row of step t + 1
        double[] z = ws.gates.doubles(), c = ws.c.doubles(), h = ws.h.doubles(), tanhC = ws.tanhC;
        for (int i = ws.row(t); i < ws.row(t + 1); i++) {
            int za = i * gateCols, zf = za + nh, zo = zf + nh, zg = zo + nh;
            int prev = i * nh, next = prev + ahead; // C_{t-1} and C_t of row i
            ws.math.tanh(z, za, zf); // A
            ws.math.sigmoid(z, zf, za + gateCols); // F | O | G
            for (int j = 0; j < nh; j++) { // C_t into tanhC, then copied: one array, same-index updates only
                tanhC[prev + j] = z[zf + j] * c[prev + j] + z[zg + j] * z[za + j]; // F C_{t-1} + G A
            }
            System.arraycopy(tanhC, prev, c, next, nh); // C_t
            ws.math.tanh(tanhC, prev, prev + nh);
            for (int j = 0; j < nh; j++) {
                h[next + j] = z[zo + j] * tanhC[prev + j]; // O tanh(C_t)
            }
        }
    }

    /**
     * Step {@code t} backward: reads {@code dL/dH_t} (block {@code t} of {@code dH}), the gates of
     * step {@code t} (and the forget gate of step {@code t + 1} unless {@code last}), {@code C_{t-1}},
     * {@code tanh(C_t)} and {@code dL/dC_{t+1}}; writes {@code dZ} into block {@code t} of {@code
     * dGates} and {@code dL/dC_t} over {@code dCNext}; in place on the host copies.
     *
     * @param last whether {@code t} is the last step (no {@code dL/dC_{t+1}})
     */
    static void backward(LstmWorkspace ws, int t, boolean last) {
        int nh = ws.numHiddens;
        int gateCols = LstmWorkspace.GATES * nh;
        int ahead = ws.batchSize * gateCols; // from a gate row of step t to the same row of step t + 1
        double[] gates = ws.gates.doubles(), c = ws.c.doubles(), dH = ws.dH.doubles(), dZ = ws.dGates.doubles();
        double[] tanhC = ws.tanhC, dCNext = ws.dCNext;
        if (last) { // no dL/dC_{t+1}: a zero times this step's own forget gate, so the loop has no branch
            Arrays.fill(dCNext, 0);
        }
        int fNext = last ? 0 : ahead; // from this step's forget gate to the next step's
        for (int i = ws.row(t); i < ws.row(t + 1); i++) {
            int ga = i * gateCols, gf = ga + nh, go = gf + nh, gg = go + nh;
            int at = i * nh; // dL/dH_t, tanh(C_t) and C_{t-1} of row i
            int carry = (i - ws.row(t)) * nh; // row i in dCNext
            for (int j = 0; j < nh; j++) {
                double d = dH[at + j];
                double a = gates[ga + j], f = gates[gf + j], o = gates[go + j], g = gates[gg + j];
                double tc = tanhC[at + j];
                double dC = d * o * (1 - tc * tc) + gates[gf + fNext + j] * dCNext[carry + j];
                dZ[go + j] = d * tc * o * (1 - o);
                dZ[gf + j] = dC * c[at + j] * f * (1 - f);
                dZ[gg + j] = dC * a * g * (1 - g);
                dZ[ga + j] = dC * g * (1 - a * a);
                dCNext[carry + j] = dC;
            }
        }
    }
}
