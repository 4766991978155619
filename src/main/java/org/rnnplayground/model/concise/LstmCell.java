package org.rnnplayground.model.concise;

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
 * the numbers of DL4J's {@code LSTMHelpers} with sigmoid gates and tanh, without peepholes. Each
 * pass is written once per primitive type, the same lines over {@code float[]} and {@code
 * double[]}, as {@link GruCell}'s ({@code CellTypesAgreeTest} holds the two together).
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
        int from = ws.row(t), to = ws.row(t + 1), nh = ws.numHiddens, ahead = ws.batchSize * nh;
        if (ws.gates.floats() != null) {
            forward(ws.gates.floats(), ws.c.floats(), ws.h.floats(), ws.tanhC.floats(), from, to, nh, ahead);
        } else {
            forward(ws.gates.doubles(), ws.c.doubles(), ws.h.doubles(), ws.tanhC.doubles(), from, to, nh, ahead);
        }
    }

    /** Rows {@code [from, to)}: {@code z} gates, {@code c} cell states, {@code h} states, {@code tanhC} tanh(C_t). */
    private static void forward(float[] z, float[] c, float[] h, float[] tanhC, int from, int to, int nh, int ahead) {
        int gateCols = LstmWorkspace.GATES * nh;
        for (int i = from; i < to; i++) {
            int za = i * gateCols, zf = za + nh, zo = zf + nh, zg = zo + nh;
            int prev = i * nh, next = prev + ahead; // C_{t-1} and C_t of row i
            GateMath.tanh(z, za, zf); // A
            GateMath.sigmoid(z, zf, za + gateCols); // F | O | G
            for (int j = 0; j < nh; j++) { // C_t into tanhC, then copied: one array, same-index updates only
                tanhC[prev + j] = z[zf + j] * c[prev + j] + z[zg + j] * z[za + j]; // F C_{t-1} + G A
            }
            System.arraycopy(tanhC, prev, c, next, nh); // C_t
            GateMath.tanh(tanhC, prev, prev + nh);
            for (int j = 0; j < nh; j++) {
                h[next + j] = z[zo + j] * tanhC[prev + j]; // O tanh(C_t)
            }
        }
    }

    /** The same lines as the float32 pass, in float64. */
    private static void forward(
            double[] z, double[] c, double[] h, double[] tanhC, int from, int to, int nh, int ahead) {
        int gateCols = LstmWorkspace.GATES * nh;
        for (int i = from; i < to; i++) {
            int za = i * gateCols, zf = za + nh, zo = zf + nh, zg = zo + nh;
            int prev = i * nh, next = prev + ahead;
            GateMath.tanh(z, za, zf);
            GateMath.sigmoid(z, zf, za + gateCols);
            for (int j = 0; j < nh; j++) {
                tanhC[prev + j] = z[zf + j] * c[prev + j] + z[zg + j] * z[za + j];
            }
            System.arraycopy(tanhC, prev, c, next, nh);
            GateMath.tanh(tanhC, prev, prev + nh);
            for (int j = 0; j < nh; j++) {
                h[next + j] = z[zo + j] * tanhC[prev + j];
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
        if (last) { // no dL/dC_{t+1}: a zero times this step's own forget gate, so the loop has no branch
            ws.dCNext.clear();
        }
        int from = ws.row(t), to = ws.row(t + 1), nh = ws.numHiddens;
        int fNext = last ? 0 : ws.batchSize * LstmWorkspace.GATES * nh; // to the next step's forget gate
        if (ws.gates.floats() != null) {
            backward(
                    ws.gates.floats(),
                    ws.c.floats(),
                    ws.dH.floats(),
                    ws.dGates.floats(),
                    ws.tanhC.floats(),
                    ws.dCNext.floats(),
                    from,
                    to,
                    nh,
                    fNext);
        } else {
            backward(
                    ws.gates.doubles(),
                    ws.c.doubles(),
                    ws.dH.doubles(),
                    ws.dGates.doubles(),
                    ws.tanhC.doubles(),
                    ws.dCNext.doubles(),
                    from,
                    to,
                    nh,
                    fNext);
        }
    }

    /**
     * Rows {@code [from, to)} of one step: {@code dZ} from {@code dH}, the gates, {@code C_{t-1}} (the
     * same rows of {@code c}), {@code tanh(C_t)} and {@code dL/dC_{t+1}} ({@code dCNext}, [B * h],
     * overwritten by {@code dL/dC_t}).
     */
    private static void backward(
            float[] gates,
            float[] c,
            float[] dH,
            float[] dZ,
            float[] tanhC,
            float[] dCNext,
            int from,
            int to,
            int nh,
            int fNext) {
        int gateCols = LstmWorkspace.GATES * nh;
        for (int i = from; i < to; i++) {
            int ga = i * gateCols, gf = ga + nh, go = gf + nh, gg = go + nh;
            int at = i * nh; // dL/dH_t, tanh(C_t) and C_{t-1} of row i
            int carry = (i - from) * nh; // row i in dCNext
            for (int j = 0; j < nh; j++) {
                float d = dH[at + j];
                float a = gates[ga + j], f = gates[gf + j], o = gates[go + j], g = gates[gg + j];
                float tc = tanhC[at + j];
                float dC = d * o * (1 - tc * tc) + gates[gf + fNext + j] * dCNext[carry + j];
                dZ[go + j] = d * tc * o * (1 - o);
                dZ[gf + j] = dC * c[at + j] * f * (1 - f);
                dZ[gg + j] = dC * a * g * (1 - g);
                dZ[ga + j] = dC * g * (1 - a * a);
                dCNext[carry + j] = dC;
            }
        }
    }

    /** The same lines as the float32 pass, in float64. */
    private static void backward(
            double[] gates,
            double[] c,
            double[] dH,
            double[] dZ,
            double[] tanhC,
            double[] dCNext,
            int from,
            int to,
            int nh,
            int fNext) {
        int gateCols = LstmWorkspace.GATES * nh;
        for (int i = from; i < to; i++) {
            int ga = i * gateCols, gf = ga + nh, go = gf + nh, gg = go + nh;
            int at = i * nh;
            int carry = (i - from) * nh;
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
