package org.rnnplayground.model.concise;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.BackwardProbe;
import org.rnnplayground.model.Channel;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.Footprint;
import org.rnnplayground.model.Forward;
import org.rnnplayground.model.GradClipping;
import org.rnnplayground.model.Lane;
import org.rnnplayground.model.RnnParams;
import org.rnnplayground.model.Sgd;
import org.rnnplayground.model.State;
import org.rnnplayground.model.StepResult;
import org.rnnplayground.model.TensorShape;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.TrainHyper;

/**
 * The character model of d2l 8.6 ("concise implementation") built from DL4J layers: an optional
 * {@code EmbeddingSequenceLayer}, {@code num_layers} recurrent layers ({@code SimpleRnn}, our {@link
 * GruLayer} or {@link CarriedStateLstm}) and an {@code RnnOutputLayer} (dense over the vocabulary, softmax, cross-entropy).
 *
 * <p>The layers compute their forward and backward passes and the loss (DL4J's own code for the
 * embedding; our subclasses of DL4J's layers, with DL4J's parameters, gradient views and state maps,
 * for the RNN, the LSTM, the GRU and the output layer: see the package documentation). This class
 * sets the carried state before each minibatch, reads the final state after it, rescales DL4J's summed
 * gradient to the book's mean, clips by global norm and takes the SGD step on the network's flat
 * parameter vector. It drives the layers itself instead of calling {@code
 * MultiLayerNetwork.computeGradientAndScore()}, because in 1.0.0-M2.1 that method backpropagates
 * recurrent layers as if the carried state were zero (see the package documentation).
 *
 * <p>Layouts: DL4J's recurrent arrays are {@code [batch_size, features, num_steps]} (its NCW format);
 * states are {@code [num_layers, batch_size, num_hiddens]} as PyTorch's; outputs are time-major
 * {@code [num_steps * batch_size, vocab_size]} as the from-scratch model's. Not thread-safe.
 */
public final class ConciseRnn implements CharModel {

    /**
     * The network's shape.
     *
     * @param vocabSize tokens in the vocabulary, V
     * @param numHiddens hidden units per recurrent layer, h
     * @param cell the recurrent cell
     * @param numLayers stacked recurrent layers
     * @param embeddingSize 0 for one-hot inputs, else the embedding size D
     * @param activation the {@code SimpleRnn} nonlinearity (LSTM uses tanh and sigmoid gates)
     * @param dataType float32 or float64
     * @param seed seeds the initial parameters
     */
    public record Architecture(
            int vocabSize,
            int numHiddens,
            CellType cell,
            int numLayers,
            int embeddingSize,
            Activation activation,
            DataType dataType,
            long seed) {
        public Architecture {
            List<String> problems = new ArrayList<>();
            if (vocabSize < 1) problems.add("vocab_size must be at least 1, got " + vocabSize);
            if (numHiddens < 1) problems.add("num_hiddens must be at least 1, got " + numHiddens);
            if (cell == null || activation == null || dataType == null)
                problems.add("cell, activation and dataType are required");
            if (numLayers < 1) problems.add("num_layers must be at least 1, got " + numLayers);
            if (embeddingSize < 0) problems.add("embedding size must be >= 0, got " + embeddingSize);
            if (dataType != null && !dataType.isFPType())
                problems.add("dataType must be floating point, got " + dataType);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
        }

        /** Network index of recurrent layer {@code l} (after the embedding, if any). */
        int recurrentIndex(int l) {
            return (embeddingSize > 0 ? 1 : 0) + l;
        }

        int outputIndex() {
            return recurrentIndex(numLayers);
        }
    }

    private final Architecture arch;
    private final MultiLayerNetwork net;
    private final LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
    /** Views into the network's flat gradient by DL4J name ({@code 0_W}, {@code 0_RW}, ...). */
    private final Map<String, INDArray> gradients = new LinkedHashMap<>();
    /** The one-hot inputs and labels, [batch_size, vocab_size, num_steps], rewritten per minibatch. */
    private final ConciseInputs.Reused inputs;

    private final ConciseInputs.Reused labels;
    /** The current step's second thread, or {@link Lane#NONE}. */
    private Lane lane = Lane.NONE;

    private ConciseRnn(Architecture arch, MultiLayerNetwork net) {
        this.arch = arch;
        this.net = net;
        this.inputs = new ConciseInputs.Reused(arch.dataType());
        this.labels = new ConciseInputs.Reused(arch.dataType());
        if (arch.embeddingSize() == 0) { // one-hot inputs: nothing reads the bottom layer's dL/dX
            hints(arch.recurrentIndex(0)).inputGradientWanted(false);
        }
    }

