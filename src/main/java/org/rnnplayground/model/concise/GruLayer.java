package org.rnnplayground.model.concise;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnplayground.model.BackwardProbe;
import org.rnnplayground.model.Channel;
import org.rnnplayground.model.Lane;
import org.rnnplayground.model.OpenBlas;

/**
 * A GRU layer for DL4J 1.0.0-M2.1, which ships none (d2l 9.1).
 *
 * <p>It computes what ND4J's own {@code gru} op computes (a test holds the two together), with the
 * reset gate applied to the recurrent product, as PyTorch's {@code nn.GRU} does:
 *
 * <pre>
 *   R_t = sigmoid(X_t W_xr + H_{t-1} W_hr + b_r)
 *   Z_t = sigmoid(X_t W_xz + H_{t-1} W_hz + b_z)
 *   N_t = tanh(X_t W_xh + R_t * (H_{t-1} W_hh) + b_h)
 *   H_t = Z_t * H_{t-1} + (1 - Z_t) * N_t
 * </pre>
 *
 * (the book's from-scratch GRU multiplies {@code R_t * H_{t-1}} before {@code W_hh}; PyTorch, and
 * so the book's concise GRU, does it after, with a second bias inside; ND4J has one bias outside).
 *
 * <p>The backward pass is our own: ND4J's {@code gru_bp} op does not return the gradient of its
 * {@code gru} op in 1.0.0-M2.1 (it disagrees with finite differences of it). Like {@link
 * CarriedStateSimpleRnn}, backpropagation runs from the state set with {@code rnnSetPreviousState}
 * (the carried state, a constant) and reuses the gates of the training forward pass that preceded
 * it, when its input and carried-in state are the same arrays, instead of recomputing them.
 *
 * <p>Speed, as {@link CarriedStateSimpleRnn}: both passes run on time-major buffers allocated once
 * per (batch_size, num_steps) shape ({@link GruWorkspace}), so a minibatch allocates no native
 * memory. {@code X W + b} of all steps is one product (for one-hot input, as {@link
 * ConciseRnn} feeds the first layer, a gather of rows of {@code W + b}, and its gradient a
 * scatter-add of rows of {@code dG}); each step is one product {@code H_{t-1} RW}
 * for all three gates into its row block, then the gates and {@code H_t} in Java loops on host
 * copies ({@link GruCell}); backwards, each step is the cell's loop and one product {@code dA RW^T},
 * and the weight gradients sum over all steps in one product each.
 *
 * <p>The arrays it returns, the activations of {@code activate}, {@code rnnTimeStep} and {@code
 * rnnActivateUsingStoredState} and dL/dX of the backward pass, are views of that workspace: they
 * stay valid until this layer's next pass (a backward pass that has to recompute its forward pass
 * counts as one), as activations in a DL4J workspace do. {@link ConciseRnn} runs every layer
 * forward, then backward from the top, so each layer reads its input (the layer below's view) before
 * the layer below runs again. The final state put into the state maps is a copy.
 *
 * <p>Layouts: input and output in DL4J's NCW {@code [batch_size, features, num_steps]} (the only
 * format it takes); inside, time-major {@code [num_steps * batch_size, ...]} matrices whose
 * per-step row blocks are contiguous. Parameters as {@link GruParams}. State map key {@code
 * "prevAct"}: {@code H}, [batch_size, num_hiddens]. No masks, dropout or weight noise.
 */
final class GruLayer extends BaseRecurrentLayer {

    private GruLayer(Builder builder) {
        super(builder);
    }

    /** For DL4J's JSON configuration (Jackson). */
    @SuppressWarnings("unused")
    private GruLayer() {}

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(
            NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners,
            int layerIndex,
            INDArray layerParamsView,
            boolean initializeParams,
            DataType networkDataType) {
        LayerValidation.assertNInNOutSet("GruLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        if (getIDropout() != null || getWeightNoise() != null) {
            throw new IllegalArgumentException("dropout and weight noise are not supported by this layer");
        }
        if (getRnnDataFormat() != RNNFormat.NCW) {
            throw new IllegalArgumentException("this layer takes NCW data, got " + getRnnDataFormat());
        }
        return LayerWiring.wire(
                new Impl(conf, networkDataType),
                conf,
                trainingListeners,
                layerIndex,
                layerParamsView,
                initializeParams,
                initializer());
    }

