package org.rnnplayground.model.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.TensorShape;

/**
 * The forward pass as a column of boxes, input at the top: {@code X}, its one-hot encoding, the
 * first and the last time step with the book's equations and the shape under every term, the
 * stacked outputs and the state handed on. Every shape shown comes from a {@link ShapeTrace}; this
 * class only arranges them.
 *
 * <p>Ids: {@code shape-X}, {@code shape-one-hot}, {@code shape-H_0}, per step {@code shape-X_t-k},
 * {@code shape-H_t-k}, {@code shape-O_t-k} for the steps shown (k = 1 and k = num_steps), {@code
 * shape-outputs}, {@code shape-H_T}; the steps are {@code step-k}.
 */
class ShapeDiagram extends Div {

    ShapeDiagram() {
        setId("shapes-diagram");
        addClassName("shape-flow");
    }

    void show(ShapeTrace trace) {
        removeAll();
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