    /** A fresh network, initialised from {@code arch.seed()} (see {@link ConciseNetworks}). */
    public static ConciseRnn create(Architecture arch) {
        MultiLayerNetwork net = new MultiLayerNetwork(ConciseNetworks.configuration(arch));
        net.init();
        net.initGradientsView(); // the flat gradient that every layer's gradient views point into
        return new ConciseRnn(arch, net);
    }

    @Override
    public ConciseRnn snapshot() {
        ConciseRnn copy = create(arch);
        copy.net.setParams(net.params()); // copies the flat parameter vector, [1, parameterCount]
        return copy;
    }

    /** The network's flat parameter vector, in DL4J's order. */
    @Override
    public double[] parameters() {
        return net.params().dup().data().asDouble();
    }

    @Override
    public void loadParameters(double[] values) {
        INDArray live = net.params(); // [1, P]
        if (values.length != live.length()) {
            throw new IllegalArgumentException("expected " + live.length() + " parameters, got " + values.length);
        }
        net.setParams(Nd4j.create(values, live.shape(), 'c').castTo(live.dataType()));
    }

    /**
     * What this network costs for these sizes, before it is built (see {@link Footprint}).
     *
     * <p>Parameters: the embedding table {@code V D} (if any), per recurrent layer {@code g (in h + h
     * h + h)} with {@code g} gate blocks ({@link CellType#gateBlocks}) and {@code in} = {@code V},
     * {@code D} or {@code h} (layers above the first), then the output layer {@code h V + V}. The
     * model holds DL4J's flat parameter and gradient vectors and, while initialising, a temporary as
     * large as its largest weight. A training step allocates the one-hot inputs and labels, the
     * embedding's activations and their gradient, every recurrent layer's workspace and the output
     * layer's buffers, the states set and read; a traced pass adds the top layer's outputs copied
     * time-major and the logits.
     *
     * <p>Multiply-adds per token: the output layer {@code h V}, and per layer {@code g (in h + h h)},
     * where one-hot inputs gather rows of {@code W} instead of multiplying and an embedding is a
     * lookup.
     */
    public static Footprint footprint(
            int vocabSize,
            int numHiddens,
            CellType cell,
            int numLayers,
            int embeddingSize,
            int batchSize,
            int numSteps,
            TrainConfig.Precision precision) {
        long v = vocabSize;
        long h = numHiddens;
        long d = embeddingSize;
        long g = cell.gateBlocks();
        int b = (int) precision.dataType().width();
        double n = (double) batchSize * numSteps;

        long parameters = d > 0 ? v * d : 0;
        long largest = Math.max(v * d, h * v);
        long multiplyAdds = h * v;
        double oneHot = n * v * b + 2 * n * Integer.BYTES; // a reused one-hot array, where its ones are, its tokens
        double step = oneHot; // the labels
        step += d > 0 ? n * (Double.BYTES + b) + 2 * n * d * b : oneHot; // indices and embedding, or one-hot inputs
        long in = d > 0 ? d : v;
        for (int l = 0; l < numLayers; l++) {
            parameters += g * (in * h + h * h + h);
            largest = Math.max(largest, Math.max(g * in * h, g * h * h));
            boolean gathered = l == 0 && d == 0;
            multiplyAdds += g * ((gathered ? 0 : in * h) + h * h);
            step += switch (cell) {
                case RNN -> SimpleRnnWorkspace.bytes(batchSize, numSteps, in, h, b);
                case GRU -> GruWorkspace.bytes(batchSize, numSteps, in, h, b);
                case LSTM -> LstmWorkspace.bytes(batchSize, numSteps, in, h, b);
            };
            in = h;
        }
        parameters += h * v + v;
        step += TimeMajorRnnOutputLayer.workingBytes(batchSize, numSteps, h, v, b);
        step += 2.0 * cell.stateTensors() * numLayers * batchSize * h * b; // the state set, and the state read
        double model = 2.0 * parameters * b + (double) largest * b;
        double trace = step + n * (h + v) * b;
        return new Footprint(
                parameters,
                b,
                Footprint.bytes(model),
                Footprint.bytes(step),
                Footprint.bytes(trace),
                multiplyAdds,
                (long) batchSize * numSteps);
    }

    public Architecture architecture() {
        return arch;
    }

    @Override
    public int vocabSize() {
        return arch.vocabSize();
    }

    @Override
    public int numHiddens() {
        return arch.numHiddens();
    }

    @Override
    public long parameterCount() {
        return net.numParams();
    }

