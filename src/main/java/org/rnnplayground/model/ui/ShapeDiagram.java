package org.rnnplayground.model.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.TensorShape;
import org.rnnplayground.model.concise.CellType;

/**
 * The forward pass as a column of boxes, input at the top: {@code X}, its one-hot encoding, the
 * first and the last time step with the book's equations and the shape under every term, the
 * stacked outputs and the state handed on. Every shape shown comes from a {@link ShapeTrace}; this
 * class only arranges them.
 *
 * <p>Ids: {@code shape-X}, {@code shape-one-hot}, {@code shape-H_0}, per step {@code shape-X_t-k},
 * {@code shape-H_t-k}, {@code shape-O_t-k} for the steps shown (k = 1 and k = num_steps), {@code
 * shape-outputs}, {@code shape-H_T}; the steps are {@code step-k}.
 *
 * <p>Library layers (DL4J) show the tensors of their trace in the same way, with the ids {@code
 * shape-NAME} of the trace's names ({@link #idFor}: characters other than letters, digits, {@code _}
 * and {@code -} become {@code -}): {@code shape-X}, {@code shape-one-hot} or {@code
 * shape-embedding}, {@code shape-H_0} (and {@code shape-C_0} for an LSTM), {@code
 * shape-layer-l-outputs} per layer, the steps as above, {@code shape-outputs}, {@code shape-H_T}
 * (and {@code shape-C_T}).
 */
class ShapeDiagram extends Div {

    ShapeDiagram() {
        setId("shapes-diagram");
        addClassName("shape-flow");
    }

