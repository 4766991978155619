package org.rnnplayground.model.concise;

import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameters of a {@link GruLayer}, laid out as ND4J's {@code gru} op takes them, three gate
 * blocks side by side in the order reset, update, candidate:
 *
 * <ul>
 *   <li>{@code W} = {@code [W_xr | W_xz | W_xh]}, [n_in, 3 num_hiddens];
 *   <li>{@code RW} = {@code [W_hr | W_hz | W_hh]}, [num_hiddens, 3 num_hiddens];
 *   <li>{@code b} = {@code [b_r | b_z | b_h]}, [3 num_hiddens].
 * </ul>
 *
 * <p>Views into the layer's slice of the network's flat parameter (or gradient) vector, {@code
 * 'f'}-ordered as DL4J's own layers keep them.
 */
final class GruParams implements ParamInitializer {

    static final String WEIGHT_KEY = "W";
    static final String RECURRENT_WEIGHT_KEY = "RW";
    static final String BIAS_KEY = "b";
    /** Reset, update and candidate. */
    static final int GATES = 3;

    static final GruParams INSTANCE = new GruParams();

    private GruParams() {}

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        GruLayer c = (GruLayer) layer;
        long nIn = c.getNIn(), h = c.getNOut();
        return GATES * h * (nIn + h + 1);
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return List.of(WEIGHT_KEY, RECURRENT_WEIGHT_KEY, BIAS_KEY);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(WEIGHT_KEY, RECURRENT_WEIGHT_KEY);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of(BIAS_KEY);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return WEIGHT_KEY.equals(key) || RECURRENT_WEIGHT_KEY.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS_KEY.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        GruLayer c = (GruLayer) conf.getLayer();
        long nIn = c.getNIn(), h = c.getNOut();
        Map<String, INDArray> m = views(paramsView, nIn, h);
        if (initializeParams) {
            IWeightInit recurrent =
                    c.getWeightInitFnRecurrent() != null ? c.getWeightInitFnRecurrent() : c.getWeightInitFn();
            // in place on the parameter views
            c.getWeightInitFn().init(nIn, h, new long[] {nIn, GATES * h}, 'f', m.get(WEIGHT_KEY));
            recurrent.init(h, h, new long[] {h, GATES * h}, 'f', m.get(RECURRENT_WEIGHT_KEY));
            m.get(BIAS_KEY).assign(c.getBiasInit());
        }
        for (String key : m.keySet()) {
            conf.addVariable(key);
        }
        return m;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        GruLayer c = (GruLayer) conf.getLayer();
        return views(gradientView, c.getNIn(), c.getNOut());
    }

    /**
     * @param flat the layer's slice of the flat vector, [1, 3 h (n_in + h + 1)]
     * @return {@code W} [n_in, 3h], {@code RW} [h, 3h] ('f'-ordered views) and {@code b} [3h]
     */
    private static Map<String, INDArray> views(INDArray flat, long nIn, long h) {
        INDArray v = flat.reshape(flat.length()); // [P]
        long w = nIn * GATES * h, rw = h * GATES * h;
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put(WEIGHT_KEY, v.get(interval(0, w)).reshape('f', nIn, GATES * h));
        m.put(RECURRENT_WEIGHT_KEY, v.get(interval(w, w + rw)).reshape('f', h, GATES * h));
        m.put(BIAS_KEY, v.get(interval(w + rw, w + rw + GATES * h)));
        return m;
    }
}