    /** Zeros: {@code H} (and for LSTM {@code C}), each [num_layers, batch_size, num_hiddens]. */
    @Override
    public State beginState(int batchSize) {
        List<INDArray> tensors = new ArrayList<>();
        for (int k = 0; k < arch.cell().stateTensors(); k++) {
            tensors.add(Nd4j.zeros(arch.dataType(), arch.numLayers(), batchSize, arch.numHiddens()));
        }
        return new State(tensors);
    }

    @Override
    public Forward forward(int[][] x, State state) {
        INDArray top = forwardLayers(x, state, false); // [B, h, T]
        return new Forward(logits(top), finalState());
    }

    /**
     * The same step with the weight gradients of large GRU and LSTM layers on {@code lane}'s thread,
     * piece by piece while this thread runs each layer's recurrence backwards ({@link
     * LaneGradients}); the step joins the lane before it scales and clips the gradients.
     */
    @Override
    public StepResult trainStep(int[][] x, int[][] y, State state, TrainHyper hyper, Lane lane) {
        if (!lane.parallel()) {
            return trainStep(x, y, state, hyper);
        }
        useLane(lane);
        try {
            return trainStep(x, y, state, hyper);
        } finally {
            useLane(Lane.NONE);
        }
    }

    private void useLane(Lane lane) {
        this.lane = lane;
        for (int l = 0; l < arch.numLayers(); l++) {
            hints(arch.recurrentIndex(l)).lane(lane);
        }
    }

    @Override
    public StepResult trainStep(int[][] x, int[][] y, State state, TrainHyper hyper) {
        StepResult result = lossAndGradients(x, y, state, hyper);
        if (result.finite()) {
            Sgd.sgd(List.of(net.params()), List.of(net.getFlattenedGradients()), hyper.lr()); // [1, P] each
        }
        return result;
    }

    /**
     * Forward, mean cross-entropy and backpropagation through time down to the carried-in state,
     * then clipping; the gradients are left in {@link #gradient(String)}, nothing is updated.
     *
     * @param x token indices, [batch_size, num_steps]
     * @param y label indices, [batch_size, num_steps]
     * @param state the state carried in (constant), as {@link #beginState}
     */
    public StepResult lossAndGradients(int[][] x, int[][] y, State state, TrainHyper hyper) {
        int batchSize = x.length;
        int numSteps = x[0].length;
        INDArray top = forwardLayers(x, state, true); // [B, h, T]
        State last = finalState();
        IOutputLayer out = (IOutputLayer) net.getLayer(arch.outputIndex());
        out.setInput(top, mgr);
        out.setLabels(labels.of(y, arch.vocabSize())); // [B, V, T]
        ((TimeMajorRnnOutputLayer.Impl) out).labelTokens(labels.tokens()); // so that it need not read them back
        gradients.clear();
        INDArray eps = collect(arch.outputIndex(), out.backpropGradient(null, mgr)); // dL/dH, [B, h, T]
        for (int i = arch.outputIndex() - 1; i >= 0; i--) {
            Layer layer = net.getLayer(i);
            Pair<Gradient, INDArray> p = layer instanceof RecurrentLayer r
                    ? r.tbpttBackpropGradient(eps, numSteps, mgr) // back to the state set in forwardLayers
                    : layer.backpropGradient(eps, mgr);
            eps = collect(i, p);
        }
        lane.join(); // the weight gradients the layers gave it
        // DL4J: score = sum of cross-entropies / batch_size, gradients = sums; the book takes means
        int n = batchSize * numSteps;
        double loss = out.computeScore(0, true, mgr) / numSteps;
        INDArray grads = net.getFlattenedGradients(); // [1, P]
        grads.muli(1.0 / n); // in place on the gradient
        GradClipping.Clip clip =
                GradClipping.gradClipping(List.of(grads), hyper.theta(), hyper.clip() && Double.isFinite(loss));
        boolean finite = Double.isFinite(loss) && Double.isFinite(clip.norm());
        return new StepResult(loss, n, clip.norm(), clip.clipped(), finite, last);
    }

    /**
     * {@link #lossAndGradients}, with {@code probe} watching every recurrent layer's backward pass;
     * DL4J's summed gradients are scaled to the book's mean as the probe sees them.
     */
    @Override
    public StepResult probeGradients(int[][] x, int[][] y, State state, TrainHyper hyper, BackwardProbe probe) {
        BackwardProbe mean = probe.scaled(1.0 / ((double) x.length * x[0].length));
        try {
            for (int l = 0; l < arch.numLayers(); l++) {
                inspectable(l).probe(mean, l);
            }
            return lossAndGradients(x, y, state, hyper);
        } finally {
            for (int l = 0; l < arch.numLayers(); l++) {
                inspectable(l).probe(null, l);
            }
        }
    }

