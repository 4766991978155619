package org.rnnplayground.model.concise;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnplayground.model.BackwardProbe;
import org.rnnplayground.model.Channel;
import org.rnnplayground.model.HostMirror;
import org.rnnplayground.model.Lane;
import org.rnnplayground.model.OpenBlas;

/**
 * DL4J's {@link LSTM} layer with its own forward and backward pass: the same numbers (a test holds
 * the two together to 1e-12 in float64), without DL4J's per-step ops.
 *
 * <p>It keeps DL4J's configuration, parameters ({@link LSTMParamInitializer}: {@code W} [n_in, 4h],
 * {@code RW} [h, 4h], {@code b} [4h] in the gate order block input, forget, output, input gate, the
 * forget-gate bias starting at 1), state maps ({@code "prevAct"}: {@code H}, {@code "prevMem"}:
 * {@code C}, each [batch_size, num_hiddens]) and gradient views; the math is {@link LstmCell}'s.
 * Like DL4J's LSTM, {@code tbpttBackpropGradient} backpropagates from the state set with {@code
 * rnnSetPreviousState} (a constant) and {@code backpropGradient} from zeros.
 *
 * <p>Speed, as {@link GruLayer}: both passes run on time-major buffers allocated once per
 * (batch_size, num_steps) shape ({@link LstmWorkspace}). {@code X W + b} of all steps is one product,
 * or for one-hot input (as {@link ConciseRnn} feeds the first layer) a gather of rows of {@code W +
 * b}; each step is one product {@code H_{t-1} RW} added into its row block, then the gates, {@code
 * C_t} and {@code H_t} in Java loops on host copies; backwards, each step is the cell's loop and one
 * product {@code dZ RW^T}, and the weight gradients sum over all steps in one product each (one-hot:
 * a scatter-add of rows). The backward pass reuses the gates of the training forward pass that
 * preceded it when its input and carried-in state are the same arrays.
 *
 * <p>The arrays it returns (activations and dL/dX) are views of that workspace, valid until this
 * layer's next pass, as {@link GruLayer}'s; the final state put into the state maps is a copy.
 * Tanh and sigmoid gates only, no masks, dropout or weight noise, {@code NCW} data.
 */
final class CarriedStateLstm extends LSTM {

    /**
     * @param builder DL4J's builder: its configuration is copied field by field (DL4J's LSTM has no
     *     constructor from a builder that a subclass can call)
     */
    CarriedStateLstm(LSTM.Builder builder) {
        LSTM built = builder.build();
        try {
            for (Class<?> k = LSTM.class; k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        f.set(this, f.get(built));
                    }
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot copy DL4J's LSTM configuration", e);
        }
        if (!(getActivationFn() instanceof ActivationTanH) || !(getGateActivationFn() instanceof ActivationSigmoid)) {
            throw new IllegalArgumentException("this layer supports tanh with sigmoid gates, got " + getActivationFn()
                    + " and " + getGateActivationFn());
        }
        if (getIDropout() != null || getWeightNoise() != null) {
            throw new IllegalArgumentException("dropout and weight noise are not supported by this layer");
        }
        if (getRnnDataFormat() != RNNFormat.NCW) {
            throw new IllegalArgumentException("this layer takes NCW data, got " + getRnnDataFormat());
        }
    }

    /** For DL4J's JSON configuration (Jackson). */
    @SuppressWarnings("unused")
    private CarriedStateLstm() {}

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

    /** The layer itself: DL4J's parameters and state maps, our forward and backward. */
    static final class Impl extends org.deeplearning4j.nn.layers.recurrent.LSTM
            implements WorkingMemory, Inspectable, LayerHints.Taker {

        private LstmWorkspace ws;
        /** The input of the last forward pass, time-major, [T*B, n_in]: a view of it or of {@code ws.xCopy}; null for one-hot input. */
        private INDArray xRows;
        /** The tokens of the last forward pass's one-hot input, time-major, [T*B]; null for other input. */
        private int[] tokens;
        /** The input and state of the last training forward pass, whose gates {@link #ws} holds. */
        private INDArray cachedInput;

        private INDArray cachedH0;
        private INDArray cachedC0;

        private BackwardProbe probe;
        /** What {@link ConciseRnn} tells this layer. */
        private final LayerHints hints = new LayerHints();

        private int probedLayer;

        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        /** From a zero state. */
        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            return forward(null, null, training);
        }

