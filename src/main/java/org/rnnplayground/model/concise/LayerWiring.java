package org.rnnplayground.model.concise;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What every layer configuration's {@code instantiate} does for our layer implementations. */
final class LayerWiring {

    private LayerWiring() {}

    /**
     * Gives a new layer its listeners, index, configuration and parameters, as DL4J's own layer
     * configurations do.
     *
     * @param paramsView the layer's slice of the network's flat parameter vector, [1, P]
     * @param initialize whether to draw initial values into it
     */
    static <L extends Layer> L wire(
            L layer,
            NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners,
            int index,
            INDArray paramsView,
            boolean initialize,
            ParamInitializer initializer) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer.init(conf, paramsView, initialize));
        layer.setConf(conf);
        return layer;
    }
}
