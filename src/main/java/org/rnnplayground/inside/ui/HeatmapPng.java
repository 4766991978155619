package org.rnnplayground.inside.ui;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.rnnplayground.inside.DivergingScale;
import org.rnnplayground.model.Channel;

/** The units × steps heatmap of one channel as a PNG data URL: one row per unit, one column per step. */
final class HeatmapPng {

    /** Pixels per cell. */
    static final int CELL_HEIGHT = 4, MAX_WIDTH = 1200;

    private HeatmapPng() {}

    /**
     * @param c one row's values, [num_steps, 1, num_hiddens]
     * @param units rows drawn: units 0 to units - 1
     * @param marked the unit drawn with dark ends, or -1
     */
    static String dataUrl(Channel c, int units, int marked) {
        int steps = c.numSteps();
        int cellWidth = Math.max(1, Math.min(8, MAX_WIDTH / Math.max(1, steps)));
        double[] shown = new double[steps * units];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < units; j++) {
                shown[t * units + j] = c.value(t, 0, j);
            }
        }
        DivergingScale scale = DivergingScale.over(shown);
        BufferedImage image = new BufferedImage(steps * cellWidth, units * CELL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < units; j++) {
            for (int t = 0; t < steps; t++) {
                int rgb = scale.rgb(shown[t * units + j]);
                for (int dx = 0; dx < cellWidth; dx++) {
                    for (int dy = 0; dy < CELL_HEIGHT; dy++) {
                        image.setRGB(t * cellWidth + dx, j * CELL_HEIGHT + dy, rgb);
                    }
                }
            }
            if (j == marked) {
                for (int dy = 0; dy < CELL_HEIGHT; dy++) {
                    for (int dx = 0; dx < Math.min(3, image.getWidth()); dx++) {
                        image.setRGB(dx, j * CELL_HEIGHT + dy, 0x000000);
                        image.setRGB(image.getWidth() - 1 - dx, j * CELL_HEIGHT + dy, 0x000000);
                    }
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
