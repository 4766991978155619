package org.rnnplayground.model.concise;

import java.util.Collection;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.SimpleRnnParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.BackwardProbe;
import org.rnnplayground.model.Channel;
import org.rnnplayground.model.OpenBlas;

/**
 * DL4J's {@link SimpleRnn} layer with its own forward and backward pass: backpropagation starts from
 * the carried-in state, and neither pass loops over DL4J ops per step.
 *
 * <p>In DL4J 1.0.0-M2.1 the forward pass of {@code SimpleRnn} honours a stored state ({@code
 * rnnTimeStep}, {@code rnnActivateUsingStoredState}), but {@code backpropGradient} and {@code
 * tbpttBackpropGradient} recompute the forward pass from a zero state ({@code activateHelper(null,
 * ...)}). With a carried state the gradients then belong to a different forward pass than the loss.
 * This subclass keeps DL4J's configuration, parameters, state maps and gradient views, and computes
 * both passes itself: the backward pass starts from {@code rnnGetPreviousState().get("prevAct")}
 * (the state the model sets before every step, like DL4J's own LSTM does in truncated BPTT) and
 * backpropagates through time down to it. The state itself is a constant: no gradient flows into the
 * previous minibatch.
 *
 * <p>Speed (DL4J's layer loops over steps with a fresh view and fresh native buffers per step and
 * recomputes the forward pass in the backward pass): the passes run on time-major buffers allocated
 * once per shape ({@link SimpleRnnWorkspace}), as the from-scratch model does. {@code X W} of all
 * steps is one product, each step is one product {@code H_{t-1} RW} into its row block and the
 * nonlinearity on a host copy; the backward pass reuses the {@code H} of the last training forward
 * pass when its input and carried-in state are the same arrays, and sums the weight gradients over
 * all steps in one product each. One-hot input (as {@link ConciseRnn} feeds the first layer) is
 * recognised, and {@code X W} becomes a gather of rows of {@code W}, its gradient {@code X^T dZ} a
 * scatter-add of rows of {@code dZ}: the same numbers without the products. Only tanh and ReLU (the book's choices), no masks, no dropout, no
 * weight noise, no layer normalisation, {@code NCW} data.
 */
final class CarriedStateSimpleRnn extends SimpleRnn {

    CarriedStateSimpleRnn(SimpleRnn.Builder builder) {
        super(builder);
        if (hasLayerNorm()) {
            throw new IllegalArgumentException("layer normalisation is not supported by this layer");
        }
        if (getIDropout() != null || getWeightNoise() != null) {
            throw new IllegalArgumentException("dropout and weight noise are not supported by this layer");
        }
        if (getRnnDataFormat() != RNNFormat.NCW) {
            throw new IllegalArgumentException("this layer takes NCW data, got " + getRnnDataFormat());
        }
        phi(getActivationFn()); // fails early for other activations
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

    /** Our nonlinearity for DL4J's; it computes {@code phi'} from the stored {@code H = phi(Z)}. */
    static Activation phi(IActivation dl4j) {
        if (dl4j instanceof ActivationTanH) {
            return Activation.TANH;
        }
        if (new ActivationReLU().equals(dl4j)) { // plain max(0, z): no cap, threshold or leak
            return Activation.RELU;
        }
        throw new IllegalArgumentException("this layer supports tanh and relu, got " + dl4j);
    }

    /** The layer itself: DL4J's parameters and state maps, our forward and backward. */
    static final class Impl extends org.deeplearning4j.nn.layers.recurrent.SimpleRnn
            implements WorkingMemory, Inspectable, LayerHints.Taker {

        private final Activation phi;
        private SimpleRnnWorkspace ws;
        /** The input of the last forward pass, time-major, [T*B, n_in]: a view of it or of {@code ws.xCopy}; null for one-hot input. */
        private INDArray xRows;
        /** The tokens of the last forward pass's one-hot input, time-major, [T*B]; null for other input. */
        private int[] tokens;
        /** The input and state of the last training forward pass, whose {@code H} {@link #ws} holds. */
        private INDArray cachedInput;

        private INDArray cachedH0;

        private BackwardProbe probe;
        /** What {@link ConciseRnn} tells this layer. */
        private final LayerHints hints = new LayerHints();

        private int probedLayer;

        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
            this.phi = phi(layerConf().getActivationFn());
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            return forward(null, training);
        }

        @Override
        public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
            setInput(input, workspaceMgr);
            INDArray out = forward(stateMap.get(STATE_KEY_PREV_ACTIVATION), false);
            stateMap.put(STATE_KEY_PREV_ACTIVATION, ws.hStep[ws.numSteps].dup()); // H_T, [B, h]
            return out;
        }

        @Override
        public INDArray rnnActivateUsingStoredState(
                INDArray input, boolean training, boolean storeLastForTBPTT, LayerWorkspaceMgr workspaceMgr) {
            setInput(input, workspaceMgr);
            INDArray out = forward(tBpttStateMap.get(STATE_KEY_PREV_ACTIVATION), training);
            if (storeLastForTBPTT) {
                tBpttStateMap.put(STATE_KEY_PREV_ACTIVATION, ws.hStep[ws.numSteps].dup()); // H_T, [B, h]
            }
            return out;
        }