    /** Every layer's {@code H}, then its memory cell and gates, from one forward pass. */
    @Override
    public List<Channel> channels(int[][] x, State state) {
        List<INDArray> a = activations(x, state, false);
        List<Channel> out = new ArrayList<>();
        for (int l = 0; l < arch.numLayers(); l++) {
            INDArray h = a.get(arch.recurrentIndex(l) + 1); // [B, h, T]
            INDArray rows = h.permute(2, 0, 1).dup('c').reshape('c', h.size(2) * h.size(0), h.size(1)); // [T*B, h]
            out.add(Channel.of(l, "H", x.length, rows));
            out.addAll(inspectable(l).gateChannels(l));
        }
        return List.copyOf(out);
    }

    /** What this model tells the recurrent layer at network index {@code index}. */
    private LayerHints hints(int index) {
        return ((LayerHints.Taker) net.getLayer(index)).hints();
    }

    private Inspectable inspectable(int l) {
        return (Inspectable) net.getLayer(arch.recurrentIndex(l));
    }

    @Override
    public void releaseWorkingMemory() {
        for (Layer layer : net.getLayers()) {
            if (layer instanceof WorkingMemory w) {
                w.release();
            }
        }
        inputs.release();
        labels.release();
    }

    /** The gradient of the last {@link #lossAndGradients} by DL4J name, e.g. {@code 0_RW}; a copy. */
    public INDArray gradient(String name) {
        INDArray g = gradients.get(name);
        if (g == null) {
            throw new IllegalArgumentException("no gradient named " + name + "; have " + gradients.keySet());
        }
        return g.dup();
    }

    /** The live parameters by DL4J name ({@code 0_W}, {@code 0_RW}, {@code 0_b}, ...); views. */
    public Map<String, INDArray> paramTable() {
        return net.paramTable();
    }

    // ---------------------------------------------------------------- book parameters

    /**
     * Copies the book's five parameters into a one-layer, one-hot RNN. DL4J's {@code SimpleRnn}
     * computes {@code phi(x W + h RW + b)} with row vectors, so {@code W = W_xh [V, h]}, {@code RW =
     * W_hh [h, h]}, {@code b = b_h [h]}, and the output layer {@code W = W_hq [h, V]}, {@code b =
     * b_q [V]}: same layouts, no transposes, one bias each.
     */
    public void loadBookParams(RnnParams p) {
        requireBookShape();
        int out = arch.outputIndex();
        net.getLayer(0).getParam("W").assign(p.wXh()); // in place on the parameters
        net.getLayer(0).getParam("RW").assign(p.wHh());
        INDArray bH = net.getLayer(0).getParam("b"); // [h]
        bH.assign(p.bH().reshape(bH.shape()));
        net.getLayer(out).getParam("W").assign(p.wHq());
        INDArray bQ = net.getLayer(out).getParam("b"); // [V]
        bQ.assign(p.bQ().reshape(bQ.shape()));
    }

    /** The last gradients under the book's names, for a one-layer, one-hot RNN; copies. */
    public RnnParams bookGradients() {
        requireBookShape();
        int out = arch.outputIndex();
        return new RnnParams(
                gradient("0_W"),
                gradient("0_RW"),
                gradient("0_b").reshape(arch.numHiddens()),
                gradient(out + "_W"),
                gradient(out + "_b").reshape(arch.vocabSize()));
    }

    private void requireBookShape() {
        if (arch.cell() != CellType.RNN || arch.numLayers() != 1 || arch.embeddingSize() != 0) {
            throw new IllegalStateException("the book's parameters exist only for one RNN layer with one-hot inputs");
        }
    }

    // ---------------------------------------------------------------- shapes

