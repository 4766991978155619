package org.rnnplayground.model.concise;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.SimpleRnnParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's {@link SimpleRnn} layer with one repair: backpropagation starts from the carried-in state.
 *
 * <p>In DL4J 1.0.0-M2.1 the forward pass of {@code SimpleRnn} honours a stored state ({@code
 * rnnTimeStep}, {@code rnnActivateUsingStoredState}), but {@code backpropGradient} and {@code
 * tbpttBackpropGradient} recompute the forward pass from a zero state ({@code activateHelper(null,
 * ...)}). With a carried state the gradients then belong to a different forward pass than the loss.
 * This subclass keeps DL4J's parameters, forward pass, state maps and gradient views, and replaces
 * only the backward pass: it recomputes the forward from {@code rnnGetPreviousState().get("prevAct")}
 * (the state the model sets before every step, like DL4J's own LSTM does in truncated BPTT) and
 * backpropagates through time down to it. The state itself is a constant: no gradient flows into the
 * previous minibatch.
 */
final class CarriedStateSimpleRnn extends SimpleRnn {

    CarriedStateSimpleRnn(SimpleRnn.Builder builder) {
        super(builder);
        if (hasLayerNorm()) {
            throw new IllegalArgumentException("layer normalisation is not supported by this layer");
        }
    }

    @Override
    public Layer instantiate(
            NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners,
            int layerIndex,
            INDArray layerParamsView,
            boolean initializeParams,
            DataType networkDataType) {
        Impl layer = new Impl(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }

    /** The layer itself: DL4J's forward, our backward. */
    static final class Impl extends org.deeplearning4j.nn.layers.recurrent.SimpleRnn {

        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            return tbpttBackpropGradient(epsilon, -1, workspaceMgr);
        }

        /**
         * Backpropagation through time from {@code epsilon = dL/dH} down to the stored state.
         *
         * @param epsilon dL/dH of every step, [batch_size, num_hiddens, num_steps]
         * @param tbpttBackLength steps to go back, or -1 for all
         * @return the gradient (views into the network's flat gradient) and dL/dX, [batch_size, n_in,
         *     num_steps]
         */
        @Override
        public Pair<Gradient, INDArray> tbpttBackpropGradient(
                INDArray epsilon, int tbpttBackLength, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            if (maskArray != null) {
                throw new UnsupportedOperationException("masks are not supported by this layer");
            }
            INDArray x = input.ordering() == 'f' ? input : input.dup('f'); // [B, n_in, T]
            INDArray w = getParamWithNoise(SimpleRnnParamInitializer.WEIGHT_KEY, true, workspaceMgr); // [n_in, h]
            INDArray rw =
                    getParamWithNoise(SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY, true, workspaceMgr); // [h, h]
            INDArray b = getParamWithNoise(SimpleRnnParamInitializer.BIAS_KEY, true, workspaceMgr); // [h]
            INDArray h0 = stateMap.get(STATE_KEY_PREV_ACTIVATION); // [B, h] or null for zeros
            long batchSize = x.size(0);
            long numSteps = x.size(2);
            long numHiddens = layerConf().getNOut();
            IActivation phi = layerConf().getActivationFn();

            // forward again from h0, keeping pre-activations Z and activations H
            long[] shape = {batchSize, numHiddens, numSteps};
            INDArray z = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, x.dataType(), shape, 'f');
            INDArray h = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, x.dataType(), shape, 'f');
            for (long t = 0; t < numSteps; t++) {
                INDArray zT = z.get(all(), all(), point(t)); // [B, h]
                zT.assign(0).addiRowVector(b); // b_h broadcast over rows
                Nd4j.gemm(x.get(all(), all(), point(t)), w, zT, false, false, 1.0, 1.0); // += [B, n_in] x [n_in, h]
                INDArray hPrev = t > 0 ? h.get(all(), all(), point(t - 1)) : h0;
                if (hPrev != null) {
                    Nd4j.gemm(hPrev, rw, zT, false, false, 1.0, 1.0); // += [B, h] x [h, h]
                }
                INDArray hT = h.get(all(), all(), point(t));
                hT.assign(phi.getActivation(zT.dup(), true)); // [B, h]
            }

            INDArray wGrad = gradientViews.get(SimpleRnnParamInitializer.WEIGHT_KEY); // [n_in, h]
            INDArray rwGrad = gradientViews.get(SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY); // [h, h]
            INDArray bGrad = gradientViews.get(SimpleRnnParamInitializer.BIAS_KEY); // [h]
            gradientsFlattened.assign(0); // in place on the network's gradient view
            INDArray epsOut = workspaceMgr.createUninitialized(
                    ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape(), 'f'); // [B, n_in, T]
            epsOut.assign(0);
            long end = tbpttBackLength > 0 ? Math.max(0, numSteps - tbpttBackLength) : 0;
            INDArray dzNext = null;
            for (long t = numSteps - 1; t >= end; t--) {
                INDArray dH = epsilon.get(all(), all(), point(t)).dup('f'); // dL/dH_t, [B, h]
                if (dzNext != null) {
                    Nd4j.gemm(dzNext, rw, dH, false, true, 1.0, 1.0); // += [B, h] x [h, h]^T
                }
                INDArray dz =
                        phi.backprop(z.get(all(), all(), point(t)).dup('f'), dH).getFirst(); // [B, h]
                INDArray xT = x.get(all(), all(), point(t));
                Nd4j.gemm(xT, dz, wGrad, true, false, 1.0, 1.0); // += [n_in, B] x [B, h], in place
                INDArray hPrev = t > 0 ? h.get(all(), all(), point(t - 1)) : h0;
                if (hPrev != null) {
                    Nd4j.gemm(hPrev, dz, rwGrad, true, false, 1.0, 1.0); // += [h, B] x [B, h], in place
                }
                bGrad.addi(dz.sum(0)); // [h], in place
                Nd4j.gemm(dz, w, epsOut.get(all(), all(), point(t)), false, true, 1.0, 0.0); // [B, h] x [h, n_in]
                dzNext = dz;
            }
            weightNoiseParams.clear();
            Gradient g = new DefaultGradient(gradientsFlattened);
            g.gradientForVariable().put(SimpleRnnParamInitializer.WEIGHT_KEY, wGrad);
            g.gradientForVariable().put(SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY, rwGrad);
            g.gradientForVariable().put(SimpleRnnParamInitializer.BIAS_KEY, bGrad);
            return new Pair<>(g, epsOut);
        }
    }
}
