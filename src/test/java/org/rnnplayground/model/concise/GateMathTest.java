package org.rnnplayground.model.concise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GateMathTest {

    @Test
    void float32GatesAreWithinFloat32RoundingOfTheExactOnes() {
        int n = 600_001;
        double[] x = new double[n];
        float[] xf = new float[n];
        for (int i = 0; i < n; i++) {
            xf[i] = (float) ((i - n / 2) * 1e-4); // [-30, 30]
            x[i] = xf[i];
        }
        double worstSigmoid = 0, worstTanh = 0;
        double[] exact = x.clone();
        float[] fast = xf.clone();
        GateMath.sigmoid(exact, 0, n);
        GateMath.sigmoid(fast, 0, n);
        for (int i = 0; i < n; i++) {
            worstSigmoid = Math.max(worstSigmoid, Math.abs(fast[i] - exact[i]));
        }
        exact = x.clone();
        fast = xf.clone();
        GateMath.tanh(exact, 0, n);
        GateMath.tanh(fast, 0, n);
        for (int i = 0; i < n; i++) {
            worstTanh = Math.max(worstTanh, Math.abs(fast[i] - exact[i]));
        }
        assertTrue(worstSigmoid < 5 * Math.ulp(1f), "sigmoid off by " + worstSigmoid);
        assertTrue(worstTanh < 5 * Math.ulp(1f), "tanh off by " + worstTanh);
    }

    @Test
    void float64ArraysGetTheExactFunctions() {
        double[] a = {0.3, -2};
        GateMath.sigmoid(a, 0, 1);
        GateMath.tanh(a, 1, 2);
        assertEquals(1 / (1 + Math.exp(-0.3)), a[0], 0);
        assertEquals(Math.tanh(-2), a[1], 0);
    }
}
