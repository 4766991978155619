package org.rnnplayground.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActivationTest {

    @Test
    void float32TanhIsWithinAFewUlpOfMathTanh() {
        double worstUlps = 0;
        for (int i = -2_000_000; i <= 2_000_000; i++) {
            float a = i * 1e-5f; // [-20, 20], dense around 0 where tanh bends
            float expected = (float) Math.tanh(a);
            float actual = Activation.tanh(a);
            worstUlps = Math.max(worstUlps, Math.abs(actual - expected) / Math.ulp(expected));
        }
        assertTrue(worstUlps <= 8, "worst error " + worstUlps + " ulp");
        assertEquals(1f, Activation.tanh(100f));
        assertEquals(-1f, Activation.tanh(-100f));
        assertEquals(1e-20f, Activation.tanh(1e-20f), Math.ulp(1e-20f));
        assertTrue(Float.isNaN(Activation.tanh(Float.NaN)), "NaN stays NaN, so divergence is seen");
    }

    @Test
    void float32AndFloat64KernelsAgree() {
        for (Activation act : Activation.values()) {
            float[] f = {-3f, -0.5f, 0f, 0.25f, 2f};
            double[] d = {-3, -0.5, 0, 0.25, 2};
            act.apply(f, 0, f.length);
            act.apply(d, 0, d.length);
            float[] df = {1f, 2f, 3f, 4f, 5f};
            double[] dd = {1, 2, 3, 4, 5};
            act.backprop(df, 0, f, 0, f.length);
            act.backprop(dd, 0, d, 0, d.length);
            for (int i = 0; i < f.length; i++) {
                assertEquals(d[i], f[i], 1e-6, act + " value " + i);
                assertEquals(dd[i], df[i], 1e-5, act + " derivative " + i);
            }
        }
    }
}
