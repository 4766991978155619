package org.rnnplayground.inside;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnplayground.model.BackwardProbe;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.StepResult;
import org.rnnplayground.model.TrainHyper;

/**
 * How the gradient travels back through time on one minibatch (d2l 8.7): per recurrent layer and
 * step, the norm of {@code dL/dH_t} and of step {@code t}'s share of {@code dL/dW_hh}, as the model's
 * own backward pass computes them; before clipping, and the factor clipping by global norm applies
 * to every gradient of the step.
 *
 * @param layers one per recurrent layer, from the input up
 * @param loss the minibatch's mean cross-entropy
 * @param gradNorm the global norm of the gradient before clipping
 * @param clip whether the run clips
 * @param theta its threshold (NaN when it does not clip)
 */
public record GradientsThroughTime(List<Layer> layers, double loss, double gradNorm, boolean clip, double theta) {

    /**
     * One layer's norms.
     *
     * @param hidden {@code ||dL/dH_t||} (Frobenius, over the minibatch), t = 1..T at index t - 1, [T]
     * @param recurrent {@code ||H_{t-1}^T dZ_t||}, step t's share of {@code dL/dW_hh}, [T]
     */
    public record Layer(double[] hidden, double[] recurrent) {}

    public GradientsThroughTime {
        layers = List.copyOf(layers);
    }

    /**
     * The factor clipping multiplies every gradient by: {@code min(1, theta / ||g||)}, or 1 without
     * clipping.
     */
    public double clipFactor() {
        return clip && gradNorm > theta ? theta / gradNorm : 1;
    }

    /**
     * The first minibatch of sequential partitioning with offset 0 (d2l {@code
     * seq_data_iter_sequential}): row {@code i} starts at token {@code i * ((len - 1) / batch_size)}.
     * Fewer steps when the text is short.
     *
     * @param corpus token indices, [len]
     * @return inputs and labels, each [batch_size, num_steps]
     */
    public static int[][][] firstMinibatch(int[] corpus, int batchSize, int numSteps) {
        int rowLength = (corpus.length - 1) / batchSize;
        int steps = Math.min(numSteps, rowLength);
        if (steps < 1) {
            throw new IllegalArgumentException(
                    "the text has " + corpus.length + " tokens, too few for " + batchSize + " rows");
        }
        int[][] x = new int[batchSize][steps];
        int[][] y = new int[batchSize][steps];
        for (int i = 0; i < batchSize; i++) {
            for (int t = 0; t < steps; t++) {
                x[i][t] = corpus[i * rowLength + t];
                y[i][t] = corpus[i * rowLength + t + 1];
            }
        }
        return new int[][][] {x, y};
    }

    /**
     * Runs the model's forward and backward pass over one minibatch from a zero state, without
     * updating it, and records the norms.
     *
     * @param x token indices, [batch_size, num_steps]
     * @param y labels, [batch_size, num_steps]
     */
    public static GradientsThroughTime measure(CharModel model, int[][] x, int[][] y, TrainHyper hyper) {
        int numSteps = x[0].length;
        Map<Integer, Layer> byLayer = new TreeMap<>();
        BackwardProbe probe = new BackwardProbe() {
            @Override
            public void hiddenGradient(int layer, int step, INDArray dH) {
                layer(layer).hidden()[step - 1] = dH.norm2Number().doubleValue();
            }

            @Override
            public void recurrentGradient(int layer, int step, INDArray hPrev, INDArray dZ) {
                // ||H^T dZ||_F^2 = sum((H H^T) * (dZ dZ^T)): two [B, B] products instead of one [h, gates*h]
                INDArray hh = hPrev.mmul(hPrev.transpose()); // [B, h] x [h, B]
                INDArray zz = dZ.mmul(dZ.transpose()); // [B, gates*h] x [gates*h, B]
                double squared = hh.muli(zz).sumNumber().doubleValue(); // in place on the fresh hh
                layer(layer).recurrent()[step - 1] = Math.sqrt(Math.max(0, squared));
            }

            private Layer layer(int layer) {
                return byLayer.computeIfAbsent(layer, l -> new Layer(new double[numSteps], new double[numSteps]));
            }
        };
        StepResult r = model.probeGradients(x, y, model.beginState(x.length), hyper, probe);
        return new GradientsThroughTime(
                new ArrayList<>(byLayer.values()), r.loss(), r.gradNorm(), hyper.clip(), hyper.theta());
    }
}
