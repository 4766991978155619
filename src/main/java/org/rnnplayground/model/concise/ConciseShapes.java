package org.rnnplayground.model.concise;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnplayground.model.State;
import org.rnnplayground.model.TensorShape;
import org.rnnplayground.model.TensorShape.Role;

/** The tensors of a real forward pass of {@link ConciseRnn}, for the Shapes page. */
final class ConciseShapes {

    private ConciseShapes() {}

    /**
     * @param x token indices, [batch_size, num_steps]
     */
    static List<TensorShape> trace(ConciseRnn model, int[][] x) {
        ConciseRnn.Architecture a = model.architecture();
        int batchSize = x.length;
        int numSteps = x[0].length;
        boolean lstm = a.cell() == CellType.LSTM;
        List<TensorShape> out = new ArrayList<>();
        out.add(shape("X", Role.INPUT, -1, Nd4j.createFromArray(x).shape(), "token indices"));
        State begin = model.beginState(batchSize);
        List<INDArray> acts = model.activations(x, begin, false);
        int layer = 1;
        if (a.embeddingSize() > 0) {
            out.add(shape(
                    "embedding",
                    Role.ACTIVATION,
                    -1,
                    acts.get(layer++).shape(),
                    "EmbeddingSequenceLayer, [batch_size, embed_size, num_steps]"));
        } else {
            out.add(shape(
                    "one-hot",
                    Role.INPUT,
                    -1,
                    acts.get(0).shape(),
                    "one-hot in DL4J's layout [batch_size, vocab_size, num_steps]"));
        }
        String perLayer = "(num_layers * directions, batch_size, num_hiddens)";
        out.add(shape("H_0", Role.STATE, 0, begin.tensors().get(0).shape(), "begin_state, " + perLayer));
        if (lstm) {
            out.add(shape("C_0", Role.STATE, 0, begin.tensors().get(1).shape(), "LSTM cell state, " + perLayer));
        }
        for (int l = 0; l < a.numLayers(); l++) {
            out.add(shape(
                    "layer " + (l + 1) + " outputs",
                    Role.ACTIVATION,
                    -1,
                    acts.get(layer + l).shape(),
                    a.cell().layerClass() + ", [batch_size, num_hiddens, num_steps]"));
        }
        INDArray input = acts.get(layer - 1);
        INDArray top = acts.get(acts.size() - 1); // [B, h, T]
        INDArray logits = model.logits(top); // [T*B, V]
        for (int t = 0; t < numSteps; t++) {
            long[] xT = input.rank() == 3 ? input.get(all(), all(), point(t)).shape() : new long[] {batchSize};
            out.add(shape("X_t", Role.INPUT, t + 1, xT, ""));
            out.add(shape(
                    "H_t",
                    Role.ACTIVATION,
                    t + 1,
                    top.get(all(), all(), point(t)).shape(),
                    "top layer"));
            out.add(shape("O_t", Role.OUTPUT, t + 1, new long[] {batchSize, a.vocabSize()}, ""));
        }
        out.add(shape("outputs", Role.OUTPUT, -1, logits.shape(), "dense layer over the vocabulary, time-major"));
        State end = model.finalState();
        out.add(shape("H_T", Role.STATE, numSteps, end.tensors().get(0).shape(), "state returned, " + perLayer));
        if (lstm) {
            out.add(shape("C_T", Role.STATE, numSteps, end.tensors().get(1).shape(), "cell state returned"));
        }
        for (Map.Entry<String, INDArray> p : model.paramTable().entrySet()) {
            out.add(shape(p.getKey(), Role.PARAMETER, -1, p.getValue().shape(), bookName(a, p.getKey())));
        }
        return List.copyOf(out);
    }

    private static String bookName(ConciseRnn.Architecture a, String dl4jName) {
        int split = dl4jName.indexOf('_');
        int index = Integer.parseInt(dl4jName.substring(0, split));
        String key = dl4jName.substring(split + 1);
        if (index == a.outputIndex()) {
            return key.equals("W") ? "W_hq" : "b_q";
        }
        if (a.embeddingSize() > 0 && index == 0) {
            return "embedding table";
        }
        int blocks = a.cell().gateBlocks();
        String gates = blocks > 1 ? ", " + blocks + " gates side by side" : "";
        return switch (key) {
            case "W" -> "W_xh" + gates;
            case "RW" -> "W_hh" + gates;
            case "b" -> "b_h" + gates;
            default -> "";
        };
    }

    private static TensorShape shape(String name, Role role, int step, long[] shape, String note) {
        return new TensorShape(
                name, role, step, java.util.Arrays.stream(shape).boxed().toList(), note);
    }
}
