package org.rnnplayground.model.concise;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.Collection;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

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
 * it instead of recomputing them.
 *
 * <p>Layouts: input and output in DL4J's NCW {@code [batch_size, features, num_steps]}; inside,
 * time-major {@code [num_steps, batch_size, ...]} arrays whose per-step slices are contiguous.
 * Parameters as {@link GruParams}. State map key {@code "prevAct"}: {@code H}, [batch_size,
 * num_hiddens]. No masks, dropout or weight noise.
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
        Impl layer = new Impl(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
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

    /** The gates and states of one forward pass, time-major, kept for the backward pass. */
    private record Pass(
            INDArray input, // the layer input it was computed from, [B, n_in, T]
            INDArray h0, // the initial state, [B, h], or null for zeros
            INDArray x, // the input time-major, [T * B, n_in]
            INDArray gates, // R | Z | N per step, [T, B, 3h]
            INDArray recurrentCandidate, // H_{t-1} W_hh per step, [T, B, h]
            INDArray h) {} // H_t per step, [T, B, h]

    /** The layer: DL4J's recurrent-layer plumbing (state maps, parameter views) around our GRU. */
    static final class Impl extends org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer<GruLayer> {

        static final String STATE_KEY_PREV_ACTIVATION = "prevAct";

        /** The last training forward pass, reused by the backward pass that follows it. */
        private Pass lastTraining;

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
            return output(run(null, training), workspaceMgr);
        }

        /** From {@code rnnSetPreviousState}'s state; stores the final state there. */
        @Override
        public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
            setInput(input, workspaceMgr);
            Pass p = run(stateMap.get(STATE_KEY_PREV_ACTIVATION), false);
            stateMap.put(STATE_KEY_PREV_ACTIVATION, last(p));
            return output(p, workspaceMgr);
        }

        /** From {@code rnnSetTBPTTState}'s state; stores the final state there if asked. */
        @Override
        public INDArray rnnActivateUsingStoredState(
                INDArray input, boolean training, boolean storeLastForTBPTT, LayerWorkspaceMgr workspaceMgr) {
            setInput(input, workspaceMgr);
            Pass p = run(tBpttStateMap.get(STATE_KEY_PREV_ACTIVATION), training);
            if (storeLastForTBPTT) {
                tBpttStateMap.put(STATE_KEY_PREV_ACTIVATION, last(p));
            }
            return output(p, workspaceMgr);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            return tbpttBackpropGradient(epsilon, -1, workspaceMgr);
        }

        /**
         * Backpropagation through time from {@code epsilon = dL/dH} down to the state set with {@code
         * rnnSetPreviousState} (zeros if none), which is held constant.
         *
         * @param epsilon dL/dH of every step, [batch_size, num_hiddens, num_steps]
         * @param tbpttBackLength steps to go back from the last, or -1 (or more than num_steps) for all
         * @return the gradients (views into the network's flat gradient) and dL/dX, [batch_size, n_in,
         *     num_steps]
         */
        @Override
        public Pair<Gradient, INDArray> tbpttBackpropGradient(
                INDArray epsilon, int tbpttBackLength, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            INDArray h0 = stateMap.get(STATE_KEY_PREV_ACTIVATION);
            Pass p = lastTraining != null && lastTraining.input() == input && lastTraining.h0() == h0
                    ? lastTraining
                    : run(h0, true);
            lastTraining = null;
            long numSteps = p.h().size(0), batchSize = p.h().size(1), h = p.h().size(2);
            INDArray rw = getParam(GruParams.RECURRENT_WEIGHT_KEY); // [h, 3h]
            INDArray dEps = permuteIfNWC(epsilon).permute(2, 0, 1).dup('c'); // [T, B, h]
            INDArray dGx = Nd4j.zeros(dataType, numSteps, batchSize, 3 * h); // dL/d(X W + b) per step
            INDArray dA = Nd4j.zeros(dataType, numSteps, batchSize, 3 * h); // dL/d(H_{t-1} RW) per step
            INDArray dH = Nd4j.zeros(dataType, batchSize, h); // dL/dH_t, from above and from step t+1
            long end = tbpttBackLength > 0 ? Math.max(0, numSteps - tbpttBackLength) : 0;
            for (long t = numSteps - 1; t >= end; t--) {
                dH.addi(dEps.get(point(t), all(), all())); // in place: the output's share
                INDArray g = p.gates().get(point(t), all(), all()); // [B, 3h]
                INDArray r = g.get(all(), interval(0, h)), z = g.get(all(), interval(h, 2 * h));
                INDArray n = g.get(all(), interval(2 * h, 3 * h));
                INDArray hPrev = t > 0 ? p.h().get(point(t - 1), all(), all()) : h0; // [B, h] or null
                INDArray dg = dGx.get(point(t), all(), all()); // [B, 3h]
                INDArray dR = dg.get(all(), interval(0, h)), dZ = dg.get(all(), interval(h, 2 * h));
                INDArray dN = dg.get(all(), interval(2 * h, 3 * h));
                // dN: dH (1 - Z) tanh'(.) ; dZ: dH (H_{t-1} - N) sigmoid'(.) ; dR: dN (H_{t-1} W_hh) sigmoid'(.)
                dN.assign(z.rsub(1).muli(dH).muli(n.mul(n).rsubi(1)));
                INDArray hMinusN = hPrev != null ? hPrev.sub(n) : n.neg();
                dZ.assign(hMinusN.muli(dH).muli(z.rsub(1).muli(z)));
                dR.assign(dN.mul(p.recurrentCandidate().get(point(t), all(), all()))
                        .muli(r.rsub(1).muli(r)));
                INDArray da = dA.get(point(t), all(), all()); // [B, 3h]
                da.get(all(), interval(0, 2 * h)).assign(dg.get(all(), interval(0, 2 * h)));
                da.get(all(), interval(2 * h, 3 * h)).assign(dN.mul(r));
                // dH_{t-1} = dH Z + dA RW^T
                dH.muli(z); // in place
                Nd4j.gemm(da, rw, dH, false, true, 1.0, 1.0); // += [B, 3h] x [3h, h]
            }

            INDArray wGrad = gradientViews.get(GruParams.WEIGHT_KEY); // [n_in, 3h]
            INDArray rwGrad = gradientViews.get(GruParams.RECURRENT_WEIGHT_KEY); // [h, 3h]
            INDArray bGrad = gradientViews.get(GruParams.BIAS_KEY); // [3h]
            INDArray dGx2 = dGx.reshape('c', numSteps * batchSize, 3 * h); // [T*B, 3h]
            Nd4j.gemm(p.x(), dGx2, wGrad, true, false, 1.0, 0.0); // [n_in, T*B] x [T*B, 3h]
            bGrad.assign(dGx2.sum(0)); // [3h]
            INDArray hPrevAll = Nd4j.zeros(dataType, numSteps, batchSize, h); // H_{t-1} per step
            if (h0 != null) {
                hPrevAll.get(point(0), all(), all()).assign(h0);
            }
            if (numSteps > 1) {
                hPrevAll.get(interval(1, numSteps), all(), all()).assign(p.h().get(interval(0, numSteps - 1)));
            }
            Nd4j.gemm(
                    hPrevAll.reshape('c', numSteps * batchSize, h),
                    dA.reshape('c', numSteps * batchSize, 3 * h),
                    rwGrad,
                    true,
                    false,
                    1.0,
                    0.0); // [h, T*B] x [T*B, 3h]
            INDArray w = getParam(GruParams.WEIGHT_KEY); // [n_in, 3h]
            INDArray dX = dGx2.mmul(w.transpose()) // [T*B, n_in]
                    .reshape('c', numSteps, batchSize, w.size(0))
                    .permute(1, 2, 0); // [B, n_in, T]
            Gradient grad = new DefaultGradient(gradientsFlattened);
            grad.gradientForVariable().put(GruParams.WEIGHT_KEY, wGrad);
            grad.gradientForVariable().put(GruParams.RECURRENT_WEIGHT_KEY, rwGrad);
            grad.gradientForVariable().put(GruParams.BIAS_KEY, bGrad);
            return new Pair<>(grad, workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, permuteIfNWC(dX), 'f'));
        }

        /**
         * The forward pass from {@code h0}.
         *
         * @param h0 the initial state, [batch_size, num_hiddens], or null for zeros
         */
        private Pass run(INDArray h0, boolean training) {
            assertInputSet(false);
            if (maskArray != null) {
                throw new UnsupportedOperationException("masks are not supported by this layer");
            }
            INDArray in = permuteIfNWC(input.castTo(dataType)); // [B, n_in, T]
            if (in.rank() != 3) {
                throw new IllegalArgumentException("a GRU layer takes [batch_size, n_in, num_steps], got "
                        + java.util.Arrays.toString(in.shape()));
            }
            long batchSize = in.size(0),
                    nIn = in.size(1),
                    numSteps = in.size(2),
                    h = layerConf().getNOut();
            if (h0 != null && (h0.size(0) != batchSize || h0.size(1) != h)) {
                throw new IllegalArgumentException("the state has shape " + java.util.Arrays.toString(h0.shape())
                        + ", expected [" + batchSize + ", " + h + "]");
            }
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                INDArray rw = getParam(GruParams.RECURRENT_WEIGHT_KEY); // [h, 3h]
                INDArray rwRz = rw.get(all(), interval(0, 2 * h)); // [h, 2h]
                INDArray rwN = rw.get(all(), interval(2 * h, 3 * h)); // [h, h]
                INDArray x = in.permute(2, 0, 1).dup('c').reshape('c', numSteps * batchSize, nIn); // [T*B, n_in]
                INDArray gates = x.mmul(getParam(GruParams.WEIGHT_KEY)) // [T*B, 3h]: X W + b for every step
                        .addiRowVector(getParam(GruParams.BIAS_KEY))
                        .reshape('c', numSteps, batchSize, 3 * h);
                INDArray cand = Nd4j.zeros(dataType, numSteps, batchSize, h); // H_{t-1} W_hh
                INDArray hs = Nd4j.create(dataType, numSteps, batchSize, h); // H_t
                INDArray rzRecurrent = Nd4j.create(dataType, batchSize, 2 * h); // H_{t-1} [W_hr | W_hz]
                for (long t = 0; t < numSteps; t++) {
                    INDArray hPrev = t > 0 ? hs.get(point(t - 1), all(), all()) : h0; // [B, h] or null
                    INDArray g = gates.get(point(t), all(), all()); // [B, 3h], in place below
                    INDArray rz = g.get(all(), interval(0, 2 * h)), n = g.get(all(), interval(2 * h, 3 * h));
                    INDArray c = cand.get(point(t), all(), all()); // [B, h]
                    if (hPrev != null) {
                        Nd4j.gemm(hPrev, rwRz, rzRecurrent, false, false, 1.0, 0.0); // [B, h] x [h, 2h]
                        rz.addi(rzRecurrent);
                        Nd4j.gemm(hPrev, rwN, c, false, false, 1.0, 0.0); // [B, h] x [h, h]
                    }
                    Transforms.sigmoid(rz, false); // R | Z, in place
                    n.addi(c.mul(g.get(all(), interval(0, h)))); // + R * (H_{t-1} W_hh)
                    Transforms.tanh(n, false); // N, in place
                    INDArray z = g.get(all(), interval(h, 2 * h));
                    INDArray hT = hs.get(point(t), all(), all()); // H_t = N + Z (H_{t-1} - N)
                    hT.assign(
                            hPrev != null
                                    ? hPrev.sub(n).muli(z).addi(n)
                                    : z.rsub(1).muli(n));
                }
                Pass p = new Pass(input, h0, x, gates, cand, hs);
                lastTraining = training ? p : null;
                return p;
            }
        }

        /** {@code H_t} in the layer's data format, [batch_size, num_hiddens, num_steps] (NCW). */
        private INDArray output(Pass p, LayerWorkspaceMgr workspaceMgr) {
            INDArray ncw = p.h().permute(1, 2, 0); // [B, h, T]
            return workspaceMgr.dup(ArrayType.ACTIVATIONS, permuteIfNWC(ncw), 'f');
        }

        /** The final state, detached, [batch_size, num_hiddens]. */
        private static INDArray last(Pass p) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                return p.h().get(point(p.h().size(0) - 1), all(), all()).dup('c');
            }
        }
    }
}
