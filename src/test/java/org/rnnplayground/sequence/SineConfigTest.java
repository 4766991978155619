package org.rnnplayground.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SineConfigTest {

    @Test
    void withoutNoiseItIsTheSineAtTimesOneToT() {
        double[] x = new SineConfig(1000, 0, 5).generate().values();
        assertEquals(1000, x.length);
        assertEquals(Math.sin(0.01), x[0], 0.0);
        assertEquals(Math.sin(10.0), x[999], 0.0);
    }

    @Test
    void theNoiseHasTheChosenSpreadAndTheSeedRepeatsIt() {
        SineConfig c = new SineConfig(20_000, 0.2, 3);
        double[] x = c.generate().values();
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < x.length; i++) {
            double noise = x[i] - Math.sin(0.01 * (i + 1));
            sum += noise;
            sumSq += noise * noise;
        }
        double mean = sum / x.length;
        double std = Math.sqrt(sumSq / x.length - mean * mean);
        // the sample std of 20000 normals is within 0.2 * 3 / sqrt(2 * 20000) = 0.003 of 0.2 almost surely
        assertEquals(0.2, std, 0.006);
        assertEquals(0, mean, 0.01);
        assertArrayEquals(x, c.generate().values(), 0.0);
        assertFalse(Arrays.equals(x, new SineConfig(20_000, 0.2, 4).generate().values()));
    }

    @Test
    void outOfRangeValuesAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SineConfig(10, 0.2, 0));
        assertTrue(e.getMessage().contains("[100, 100000]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SineConfig(1000, -0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SineConfig(1000, Double.NaN, 0));
    }
}