        /** From a zero state. */
        @Override
        public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
            setInput(input, workspaceMgr);
            return forward(null, null, training);
        }

        /** From {@code rnnSetPreviousState}'s state; stores the final state there. */
        @Override
        public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
            setInput(input, workspaceMgr);
            INDArray out =
                    forward(stateMap.get(STATE_KEY_PREV_ACTIVATION), stateMap.get(STATE_KEY_PREV_MEMCELL), false);
            storeFinalState(stateMap);
            return out;
        }

        /** From {@code rnnSetTBPTTState}'s state; stores the final state there if asked. */
        @Override
        public INDArray rnnActivateUsingStoredState(
                INDArray input, boolean training, boolean storeLastForTBPTT, LayerWorkspaceMgr workspaceMgr) {
            setInput(input, workspaceMgr);
            INDArray out = forward(
                    tBpttStateMap.get(STATE_KEY_PREV_ACTIVATION), tBpttStateMap.get(STATE_KEY_PREV_MEMCELL), training);
            if (storeLastForTBPTT) {
                storeFinalState(tBpttStateMap);
            }
            return out;
        }

        /** Puts copies of {@code H_T} and {@code C_T}, [B, h] each, into {@code states}. */
        private void storeFinalState(Map<String, INDArray> states) {
            int last = ws.row(ws.numSteps);
            states.put(STATE_KEY_PREV_ACTIVATION, ws.hStep[ws.numSteps].dup()); // H_T, [B, h]
            states.put(
                    STATE_KEY_PREV_MEMCELL,
                    TimeMajor.rows(ws.c.matrix(), last, last + ws.batchSize).dup()); // C_T
        }

        /**
         * The forward pass from {@code h0} and {@code c0}: {@code X W + b} of all steps in one product
         * (or a row gather), then per step one product {@code H_{t-1} RW} added into its row block and
         * {@link LstmCell#forward} on the host copies.
         *
         * @param h0 the hidden state carried in, [batch_size, num_hiddens], or null for zeros; copied
         * @param c0 the cell state carried in, [batch_size, num_hiddens], or null for zeros; copied
         * @return {@code H_t} of every step, [batch_size, num_hiddens, num_steps], a view of the
         *     workspace valid until this layer's next pass
         */
        private INDArray forward(INDArray h0, INDArray c0, boolean training) {
            assertInputSet(false);
            if (maskArray != null) {
                throw new UnsupportedOperationException("masks are not supported by this layer");
            }
            INDArray x = input.castTo(dataType); // [B, n_in, T]; the same array for the right type
            if (x.rank() != 3 || x.size(1) != layerConf().getNIn()) {
                throw new IllegalArgumentException("an LSTM layer takes [batch_size, "
                        + layerConf().getNIn() + ", num_steps], got " + Arrays.toString(x.shape()));
            }
            workspace((int) x.size(0), (int) x.size(2));
            startState(ws.h, h0);
            startState(ws.c, c0);
            INDArray w = getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY); // [n_in, 4h]
            INDArray b = getParam(LSTMParamInitializer.BIAS_KEY); // [1, 4h]
            tokens = ConciseInputs.tokens(x, hints.inputTokens());
            if (tokens != null) {
                xRows = null;
                ws.inputRows.matrix().assign(w).addiRowVector(b); // W + b, in place on the workspace
                ws.inputRows.pull(0, (int) w.size(0));
                ws.gates.gatherRows(ws.inputRows, tokens, 0); // X W + b: row r is row tokens[r] of W + b
                ws.gates.push(0, ws.row(ws.numSteps)); // X W + b, [T*B, 4h]
            } else {
                xRows = TimeMajor.rows(x, ws.xCopy); // [T*B, n_in]; the layer below's rows need no copy
                INDArray z = ws.gates.matrix(); // [T*B, 4h]
                OpenBlas.gemm(xRows, false, w, false, z, 0); // [T*B, n_in] x [n_in, 4h]
                OpenBlas.gemm(ws.ones, false, row(b), false, z, 1); // + [T*B, 1] x [1, 4h]
            }
            ws.rwT.assign(getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY)
                    .transpose()); // RW^T, [4h, h], in place on the copy
            for (int t = 0; t < ws.numSteps; t++) {
                OpenBlas.gemm(ws.hStep[t], false, ws.rwT, true, ws.gatesStep[t], 1); // Z += [B, h] x [h, 4h]
                ws.gates.pull(ws.row(t), ws.row(t + 1));
                LstmCell.forward(ws, t);
                ws.h.push(ws.row(t + 1), ws.row(t + 2)); // H_t, in place on the workspace
            }
            ws.c.push(ws.row(ws.numSteps), ws.row(ws.numSteps + 1)); // C_T, for the state maps
            cachedInput = training ? input : null;
            cachedH0 = h0;
            cachedC0 = c0;
            return TimeMajor.toNcw(ws.hOutAll, ws.batchSize, ws.numSteps); // [B, h, T]
        }

        /** Block 0 of {@code states} (and its host copy) becomes {@code s0}, or zeros; in place on the workspace. */
        private void startState(HostMirror states, INDArray s0) {
            INDArray first = TimeMajor.rows(states.matrix(), 0, ws.batchSize); // [B, h]
            if (s0 == null) {
                first.assign(0);
            } else if (s0.rank() != 2 || s0.size(0) != ws.batchSize || s0.size(1) != ws.numHiddens) {
                throw new IllegalArgumentException("the state has shape " + Arrays.toString(s0.shape()) + ", expected ["
                        + ws.batchSize + ", " + ws.numHiddens + "]");
            } else {
                first.assign(s0);
            }
            states.pull(0, ws.batchSize);
        }

        /** As DL4J's LSTM: from a zero state. */
        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            return backward(epsilon, null, null, -1);
        }

        /**
         * Backpropagation through time from {@code epsilon = dL/dH} down to the state set with {@code
         * rnnSetPreviousState} (zeros if none), which is held constant; as DL4J's LSTM, the final
         * state of that pass goes into the truncated-BPTT state map.
         *
         * @param epsilon dL/dH of every step, [batch_size, num_hiddens, num_steps]
         * @param tbpttBackLength steps to go back from the last, or -1 (or more than num_steps) for all
         * @return the gradients (views into the network's flat gradient) and dL/dX, [batch_size, n_in,
         *     num_steps], a view of this layer's workspace valid until its next pass (null when
         *     {@link LayerHints#inputGradientWanted} is false)
         */
        @Override
        public Pair<Gradient, INDArray> tbpttBackpropGradient(
                INDArray epsilon, int tbpttBackLength, LayerWorkspaceMgr workspaceMgr) {
            Pair<Gradient, INDArray> result = backward(
                    epsilon,
                    stateMap.get(STATE_KEY_PREV_ACTIVATION),
                    stateMap.get(STATE_KEY_PREV_MEMCELL),
                    tbpttBackLength);
            storeFinalState(tBpttStateMap);
            return result;
        }

        private Pair<Gradient, INDArray> backward(INDArray epsilon, INDArray h0, INDArray c0, int tbpttBackLength) {
            assertInputSet(true);
            if (cachedInput == null || cachedInput != input || cachedH0 != h0 || cachedC0 != c0) {
                forward(h0, c0, true);
            }
            int numSteps = ws.numSteps;
            int end = tbpttBackLength > 0 ? Math.max(0, numSteps - tbpttBackLength) : 0;
            TimeMajor.copy(epsilon.castTo(dataType), ws.dH.matrix()); // dL/dH from above, [T*B, h], in place
            ws.biasGrad.clear();
            ws.dH.pull(0, ws.row(numSteps));
            INDArray wGrad = gradientViews.get(LSTMParamInitializer.INPUT_WEIGHT_KEY); // [n_in, 4h]
            INDArray rwGrad = gradientViews.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY); // [h, 4h]
            Lane lane = hints.lane();
            LaneGradients.Operands pieces = LaneGradients.onLane(
                    lane, end, LstmWorkspace.GATES, ws.numHiddens, ws.laneOperands(rwGrad, xRows, tokens, wGrad));
            boolean onLane = pieces != null;
            for (int t = numSteps - 1; t >= end; t--) {
                if (t < numSteps - 1) {
                    ws.dH.pull(ws.row(t), ws.row(t + 1)); // with step t+1's product
                }
                if (probe != null) {
                    probe.hiddenGradient(probedLayer, t + 1, ws.dHStep[t]); // dL/dH_{t+1}, [B, h]
                }
                LstmCell.backward(ws, t, t == numSteps - 1);
                ws.dGates.push(ws.row(t), ws.row(t + 1));
                ws.dGates.addRowsTo(ws.row(t), ws.row(t + 1), ws.biasGrad); // 1^T dZ, step by step
                if (onLane) {
                    ws.laneGradients.afterStep(lane, t, pieces); // W's and RW's gradients, piece by piece
                }
                if (probe != null) {
                    probe.recurrentGradient(probedLayer, t + 1, ws.hStep[t], ws.dGatesStep[t]); // [B, h], [B, 4h]
                }
                if (t > end) {
                    OpenBlas.gemm(ws.dGatesStep[t], false, ws.rwT, false, ws.dHStep[t - 1], 1); // += [B, 4h] x [4h, h]
                }
            }
            if (end > 0) { // steps before the window: no gradient
                ws.dGates.clear(0, ws.row(end)); // in place on the host copy
                ws.dGates.push(0, ws.row(end));
            }
            INDArray dZ = ws.dGates.matrix(); // dL/dZ, [T*B, 4h]
            INDArray w = getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY); // [n_in, 4h]
            INDArray bGrad = gradientViews.get(LSTMParamInitializer.BIAS_KEY); // [1, 4h]
            if (onLane) {
                ws.laneGradients.finish(lane, pieces); // the step joins the lane before reading them
            } else if (tokens != null) {
                ws.inputRows.clear();
                ws.dGates.scatterAddRows(ws.row(end), ws.row(numSteps), tokens, ws.inputRows); // one-hot(X)^T dZ
                ws.inputRows.push(0, (int) w.size(0));
                wGrad.assign(ws.inputRows.matrix()); // [n_in, 4h], in place on the gradient
            } else {
                OpenBlas.gemm(xRows, true, dZ, false, wGrad, 0); // [n_in, T*B] x [T*B, 4h], in place on the gradient
            }
            if (!onLane) {
                OpenBlas.gemm(
                        ws.hPrevAll, true, dZ, false, rwGrad, 0); // [h, T*B] x [T*B, 4h], in place on the gradient
            }
            ws.biasGrad.push(0, 1);
            row(bGrad).assign(ws.biasGrad.matrix()); // [1, 4h], in place on the gradient
            INDArray dX = null; // dL/dX, [B, n_in, T], unless nobody reads it
            if (hints.inputGradientWanted()) {
                OpenBlas.gemm(dZ, false, w, true, ws.dX, 0); // dL/dX = [T*B, 4h] x [4h, n_in]
                dX = TimeMajor.toNcw(ws.dX, ws.batchSize, ws.numSteps);
            }
            Gradient grad = new DefaultGradient(gradientsFlattened);
            grad.gradientForVariable().put(LSTMParamInitializer.INPUT_WEIGHT_KEY, wGrad);
            grad.gradientForVariable().put(LSTMParamInitializer.RECURRENT_WEIGHT_KEY, rwGrad);
            grad.gradientForVariable().put(LSTMParamInitializer.BIAS_KEY, bGrad);
            return new Pair<>(grad, dX); // [B, n_in, T] or null
        }

        /**
         * A bias vector as a matrix for a product: a view, so that a product into it writes the vector.
         *
         * @param b [1, 4h] or [4h], contiguous
         * @return [1, 4h]
         */
        private static INDArray row(INDArray b) {
            return b.reshape('c', 1, b.length()); // [1, 4h]
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

        /** {@code C} and the gates {@code I}, {@code F}, {@code O} and candidate {@code C~} of the last forward pass. */
        @Override
        public List<Channel> gateChannels(int layer) {
            int b = ws.batchSize, t = ws.numSteps, h = ws.numHiddens, cols = LstmWorkspace.GATES * h;
            return List.of(
                    Channel.block(layer, "C", b, t, h, ws.c, h, b, 0), // C_1..C_T, after C_0
                    Channel.block(layer, "I", b, t, h, ws.gates, cols, 0, 3), // DL4J's blocks: A | F | O | G
                    Channel.block(layer, "F", b, t, h, ws.gates, cols, 0, 1),
                    Channel.block(layer, "O", b, t, h, ws.gates, cols, 0, 2),
                    Channel.block(layer, "C~", b, t, h, ws.gates, cols, 0, 0));
        }

        @Override
        public void release() {
            ws = null;
            xRows = null;
            tokens = null;
            cachedInput = null;
            cachedH0 = null;
            cachedC0 = null;
        }

        private void workspace(int batchSize, int numSteps) {
            if (ws == null || !ws.fits(batchSize, numSteps)) {
                ws = new LstmWorkspace(
                        batchSize,
                        numSteps,
                        (int) layerConf().getNIn(),
                        (int) layerConf().getNOut(),
                        dataType);
            }
        }
    }
}