    @Override
    public List<TensorShape> traceShapes(int[][] x) {
        return ConciseShapes.trace(this, x);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Sets the carried state on every recurrent layer and runs the layers below the output.
     *
     * @param x token indices, [batch_size, num_steps]
     * @return the top layer's activations, [batch_size, num_hiddens, num_steps]
     */
    INDArray forwardLayers(int[][] x, State state, boolean training) {
        List<INDArray> a = activations(x, state, training);
        return a.get(a.size() - 1);
    }

    /**
     * The input and every layer's activations below the output layer.
     *
     * @param x token indices, [batch_size, num_steps]
     * @return the input ([batch_size, vocab_size, num_steps] one-hot or [batch_size, num_steps]
     *     indices), then per layer [batch_size, D or num_hiddens, num_steps]
     */
    List<INDArray> activations(int[][] x, State state, boolean training) {
        setState(state, x.length);
        INDArray a = arch.embeddingSize() > 0
                ? ConciseInputs.indices(x, arch.vocabSize(), arch.dataType()) // [B, T]
                : inputs.of(x, arch.vocabSize()); // [B, V, T]
        if (arch.embeddingSize() == 0) { // so that the bottom layer need not read the tokens back
            hints(arch.recurrentIndex(0)).inputTokens(inputs.tokens());
        }
        List<INDArray> all = new ArrayList<>();
        all.add(a);
        for (int i = 0; i < arch.outputIndex(); i++) {
            Layer layer = net.getLayer(i);
            a = layer instanceof RecurrentLayer r
                    ? r.rnnActivateUsingStoredState(a, training, true, mgr) // [B, h, T]; keeps H_T (C_T)
                    : layer.activate(a, training, mgr); // embedding: [B, D, T]
            all.add(a);
        }
        return all;
    }

    /**
     * {@code O = H W_hq + b_q} of the output layer, stacked time-major.
     *
     * @param top the top layer's activations, [batch_size, num_hiddens, num_steps]
     * @return logits, [num_steps * batch_size, vocab_size]
     */
    INDArray logits(INDArray top) {
        long b = top.size(0), h = top.size(1), t = top.size(2);
        INDArray hs = top.permute(2, 0, 1).dup('c').reshape('c', t * b, h); // [T*B, h], row t*B+i
        Layer out = net.getLayer(arch.outputIndex());
        return hs.mmul(out.getParam("W")).addiRowVector(out.getParam("b")); // [T*B, V]
    }

    /** Puts layer {@code l}'s slice of the state into DL4J's two state maps (forward and backprop). */
    private void setState(State state, int batchSize) {
        List<INDArray> tensors = state.tensors();
        if (tensors.size() != arch.cell().stateTensors()) {
            throw new IllegalArgumentException("a " + arch.cell() + " state has "
                    + arch.cell().stateTensors() + " tensor(s), got " + tensors.size());
        }
        for (INDArray s : tensors) {
            long[] expected = {arch.numLayers(), batchSize, arch.numHiddens()};
            if (!java.util.Arrays.equals(s.shape(), expected)) {
                throw new IllegalArgumentException("state has shape " + java.util.Arrays.toString(s.shape())
                        + ", expected " + java.util.Arrays.toString(expected));
            }
        }
        for (int l = 0; l < arch.numLayers(); l++) {
            Map<String, INDArray> m = new HashMap<>();
            m.put(ConciseNetworks.PREV_ACTIVATION, slice(tensors.get(0), l)); // H, [B, h]
            if (tensors.size() > 1) {
                m.put(ConciseNetworks.PREV_MEMORY, slice(tensors.get(1), l)); // C, [B, h]
            }
            RecurrentLayer r = (RecurrentLayer) net.getLayer(arch.recurrentIndex(l));
            r.rnnSetPreviousState(new HashMap<>(m)); // read by backprop
            r.rnnSetTBPTTState(m); // read by the forward pass, replaced by the final state
        }
    }

    State finalState() {
        int k = arch.cell().stateTensors();
        List<INDArray> tensors = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String key = i == 0 ? ConciseNetworks.PREV_ACTIVATION : ConciseNetworks.PREV_MEMORY;
            INDArray stacked = null; // [L, B, h]
            for (int l = 0; l < arch.numLayers(); l++) {
                RecurrentLayer r = (RecurrentLayer) net.getLayer(arch.recurrentIndex(l));
                INDArray s = r.rnnGetTBPTTState().get(key); // [B, h]
                if (stacked == null) {
                    stacked = Nd4j.createUninitialized(arch.dataType(), arch.numLayers(), s.size(0), s.size(1));
                }
                stacked.tensorAlongDimension(l, 1, 2).assign(s); // [B, h], in place on the new state
            }
            tensors.add(stacked);
        }
        return new State(tensors);
    }

    private static INDArray slice(INDArray s, int l) {
        return s.get(point(l), all(), all()).dup('c'); // [B, h], a copy: the state is a value
    }

    private INDArray collect(int layerIndex, Pair<Gradient, INDArray> p) {
        for (Map.Entry<String, INDArray> e : p.getFirst().gradientForVariable().entrySet()) {
            gradients.put(layerIndex + "_" + e.getKey(), e.getValue());
        }
        return p.getSecond();
    }

    MultiLayerNetwork network() {
        return net;
    }
}
