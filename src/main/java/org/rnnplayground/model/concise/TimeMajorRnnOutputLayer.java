package org.rnnplayground.model.concise;

import java.util.ArrayList;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.rnnplayground.model.HostMirror;
import org.rnnplayground.model.OpenBlas;
import org.rnnplayground.model.SoftmaxCrossEntropy;

/**
 * DL4J's {@link RnnOutputLayer} with softmax and cross-entropy ({@code MCXENT}), whose backward pass
 * and score run on time-major buffers allocated once per shape.
 *
 * <p>DL4J's layer reshapes and copies its input and labels, allocates every intermediate afresh
 * (the network runs without workspaces) and computes the logits twice, once for the gradients and
 * once for the score. This one computes {@code O = H W + b}, {@code log softmax(O)}, the summed
 * cross-entropy and {@code dL/dO = softmax(O) - Y} once per minibatch into its buffers, and {@link
 * Impl#computeScore} reuses that cross-entropy while the input and the labels are the same arrays.
 * The numbers are DL4J's: gradients are sums over the minibatch and the score is the summed
 * cross-entropy divided by {@code batch_size}. The forward pass ({@code activate}, not used by
 * {@link ConciseRnn}) stays DL4J's.
 */
final class TimeMajorRnnOutputLayer extends RnnOutputLayer {

    /**
     * A dense layer {@code nIn -> nOut} with softmax and cross-entropy on {@code NCW} data; weight
     * initialisation, updater and the rest come from the network's configuration.
     */
    TimeMajorRnnOutputLayer(long nIn, long nOut) {
        // RnnOutputLayer's constructor from a builder is private: set what its builder would
        setNIn(nIn);
        setNOut(nOut);
        setLossFn(new LossMCXENT());
        setActivationFn(new ActivationSoftmax());
        setHasBias(true);
        setRnnDataFormat(RNNFormat.NCW);
        setBiasInit(Double.NaN); // NaN: the network's value
        setGainInit(Double.NaN);
        setGradientNormalizationThreshold(Double.NaN);
        setGradientNormalization(null);
        setRegularization(new ArrayList<>());
        setRegularizationBias(new ArrayList<>());
    }

    @Override
    public Layer instantiate(
            NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners,
            int layerIndex,
            INDArray layerParamsView,
            boolean initializeParams,
            DataType networkDataType) {
        return LayerWiring.wire(
                new Impl(conf, networkDataType),
                conf,
                trainingListeners,
                layerIndex,
                layerParamsView,
                initializeParams,
                initializer());
    }

    /**
     * Bytes of the buffers the layer allocates for one (batch_size, num_steps) shape, with {@code
     * b} bytes per number: the input and dL/dH, [N, h], the labels and the logits' gradient, [N, V],
     * and the bias, each of the last three with a host copy.
     */
    static double workingBytes(double batchSize, double numSteps, double numHiddens, double vocabSize, int b) {
        double n = batchSize * numSteps;
        return b * (2 * n * numHiddens + 4 * n * vocabSize + 2 * vocabSize);
    }

    /** The layer itself: DL4J's parameters and forward pass, our backward pass and score. */
    static final class Impl extends org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer implements WorkingMemory {

        private Buffers ws;
        /** The tokens of one-hot labels, as {@link ConciseRnn} knows them (see {@link #labelTokens}). */
        private ConciseInputs.OneHotTokens knownLabels;

        /** The input and labels whose cross-entropy {@link #crossEntropySum} is. */
        private INDArray scoredInput;