    @Override
    public ParamInitializer initializer() {
        return GruParams.INSTANCE;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return null; // as DL4J's SimpleRnn: not estimated
    }

    /** Builds a {@link GruLayer}: {@code nIn}, {@code nOut} (num_hiddens), weight init, data format. */
    static final class Builder extends BaseRecurrentLayer.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked")
        public GruLayer build() {
            return new GruLayer(this);
        }
    }

    /** The layer: DL4J's recurrent-layer plumbing (state maps, parameter views) around our GRU. */
    static final class Impl extends org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer<GruLayer>
            implements WorkingMemory, Inspectable, LayerHints.Taker {

        static final String STATE_KEY_PREV_ACTIVATION = "prevAct";

        private GruWorkspace ws;
        /** The input of the last forward pass, time-major, [T*B, n_in]: a view of it or of {@code ws.xCopy}; null for one-hot input. */
        private INDArray xRows;
        /** The tokens of the last forward pass's one-hot input, time-major, [T*B]; null for other input. */
        private int[] tokens;
        /** The input and state of the last training forward pass, whose gates {@link #ws} holds. */
        private INDArray cachedInput;

        private INDArray cachedH0;

        private BackwardProbe probe;
        /** What {@link ConciseRnn} tells this layer. */
        private final LayerHints hints = new LayerHints();

        private int probedLayer;

        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public boolean isPretrainLayer() {
            return false;
        }

        @Override
        public Type type() {
            return Type.RECURRENT;
        }

        /** From a zero state. */
        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            return forward(null, training);
        }

        /** From {@code rnnSetPreviousState}'s state; stores the final state there. */
        @Override
        public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
            setInput(input, workspaceMgr);
            INDArray out = forward(stateMap.get(STATE_KEY_PREV_ACTIVATION), false);
            stateMap.put(STATE_KEY_PREV_ACTIVATION, ws.hStep[ws.numSteps].dup()); // H_T, [B, h]
            return out;
        }

        /** From {@code rnnSetTBPTTState}'s state; stores the final state there if asked. */
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
         * The forward pass from {@code h0}: {@code X W + b} of all steps in one product, then per step
         * one product {@code H_{t-1} RW} into its row block and {@link GruCell#forward} on the host
         * copies.
         *
         * <p>The result is a view of this layer's workspace: valid until its next forward pass (as
         * activations in a DL4J workspace are), a new array object every time.
         *
         * @param h0 the state carried in, [batch_size, num_hiddens], or null for zeros; copied
         * @return {@code H_t} of every step, [batch_size, num_hiddens, num_steps]
         */
        private INDArray forward(INDArray h0, boolean training) {
            assertInputSet(false);
            if (maskArray != null) {
                throw new UnsupportedOperationException("masks are not supported by this layer");
            }
            INDArray x = input.castTo(dataType); // [B, n_in, T]; the same array for the right type
            if (x.rank() != 3 || x.size(1) != layerConf().getNIn()) {
                throw new IllegalArgumentException("a GRU layer takes [batch_size, "
                        + layerConf().getNIn() + ", num_steps], got " + Arrays.toString(x.shape()));
            }
            workspace((int) x.size(0), (int) x.size(2));
            if (h0 != null && (h0.rank() != 2 || h0.size(0) != ws.batchSize || h0.size(1) != ws.numHiddens)) {
                throw new IllegalArgumentException("the state has shape " + Arrays.toString(h0.shape()) + ", expected ["
                        + ws.batchSize + ", " + ws.numHiddens + "]");
            }
            if (h0 == null) {
                ws.hStep[0].assign(0); // in place on the workspace
            } else {
                ws.hStep[0].assign(h0); // [B, h], in place on the workspace
            }
            ws.h.pull(0, ws.row(1));
            INDArray w = getParam(GruParams.WEIGHT_KEY); // [n_in, 3h]
            INDArray b = row(getParam(GruParams.BIAS_KEY)); // [1, 3h]
            tokens = ConciseInputs.tokens(x, hints.inputTokens());
            if (tokens != null) { // one-hot: X W + b gathers rows of W + b, on the host copy only
                xRows = null;
                ws.inputRows.matrix().assign(w).addiRowVector(b); // W + b, in place on the workspace
                ws.inputRows.pull(0, (int) w.size(0));
                ws.gates.gatherRows(ws.inputRows, tokens, 0); // row r is row tokens[r] of W + b, [T*B, 3h]
            } else {
                xRows = TimeMajor.rows(x, ws.xCopy); // [T*B, n_in]; the layer below's rows need no copy
                INDArray gx = ws.gates.matrix(); // [T*B, 3h]
                OpenBlas.gemm(xRows, false, w, false, gx, 0); // [T*B, n_in] x [n_in, 3h]
                OpenBlas.gemm(ws.ones, false, b, false, gx, 1); // + [T*B, 1] x [1, 3h]
                ws.gates.pull(0, ws.row(ws.numSteps));
            }
            ws.rwT.assign(getParam(GruParams.RECURRENT_WEIGHT_KEY).transpose()); // RW^T, [3h, h], in place on the copy
            for (int t = 0; t < ws.numSteps; t++) {
                OpenBlas.gemm(ws.hStep[t], false, ws.rwT, true, ws.recurrentStep[t], 0); // A = [B, h] x [h, 3h]
                ws.recurrent.pull(ws.row(t), ws.row(t + 1));
                GruCell.forward(ws, t);
                ws.h.push(ws.row(t + 1), ws.row(t + 2)); // H_t, in place on the workspace
            }
            cachedInput = training ? input : null;
            cachedH0 = h0;
            return TimeMajor.toNcw(ws.hOutAll, ws.batchSize, ws.numSteps); // [B, h, T]
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            return tbpttBackpropGradient(epsilon, -1, workspaceMgr);
        }

        /**
         * Backpropagation through time from {@code epsilon = dL/dH} down to the state set with {@code
         * rnnSetPreviousState} (zeros if none), which is held constant. Runs the forward pass again
         * unless the last one was a training pass on the same input and state arrays.
         *
         * @param epsilon dL/dH of every step, [batch_size, num_hiddens, num_steps]
         * @param tbpttBackLength steps to go back from the last, or -1 (or more than num_steps) for all;
         *     the state before the window is then held constant and earlier steps get no gradient
         * @return the gradients (views into the network's flat gradient) and dL/dX, [batch_size, n_in,
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
            TimeMajor.copy(epsilon.castTo(dataType), ws.dH.matrix()); // dL/dH from above, [T*B, h], in place
            ws.biasGrad.clear();
            ws.dH.pull(0, ws.row(numSteps));
            INDArray wGrad = gradientViews.get(GruParams.WEIGHT_KEY); // [n_in, 3h]
            INDArray rwGrad = gradientViews.get(GruParams.RECURRENT_WEIGHT_KEY); // [h, 3h]
            Lane lane = hints.lane();
            LaneGradients.Operands pieces = LaneGradients.onLane(
                    lane, end, GruParams.GATES, ws.numHiddens, ws.laneOperands(rwGrad, xRows, tokens, wGrad));
            boolean onLane = pieces != null;
            for (int t = numSteps - 1; t >= end; t--) {
                if (t < numSteps - 1) {
                    ws.dH.pull(ws.row(t), ws.row(t + 1)); // with step t+1's product
                }
                if (probe != null) {
                    probe.hiddenGradient(probedLayer, t + 1, ws.dHStep[t]); // dL/dH_{t+1}, [B, h]
                }
                GruCell.backward(ws, t, t > end);
                ws.dRecurrent.push(ws.row(t), ws.row(t + 1));
                ws.dGates.addRowsTo(ws.row(t), ws.row(t + 1), ws.biasGrad); // 1^T dG, step by step
                if (onLane) {
                    ws.dGates.push(ws.row(t), ws.row(t + 1)); // the lane reads it
                    ws.laneGradients.afterStep(lane, t, pieces); // W's and RW's gradients, piece by piece
                }
                if (probe != null) {
                    probe.recurrentGradient(probedLayer, t + 1, ws.hStep[t], ws.dRecurrentStep[t]); // [B, h], [B, 3h]
                }
                if (t > end) {
                    ws.dH.push(ws.row(t - 1), ws.row(t)); // with dH * Z, in place on the workspace
                    OpenBlas.gemm(
                            ws.dRecurrentStep[t], false, ws.rwT, false, ws.dHStep[t - 1], 1); // += [B, 3h] x [3h, h]
                }
            }
            if (end > 0) { // steps before the window: no gradient
                ws.dGates.clear(0, ws.row(end)); // in place on the host copies
                ws.dRecurrent.clear(0, ws.row(end));
                ws.dRecurrent.push(0, ws.row(end));
            }
            if (!onLane) {
                ws.dGates.push(0, ws.row(numSteps));
            }
            INDArray dG = ws.dGates.matrix(); // dL/d(X W + b), [T*B, 3h]
            INDArray bGrad = gradientViews.get(GruParams.BIAS_KEY); // [3h]
            if (onLane) {
                ws.laneGradients.finish(lane, pieces); // the step joins the lane before reading them
            } else if (tokens != null) { // one-hot(X)^T dG: row k sums dG over the rows whose token is k
                ws.inputRows.clear();
                ws.dGates.scatterAddRows(ws.row(end), ws.row(numSteps), tokens, ws.inputRows);
                ws.inputRows.push(0, (int) wGrad.size(0));
                wGrad.assign(ws.inputRows.matrix()); // [n_in, 3h], in place on the gradient
            } else {
                OpenBlas.gemm(xRows, true, dG, false, wGrad, 0); // [n_in, T*B] x [T*B, 3h], in place on the gradient
            }
            if (!onLane) {
                OpenBlas.gemm(
                        ws.hPrevAll,
                        true,
                        ws.dRecurrent.matrix(),
                        false,
                        rwGrad,
                        0); // [h, T*B] x [T*B, 3h], in place on the gradient
            }
            ws.biasGrad.push(0, 1);
            row(bGrad).assign(ws.biasGrad.matrix()); // [1, 3h], in place on the gradient
            INDArray dX = null; // dL/dX, [B, n_in, T], unless nobody reads it
            if (hints.inputGradientWanted()) {
                OpenBlas.gemm(
                        dG, false, getParam(GruParams.WEIGHT_KEY), true, ws.dX, 0); // dL/dX = [T*B, 3h] x [3h, n_in]
                dX = TimeMajor.toNcw(ws.dX, ws.batchSize, ws.numSteps);
            }
            Gradient grad = new DefaultGradient(gradientsFlattened);
            grad.gradientForVariable().put(GruParams.WEIGHT_KEY, wGrad);
            grad.gradientForVariable().put(GruParams.RECURRENT_WEIGHT_KEY, rwGrad);
            grad.gradientForVariable().put(GruParams.BIAS_KEY, bGrad);
            return new Pair<>(grad, dX); // [B, n_in, T] or null
        }

        /**
         * A bias vector as a matrix for a product: a view, so that a product into it writes the vector.
         *
         * @param b [3h], contiguous
         * @return [1, 3h]
         */
        private static INDArray row(INDArray b) {
            return b.reshape('c', 1, b.length()); // [1, 3h]
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

        /** The reset gate {@code R}, update gate {@code Z} and candidate {@code H~} of the last forward pass. */
        @Override
        public List<Channel> gateChannels(int layer) {
            int b = ws.batchSize, t = ws.numSteps, h = ws.numHiddens, cols = GruParams.GATES * h;
            return List.of(
                    Channel.block(layer, "R", b, t, h, ws.gates, cols, 0, 0), // R | Z | N
                    Channel.block(layer, "Z", b, t, h, ws.gates, cols, 0, 1),
                    Channel.block(layer, "H~", b, t, h, ws.gates, cols, 0, 2));
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
                ws = new GruWorkspace(
                        batchSize,
                        numSteps,
                        (int) layerConf().getNIn(),
                        (int) layerConf().getNOut(),
                        dataType);
            }
        }
    }
}