    /** The id of a tensor's shape: {@code prefix} and the trace's name, made safe for an id. */
    static String idFor(String prefix, String name) {
        return prefix + name.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    void show(ShapeTrace trace) {
        removeAll();
        if (trace.library()) {
            showLibrary(trace);
            return;
        }
        int numSteps = trace.numSteps();
        add(node(trace, "X", "shapes.node.X"));
        add(arrow(code("F.one_hot(X.T, vocab_size)"), text("shapes.arrow.oneHot")));
        add(node(trace, "one-hot", "shapes.node.oneHot"));
        add(arrow(code("begin_state"), text("shapes.arrow.beginState")));
        add(node(trace, "H_0", "shapes.node.H0"));
        add(arrow(code("for t in 1.." + numSteps), text("shapes.arrow.loop", numSteps)));
        add(step(trace, 1));
        if (numSteps > 2) {
            Div same = new Div(
                    new Span("⋮"), new Span(getTranslation("shapes.steps.same", 2, numSteps - 1, numSteps - 2)));
            same.setId("steps-between");
            same.addClassName("steps-between");
            add(same);
        }
        if (numSteps > 1) {
            add(step(trace, numSteps));
        }
        add(arrow(code("torch.cat(outputs, dim=0)"), text("shapes.arrow.cat")));
        add(node(trace, "outputs", "shapes.node.outputs"));
        add(node(trace, "H_T", "shapes.node.HT"));
    }

    /** The tensors of a forward pass of DL4J layers, in the order the trace lists them. */
    private void showLibrary(ShapeTrace trace) {
        ShapeRequest r = trace.request();
        int numSteps = trace.numSteps();
        int layers = r.numLayers();
        CellType cell = r.implementation().cell();
        boolean lstm = cell == CellType.LSTM;
        String layerClass = cell.layerClass();
        add(node(trace, "X", "X", "shapes.node.X"));
        if (r.embeddingSize() > 0) {
            add(arrow(
                    code("EmbeddingSequenceLayer(vocab_size, " + r.embeddingSize() + ")"),
                    text("shapes.lib.arrow.embedding")));
            add(node(trace, "embedding", getTranslation("shapes.lib.name.embedding"), "shapes.lib.node.embedding"));
        } else {
            add(arrow(code("one-hot"), text("shapes.lib.arrow.oneHot")));
            add(node(trace, "one-hot", "one-hot", "shapes.lib.node.oneHot"));
        }
        add(arrow(code("begin_state"), text("shapes.lib.arrow.beginState", layers)));
        add(node(trace, "H_0", "H_0", "shapes.lib.node.H0"));
        if (lstm) {
            add(node(trace, "C_0", "C_0", "shapes.lib.node.C0"));
        }
        for (int l = 1; l <= layers; l++) {
            String in = l > 1 ? "num_hiddens" : r.embeddingSize() > 0 ? "embed_size" : "vocab_size";
            add(arrow(
                    code(layerClass + "(" + in + ", num_hiddens)"),
                    text(l == 1 ? "shapes.lib.arrow.firstLayer" : "shapes.lib.arrow.nextLayer", l, l - 1)));
            add(node(
                    trace,
                    "layer " + l + " outputs",
                    getTranslation("shapes.lib.name.layer", l),
                    "shapes.lib.node.layer" + cell.layerClass(),
                    l));
        }
        add(arrow(code("for t in 1.." + numSteps), text("shapes.lib.arrow.steps", numSteps, layers)));
        add(libraryStep(trace, 1, cell));
        if (numSteps > 2) {
            Div same = new Div(
                    new Span("⋮"), new Span(getTranslation("shapes.lib.steps.same", 2, numSteps - 1, numSteps - 2)));
            same.setId("steps-between");
            same.addClassName("steps-between");
            add(same);
        }
        if (numSteps > 1) {
            add(libraryStep(trace, numSteps, cell));
        }
        add(arrow(code("RnnOutputLayer"), text("shapes.lib.arrow.output")));
        add(node(trace, "outputs", "outputs", "shapes.lib.node.outputs", numSteps));
        add(node(trace, "H_T", "H_T", "shapes.lib.node.HT"));
        if (lstm) {
            add(node(trace, "C_T", "C_T", "shapes.lib.node.CT"));
        }
    }

    /** One time step of library layers: its input slice, the first layer's equation, the output. */
    private Component libraryStep(ShapeTrace trace, int k, CellType cell) {
        TensorShape xT = trace.atStep("X_t", k).orElseThrow();
        TensorShape hT = trace.atStep("H_t", k).orElseThrow();
        TensorShape oT = trace.atStep("O_t", k).orElseThrow();
        String t = Integer.toString(k);
        String tPrev = Integer.toString(k - 1);
        int layers = trace.request().numLayers();

        Span title = new Span(getTranslation("shapes.step.title", k, trace.numSteps()));
        title.addClassName("step-title");
        Div input = new Div(
                nameChip(xT, "X_{" + t + "}"),
                shape(xT, "shape-X_t-" + k),
                text(
                        trace.request().embeddingSize() > 0
                                ? "shapes.lib.step.inputEmbedding"
                                : "shapes.lib.step.input",
                        k));
        input.addClassName("shape-node");
        input.addClassName(roleClass(xT));

        TensorShape wX = bookParam(trace, "W_xh", 0);
        TensorShape wH = bookParam(trace, "W_hh", 0);
        TensorShape b = bookParam(trace, "b_h", 0);
        // the first layer's state in this step has the shape of one layer's slice of H_0, (batch_size, num_hiddens)
        TensorShape hPrev = new TensorShape("H", hT.role(), k - 1, hT.shape(), "");
        Div box = new Div(title, input);
        if (cell == CellType.GRU) {
            // G = X W_xh + b_h and A = H W_hh: three gate blocks each, (batch_size, 3 num_hiddens)
            java.util.List<Long> gateShape =
                    java.util.List.of(xT.shape().get(0), wX.shape().get(1));
            TensorShape g = new TensorShape("G", TensorShape.Role.ACTIVATION, k, gateShape, "");
            TensorShape a = new TensorShape("A", TensorShape.Role.ACTIVATION, k, gateShape, "");
            box.add(equation(
                    term("G_{" + t + "}", g, "shape-G_t-" + k, true),
                    op("="),
                    term("X_{" + t + "}", xT, null, false),
                    term("W_xh", wX, null, false),
                    op("+"),
                    term("b_h", b, null, false)));
            box.add(equation(
                    term("A_{" + t + "}", a, "shape-A_t-" + k, true),
                    op("="),
                    term("H_{" + tPrev + "}", hPrev, null, false),
                    term("W_hh", wH, null, false)));
            box.add(equation(mathOp("[R Z] = σ(G_{rz} + A_{rz}),   Ñ = tanh(G_n + R ⊙ A_n)")));
            box.add(equation(
                    term("H_{" + t + "}", hT, "shape-H_t-" + k, true),
                    mathOp("= Z ⊙ H_{" + tPrev + "} + (1 − Z) ⊙ Ñ")));
            box.add(text("shapes.lib.step.gatesGru"));
        } else if (cell == CellType.LSTM) {
            TensorShape gates = new TensorShape(
                    "G",
                    TensorShape.Role.ACTIVATION,
                    k,
                    java.util.List.of(xT.shape().get(0), wX.shape().get(1)),
                    "");
            box.add(equation(
                    term("G_{" + t + "}", gates, "shape-G_t-" + k, true),
                    op("="),
                    term("X_{" + t + "}", xT, null, false),
                    term("W_xh", wX, null, false),
                    op("+"),
                    term("H_{" + tPrev + "}", hPrev, null, false),
                    term("W_hh", wH, null, false),
                    op("+"),
                    term("b_h", b, null, false)));
            box.add(equation(mathOp("[I F O] = σ(G_{ifo}),   C̃ = tanh(G_c)")));
            box.add(equation(
                    term("H_{" + t + "}", hT, "shape-H_t-" + k, true),
                    mathOp("= O ⊙ tanh(C_{" + t + "}),   C_{" + t + "} = F ⊙ C_{" + tPrev + "} + I ⊙ C̃")));
            box.add(text("shapes.lib.step.gates"));
        } else {
            String phi = trace.request().activation() == Activation.RELU ? "relu" : "tanh";
            box.add(equation(
                    term("H_{" + t + "}", hT, "shape-H_t-" + k, true),
                    op("= " + phi + "("),
                    term("X_{" + t + "}", xT, null, false),
                    term("W_xh", wX, null, false),
                    op("+"),
                    term("H_{" + tPrev + "}", hPrev, null, false),
                    term("W_hh", wH, null, false),
                    op("+"),
                    term("b_h", b, null, false),
                    op(")")));
        }
        if (layers > 1) {
            box.add(text("shapes.lib.step.upperLayers", layers));
        }
        box.add(equation(
                term("O_{" + t + "}", oT, "shape-O_t-" + k, true),
                op("="),
                term("H_{" + t + "}", hT, null, false),
                term("W_hq", bookParam(trace, "W_hq", -1), null, false),
                op("+"),
                term("b_q", bookParam(trace, "b_q", -1), null, false)));
        box.setId("step-" + k);
        box.addClassName("step-box");
        return box;
    }

    /**
     * A library parameter by its book name (the trace's note, e.g. {@code W_xh}); {@code layer} picks
     * the recurrent layer from 0, -1 for the output layer.
     */
    private static TensorShape bookParam(ShapeTrace trace, String bookName, int layer) {
        return trace.parameters().stream()
                .filter(p -> ParameterTable.bookName(p).equals(bookName))
                .skip(Math.max(layer, 0))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no parameter " + bookName + " traced"));
    }

    /** A tensor that is not per step, with its own label and a description with arguments. */
    private Component node(ShapeTrace trace, String name, String label, String descriptionKey, Object... args) {
        TensorShape t = trace.tensor(name).orElseThrow(() -> new IllegalStateException("no " + name + " traced"));
        Span chip = label.contains("_") ? MathText.of(label) : new Span(label);
        chip.addClassName("tensor-name");
        Div box = new Div(chip, shape(t, idFor("shape-", name)), text(descriptionKey, args));
        box.addClassName("shape-node");
        box.addClassName(roleClass(t));
        return box;
    }

    /** One tensor that is not per step: its name, its shape (with id {@code shape-NAME}) and a line. */
    private Component node(ShapeTrace trace, String name, String descriptionKey) {
        TensorShape t = trace.tensor(name).orElseThrow(() -> new IllegalStateException("no " + name + " traced"));
        Div box = new Div(nameChip(t), shape(t, "shape-" + name), text(descriptionKey, trace.numSteps()));
        box.addClassName("shape-node");
        box.addClassName(roleClass(t));
        return box;
    }

    /** One time step: its input, then each equation with the shape of every term under it. */
    private Component step(ShapeTrace trace, int k) {
        TensorShape xT = trace.atStep("X_t", k).orElseThrow();
        TensorShape hPrev = trace.stateBefore(k).orElseThrow();
        TensorShape hT = trace.atStep("H_t", k).orElseThrow();
        TensorShape oT = trace.atStep("O_t", k).orElseThrow();
        String t = Integer.toString(k);
        String tPrev = Integer.toString(k - 1);
        String phi = trace.request().activation() == Activation.RELU ? "relu" : "tanh";

        Span title = new Span(getTranslation("shapes.step.title", k, trace.numSteps()));
        title.addClassName("step-title");

        Div input = new Div(nameChip(xT, "X_{" + t + "}"), shape(xT, "shape-X_t-" + k), text("shapes.step.input", k));
        input.addClassName("shape-node");
        input.addClassName(roleClass(xT));

        Div hEquation = equation(
                term("H_{" + t + "}", hT, "shape-H_t-" + k, true),
                op("= " + phi + "("),
                term("X_{" + t + "}", xT, null, false),
                term("W_xh", param(trace, "W_xh"), null, false),
                op("+"),
                term("H_{" + tPrev + "}", hPrev, null, false),
                term("W_hh", param(trace, "W_hh"), null, false),
                op("+"),
                term("b_h", param(trace, "b_h"), null, false),
                op(")"));
        Div oEquation = equation(
                term("O_{" + t + "}", oT, "shape-O_t-" + k, true),
                op("="),
                term("H_{" + t + "}", hT, null, false),
                term("W_hq", param(trace, "W_hq"), null, false),
                op("+"),
                term("b_q", param(trace, "b_q"), null, false));
        Div box = new Div(title, input, hEquation, oEquation);
        box.setId("step-" + k);
        box.addClassName("step-box");
        return box;
    }

    private static TensorShape param(ShapeTrace trace, String name) {
        return trace.tensor(name).orElseThrow(() -> new IllegalStateException("no parameter " + name + " traced"));
    }

    private static Div equation(Component... parts) {
        Div eq = new Div(parts);
        eq.addClassName("equation");
        return eq;
    }

    /** A symbol of an equation with its shape under it. */
    private static Component term(String symbol, TensorShape t, String id, boolean result) {
        Div box = new Div(MathText.of(symbol), shape(t, id));
        box.addClassName("term");
        box.addClassName(roleClass(t));
        if (result) {
            box.addClassName("result");
        }
        return box;
    }

    private static Component mathOp(String text) {
        Div box = new Div(MathText.of(text), new Span(" "));
        box.addClassName("term");
        box.addClassName("op");
        return box;
    }

    private static Component op(String text) {
        Div box = new Div(new Span(text), new Span(" "));
        box.addClassName("term");
        box.addClassName("op");
        return box;
    }

    private static Span shape(TensorShape t, String id) {
        Span s = new Span(t.shapeText());
        s.addClassName("shape");
        if (id != null) {
            s.setId(id);
        }
        return s;
    }

    private static Component nameChip(TensorShape t) {
        return nameChip(t, t.name());
    }

    private static Component nameChip(TensorShape t, String symbol) {
        Span chip = "one-hot".equals(symbol) ? new Span(symbol) : MathText.of(symbol);
        chip.addClassName("tensor-name");
        return chip;
    }

    static String roleClass(TensorShape t) {
        return "role-" + t.role().name().toLowerCase(Locale.ROOT);
    }

    private Component arrow(Component... parts) {
        Div box = new Div(new Span("↓"));
        box.add(parts);
        box.addClassName("shape-arrow");
        return box;
    }

    private static Span code(String text) {
        Span s = new Span(text);
        s.addClassName("code");
        return s;
    }

    private Span text(String key, Object... args) {
        Span s = new Span(getTranslation(key, args));
        s.addClassName("muted");
        return s;
    }
}
