package org.rnnplayground.model.concise;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.rnnplayground.model.Activation;

/**
 * DL4J configurations for {@link ConciseRnn}.
 *
 * <p>Initialisation follows PyTorch's {@code nn.RNN}/{@code nn.LSTM}/{@code nn.Linear} (what the
 * book's concise model gets): weights uniform in {@code [-1/sqrt(h), 1/sqrt(h)]}; embeddings from
 * N(0, 1) as {@code nn.Embedding}. Biases start at zero (DL4J's default; PyTorch draws them
 * uniformly too), except DL4J's LSTM forget-gate bias, which starts at 1.
 */
final class ConciseNetworks {

    /** DL4J's state-map key for the last hidden state {@code H} (SimpleRnn, LSTM and our GRU). */
    static final String PREV_ACTIVATION = "prevAct";
    /** DL4J's state-map key for the last LSTM cell state {@code C}. */
    static final String PREV_MEMORY = "prevMem";

    private ConciseNetworks() {}

    /** The seed DL4J is given for the seed 0, which it would not use. */
    static final long SEED_FOR_ZERO = 1L << 40;

    /**
     * The seed to give DL4J for a run's {@code seed}: itself, except 0, with which DL4J leaves its
     * generator unseeded (every network would start elsewhere); 0 becomes {@value #SEED_FOR_ZERO},
     * beyond the seeds the Train form takes (0 to 2^31 - 1).
     */
    static long librarySeed(long seed) {
        return seed == 0 ? SEED_FOR_ZERO : seed;
    }

    static MultiLayerConfiguration configuration(ConciseRnn.Architecture a) {
        double k = 1 / Math.sqrt(a.numHiddens());
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(librarySeed(a.seed()))
                .dataType(a.dataType())
                .weightInit(new UniformDistribution(-k, k))
                .biasInit(0)
                .trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE)
                .list();
        int index = 0;
        int nIn = a.vocabSize();
        if (a.embeddingSize() > 0) {
            list.layer(
                    index++,
                    new EmbeddingSequenceLayer.Builder()
                            .nIn(a.vocabSize())
                            .nOut(a.embeddingSize())
                            .weightInit(new NormalDistribution(0, 1))
                            .outputDataFormat(RNNFormat.NCW)
                            .build());
            nIn = a.embeddingSize();
        }
        for (int l = 0; l < a.numLayers(); l++) {
            list.layer(index++, recurrent(a, nIn));
            nIn = a.numHiddens();
        }
        list.layer(index, new TimeMajorRnnOutputLayer(a.numHiddens(), a.vocabSize())); // softmax, MCXENT, NCW
        return list.build();
    }

    private static Layer recurrent(ConciseRnn.Architecture a, int nIn) {
        return switch (a.cell()) {
            case RNN ->
                new CarriedStateSimpleRnn(new SimpleRnn.Builder()
                        .nIn(nIn)
                        .nOut(a.numHiddens())
                        .dataFormat(RNNFormat.NCW)
                        .activation(dl4j(a.activation())));
            case LSTM ->
                new CarriedStateLstm(new LSTM.Builder()
                        .nIn(nIn)
                        .nOut(a.numHiddens())
                        .activation(org.nd4j.linalg.activations.Activation.TANH)
                        .gateActivationFunction(org.nd4j.linalg.activations.Activation.SIGMOID)
                        .dataFormat(RNNFormat.NCW));
            case GRU ->
                new GruLayer.Builder()
                        .nIn(nIn)
                        .nOut(a.numHiddens())
                        .dataFormat(RNNFormat.NCW)
                        .build();
        };
    }

    private static org.nd4j.linalg.activations.Activation dl4j(Activation activation) {
        return switch (activation) {
            case TANH -> org.nd4j.linalg.activations.Activation.TANH;
            case RELU -> org.nd4j.linalg.activations.Activation.RELU;
        };
    }
}