        /**
         * {@code H_t = phi(X_t W + H_{t-1} RW + b)} for every step, from {@code h0}.
         *
         * <p>The result is a view of this layer's workspace: valid until its next forward pass (as
         * activations in a DL4J workspace are), a new array object every time.
         *
         * @param h0 the state carried in, [batch_size, num_hiddens], or null for zeros; copied
         * @return the activations of every step, [batch_size, num_hiddens, num_steps]
         */
        private INDArray forward(INDArray h0, boolean training) {
            assertInputSet(false);
            if (maskArray != null) {
                throw new UnsupportedOperationException("masks are not supported by this layer");
            }
            INDArray x = input.castTo(dataType); // [B, n_in, T]; the same array for the right type
            workspace((int) x.size(0), (int) x.size(2));
            if (h0 == null) {
                ws.hStep[0].assign(0); // in place on the workspace
            } else {
                ws.hStep[0].assign(h0); // [B, h], in place on the workspace
            }
            tokens = ConciseInputs.tokens(x, hints.inputTokens());
            if (tokens != null) {
                xRows = null;
                gatherInputRows();
            } else {
                xRows = TimeMajor.rows(x, ws.xCopy); // [T*B, n_in]; the layer below's rows need no copy
                INDArray w = getParam(SimpleRnnParamInitializer.WEIGHT_KEY); // [n_in, h]
                OpenBlas.gemm(xRows, false, w, false, ws.hOutAll, 0); // [T*B, n_in] x [n_in, h]
                ws.hOutAll.addiRowVector(
                        getParam(SimpleRnnParamInitializer.BIAS_KEY)); // + b, in place on the workspace
            }
            ws.rw.assign(getParam(SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY)); // [h, h], in place on the copy
            for (int t = 0; t < ws.numSteps; t++) {
                cellForward(t, ws.rw);
            }
            cachedInput = training ? input : null;
            cachedH0 = h0;
            return TimeMajor.toNcw(ws.hOutAll, ws.batchSize, ws.numSteps); // [B, h, T]
        }

        /**
         * {@code X W + b} for one-hot {@code X}: row {@code t * B + i} is row {@code tokens[t * B + i]}
         * of {@code W + b}, gathered on the host copy of {@code ws.hOutAll} (in place on the workspace),
         * the same numbers as the product without its arithmetic.
         */
        private void gatherInputRows() {
            ws.inputRows.assign(
                    getParam(SimpleRnnParamInitializer.WEIGHT_KEY)); // W, [n_in, h], in place on the workspace
            ws.inputRows.addiRowVector(getParam(SimpleRnnParamInitializer.BIAS_KEY)); // W + b, in place
            ws.inputRowsHost.pull(0, (int) ws.inputRows.size(0));
            ws.hHost.gatherRows(ws.inputRowsHost, tokens, ws.batchSize); // rows of H_1..H_T
            ws.hHost.push(ws.batchSize, (ws.numSteps + 1) * ws.batchSize); // X W + b, [T*B, h]
        }

        /**
         * Step {@code t}: block {@code t + 1} of {@code ws.hAll} holds {@code X_t W + b} on entry and
         * {@code H_{t+1}} on exit (in place); its host copy is left holding {@code H_{t+1}}.
         */
        private void cellForward(int t, INDArray rw) {
            OpenBlas.gemm(ws.hStep[t], false, rw, false, ws.hStep[t + 1], 1); // Z += [B, h] x [h, h]
            int from = (t + 1) * ws.batchSize;
            int to = from + ws.batchSize;
            ws.hHost.pull(from, to); // Z, [B, h]
            phi.apply(ws.hHost, from, to); // phi(Z), in place on the host copy
            ws.hHost.push(from, to); // H_{t+1}, in place on the workspace
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            return tbpttBackpropGradient(epsilon, -1, workspaceMgr);
        }