        private INDArray scoredLabels;
        private double crossEntropySum;
        /** The input of the last loss, time-major, [T*B, h]: a view of it or of {@code ws.hCopy}. */
        private INDArray hRows;

        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        /**
         * Gradients of the summed cross-entropy; {@code epsilon} is ignored (this is the last layer).
         *
         * @return the gradient (views into the network's flat gradient) and dL/dH, [batch_size,
         *     num_hiddens, num_steps], a view of this layer's buffers valid until its next pass
         */
        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            lossAndDelta();
            INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY); // [h, V]
            INDArray wGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY); // [h, V]
            INDArray bGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY); // [1, V]
            OpenBlas.gemm(hRows, true, ws.dLogits, false, wGrad, 0); // [h, T*B] x [T*B, V], in place on the gradient
            ws.dLogitsHost.sumRows(0, ws.rows, ws.biasHost); // 1^T dL/dO, [1, V]
            ws.biasHost.push(0, 1);
            bGrad.assign(ws.bias); // [1, V], in place on the gradient
            OpenBlas.gemm(ws.dLogits, false, w, true, ws.dH, 0); // dL/dH = [T*B, V] x [V, h]
            Gradient g = new DefaultGradient(gradientsFlattened);
            g.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, wGrad);
            g.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, bGrad);
            return new Pair<>(g, TimeMajor.toNcw(ws.dH, ws.batchSize, ws.numSteps));
        }

        /** The summed cross-entropy over {@code batch_size}, as DL4J's; from the last backward pass if it scored this input and these labels. */
        @Override
        public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
            if (scoredInput == null || scoredInput != input || scoredLabels != labels) {
                lossAndDelta();
            }
            this.score = (conf().isMiniBatch() ? crossEntropySum / input.size(0) : crossEntropySum) + fullNetRegTerm;
            return score;
        }

        /**
         * {@code O = H W + b}, the summed cross-entropy of {@code softmax(O)} against the labels
         * (through a stable log-softmax) and {@code dL/dO = softmax(O) - Y} into the buffers: the
         * product in BLAS, the rest row by row on host copies ({@link SoftmaxCrossEntropy}).
         */
        /**
         * The tokens of the one-hot labels the next passes take, so that this layer need not read
         * them back; ignored for any other labels array.
         *
         * @param tokens the labels array and its tokens, or null
         */
        void labelTokens(ConciseInputs.OneHotTokens tokens) {
            knownLabels = tokens;
        }

        @Override
        public void release() {
            knownLabels = null;
            ws = null;
            hRows = null;
            scoredInput = null;
            scoredLabels = null;
        }

        private void lossAndDelta() {
            assertInputSet(true);
            if (labels == null || labels.rank() != 3 || maskArray != null) {
                throw new IllegalStateException("needs one-hot labels [batch_size, vocab_size, num_steps] and no mask");
            }
            int batchSize = (int) input.size(0);
            int numSteps = (int) input.size(2);
            if (ws == null || ws.batchSize != batchSize || ws.numSteps != numSteps) {
                ws = new Buffers(batchSize, numSteps, input.size(1), layerConf().getNOut(), dataType);
            }
            hRows = TimeMajor.rows(input.castTo(dataType), ws.hCopy); // [T*B, h]
            INDArray y = labels.castTo(dataType); // [B, V, T]; the same array for the right type
            if (knownLabels != null && knownLabels.array() == y) {
                ws.labelsHost.oneHot(knownLabels.timeMajor()); // [T*B, V], on the host only
            } else {
                TimeMajor.copy(y, ws.labels); // [T*B, V], in place on the buffer
                ws.labelsHost.pull(0, ws.rows);
            }
            OpenBlas.gemm(
                    hRows,
                    false,
                    getParam(DefaultParamInitializer.WEIGHT_KEY),
                    false,
                    ws.dLogits,
                    0); // H W = O - b, [T*B, V]
            ws.bias.assign(getParam(DefaultParamInitializer.BIAS_KEY)); // [1, V], in place on the buffer
            ws.biasHost.pull(0, 1);
            ws.dLogitsHost.pull(0, ws.rows);
            crossEntropySum = SoftmaxCrossEntropy.lossAndDelta(ws.dLogitsHost, ws.biasHost, ws.labelsHost, ws.rows);
            ws.dLogitsHost.push(0, ws.rows); // dL/dO = softmax(O) - Y, in place on the buffer
            scoredInput = input;
            scoredLabels = labels;
        }
    }

    /** The output layer's buffers for one (batch_size, num_steps) shape; rows are time-major. */
    private static final class Buffers {
        final int batchSize;
        final int numSteps;
        /** {@code T*B}. */
        final int rows;
        /** The input copied time-major when it is not a time-major view already, [T*B, h]. */
        final INDArray hCopy;
        /** Labels, [T*B, V], and their host copy. */
        final INDArray labels;

        final HostMirror labelsHost;
        /** {@code O - b}, then (in place) dL/dO, [T*B, V], and its host copy, where the loss is computed. */
        final INDArray dLogits;

        final HostMirror dLogitsHost;
        /** The bias {@code b}, then its gradient, [1, V], and its host copy. */
        final INDArray bias;

        final HostMirror biasHost;
        /** dL/dH, [T*B, h]. */
        final INDArray dH;

        Buffers(int batchSize, int numSteps, long numHiddens, long vocabSize, DataType dataType) {
            this.batchSize = batchSize;
            this.numSteps = numSteps;
            this.rows = batchSize * numSteps;
            hCopy = Nd4j.zeros(dataType, rows, numHiddens);
            labels = Nd4j.zeros(dataType, rows, vocabSize);
            labelsHost = new HostMirror(labels);
            dLogits = Nd4j.zeros(dataType, rows, vocabSize);
            dLogitsHost = new HostMirror(dLogits);
            bias = Nd4j.zeros(dataType, 1, vocabSize);
            biasHost = new HostMirror(bias);
            dH = Nd4j.zeros(dataType, rows, numHiddens);
        }
    }
}