        /**
         * Backpropagation through time from {@code epsilon = dL/dH} down to the stored state. Runs the
         * forward pass again unless the last one was a training pass on the same input and state
         * arrays.
         *
         * @param epsilon dL/dH of every step, [batch_size, num_hiddens, num_steps]
         * @param tbpttBackLength steps to go back, or -1 for all
         * @return the gradient (views into the network's flat gradient) and dL/dX, [batch_size, n_in,
         *     num_steps], a view of this layer's workspace valid until its next pass (null when
         *     {@link LayerHints#inputGradientWanted} is false)
         */
        @Override
        public Pair<Gradient, INDArray> tbpttBackpropGradient(
                INDArray epsilon, int tbpttBackLength, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            INDArray h0 = stateMap.get(STATE_KEY_PREV_ACTIVATION); // [B, h] or null for zeros
            if (cachedInput == null || cachedInput != input || cachedH0 != h0) {
                forward(h0, true);
            }
            int numSteps = ws.numSteps;
            int end = tbpttBackLength > 0 ? Math.max(0, numSteps - tbpttBackLength) : 0;
            INDArray w = getParam(SimpleRnnParamInitializer.WEIGHT_KEY); // [n_in, h]
            INDArray rw = getParam(SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY); // [h, h]
            ws.rwT.assign(rw.transpose()); // RW^T, [h, h], in place on the copy
            TimeMajor.copy(epsilon, ws.dHAll); // dL/dH from above, [T*B, h], in place on the workspace
            for (int t = numSteps - 1; t >= end; t--) {
                cellBackward(t, t > end ? ws.rwT : null);
            }
            if (end > 0) {
                TimeMajor.rows(ws.dHAll, 0, end * ws.batchSize).assign(0); // steps before the window
            }
            INDArray dZ = ws.dHAll; // dL/dZ of every step, [T*B, h]
            INDArray wGrad = gradientViews.get(SimpleRnnParamInitializer.WEIGHT_KEY); // [n_in, h]
            INDArray rwGrad = gradientViews.get(SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY); // [h, h]
            INDArray bGrad = gradientViews.get(SimpleRnnParamInitializer.BIAS_KEY); // [1, h]
            int from = end * ws.batchSize, to = numSteps * ws.batchSize; // the window's rows of dZ on the host
            if (tokens != null) {
                ws.inputRowsHost.clear(); // one-hot(X)^T dZ: row k sums dZ over the steps whose token is k
                ws.dHHost.scatterAddRows(from, to, tokens, ws.inputRowsHost);
                ws.inputRowsHost.push(0, (int) ws.inputRows.size(0));
                wGrad.assign(ws.inputRows); // [n_in, h], in place on the gradient
            } else {
                OpenBlas.gemm(xRows, true, dZ, false, wGrad, 0); // [n_in, T*B] x [T*B, h], in place on the gradient
            }
            OpenBlas.gemm(ws.hPrevAll, true, dZ, false, rwGrad, 0); // [h, T*B] x [T*B, h], in place on the gradient
            ws.dHHost.sumRows(from, to, ws.biasGradHost); // 1^T dZ, [1, h]
            ws.biasGradHost.push(0, 1);
            bGrad.assign(ws.biasGrad); // [1, h], in place on the gradient
            INDArray dX = null; // dL/dX, [B, n_in, T], unless nobody reads it
            if (hints.inputGradientWanted()) {
                OpenBlas.gemm(dZ, false, w, true, ws.dX, 0); // dL/dX = [T*B, h] x [h, n_in]
                dX = TimeMajor.toNcw(ws.dX, ws.batchSize, ws.numSteps);
            }
            Gradient g = new DefaultGradient(gradientsFlattened);
            g.gradientForVariable().put(SimpleRnnParamInitializer.WEIGHT_KEY, wGrad);
            g.gradientForVariable().put(SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY, rwGrad);
            g.gradientForVariable().put(SimpleRnnParamInitializer.BIAS_KEY, bGrad);
            return new Pair<>(g, dX); // [B, n_in, T] or null
        }

        /**
         * Step {@code t} backwards: {@code dZ_t = dH_t * phi'(Z_t)} in place on block {@code t} of
         * {@code ws.dHAll} (through its host copy, with {@code phi'} from the stored {@code H_{t+1}}),
         * then {@code dH_{t-1} += dZ_t RW^T} ({@code rwT} holds {@code RW^T}) unless it is null (the first step of the window).
         */
        private void cellBackward(int t, INDArray rwT) {
            int from = t * ws.batchSize;
            int to = from + ws.batchSize;
            if (probe != null) {
                probe.hiddenGradient(probedLayer, t + 1, ws.dHStep[t]); // dL/dH_{t+1}, [B, h]
            }
            ws.dHHost.pull(from, to); // dL/dH_{t+1}, [B, h]
            phi.backprop(ws.dHHost, from, ws.hHost, from + ws.batchSize, ws.batchSize); // in place
            ws.dHHost.push(from, to); // dL/dZ, in place on the workspace
            if (probe != null) {
                probe.recurrentGradient(probedLayer, t + 1, ws.hStep[t], ws.dHStep[t]); // H_t, dL/dZ_{t+1}
            }
            if (rwT != null) {
                OpenBlas.gemm(ws.dHStep[t], false, rwT, false, ws.dHStep[t - 1], 1); // += [B, h] x [h, h]^T
            }
        }

        @Override
        public LayerHints hints() {
            return hints;
        }

        @Override
        public void probe(BackwardProbe probe, int layer) {
            this.probe = probe;
            this.probedLayer = layer;
        }

        /** None: the layer's {@code H} is its output. */
        @Override
        public List<Channel> gateChannels(int layer) {
            return List.of();
        }

        @Override
        public void release() {
            ws = null;
            xRows = null;
            tokens = null;
            cachedInput = null;
            cachedH0 = null;
        }

        private void workspace(int batchSize, int numSteps) {
            if (ws == null || !ws.fits(batchSize, numSteps)) {
                ws = new SimpleRnnWorkspace(
                        batchSize,
                        numSteps,
                        (int) layerConf().getNIn(),
                        (int) layerConf().getNOut(),
                        dataType);
            }
        }
    }
}
