package org.rnnplayground.model.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.Implementation;
import org.rnnplayground.model.ui.ShapeRequest.Field;
import org.rnnplayground.model.ui.ShapeRequest.Problem;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.ui.CurrentText;
import org.rnnplayground.text.ui.TextAnalysis;
import org.rnnplayground.ui.Async;
import org.rnnplayground.ui.WholeNumberField;
import org.rnnplayground.ui.Widgets;
import org.rnnplayground.work.ServerBusyException;

/**
 * Book sections 8.4 and 8.5 on the user's text: for the chosen {@code batch_size}, {@code
 * num_steps}, {@code num_hiddens} and activation, every tensor of the RNN's forward pass with its
 * shape and every parameter with its element count, as a real forward pass of the from-scratch model
 * over the first minibatch of the current text reports them.
 *
 * <p>The model is the from-scratch RNN of 8.5 or library layers (DL4J {@code SimpleRnn}, our GRU
 * layer or DL4J {@code LSTM}, d2l 8.6, 9.1 and 9.2) with {@code num_layers} stacked layers and
 * one-hot or embedded inputs.
 *
 * <p>Ids: the fields {@code shapes-impl}, {@code shapes-batch-size}, {@code shapes-num-steps},
 * {@code shapes-num-hiddens}, {@code shapes-activation}, {@code shapes-num-layers} and {@code
 * shapes-embedding} (the last two for library layers only); the badge {@code
 * shapes-implementation}, the equations {@code shapes-equations}; {@code shapes-text-name}, {@code shapes-vocab-size}, {@code
 * shapes-corpus-length}; {@code shapes-message}, {@code shapes-progress}; the diagram's and the
 * table's ids are listed on {@link ShapeDiagram} and {@link ParameterTable}.
 */
@Route("shapes")
@AnonymousAllowed
public class ShapesView extends VerticalLayout implements HasDynamicTitle {

    /** Above this many multiply-adds the page warns that the forward pass takes a few seconds. */
    static final long SLOW_MULTIPLY_ADDS = 2_000_000_000L;

    private final CurrentText current;
    private final ShapeTracer tracer;

    final WholeNumberField batchSize = new WholeNumberField("shapes-batch-size", "batch_size");
    final WholeNumberField numSteps = new WholeNumberField("shapes-num-steps", "num_steps");
    final WholeNumberField numHiddens = new WholeNumberField("shapes-num-hiddens", "num_hiddens");
    final Select<Activation> activation = new Select<>();
    final Select<Implementation> implementation = new Select<>();
    final WholeNumberField numLayers = new WholeNumberField("shapes-num-layers", "num_layers");
    final WholeNumberField embedding = new WholeNumberField("shapes-embedding", "");
    final Span implementationBadge = new Span();
    final Div equations = new Div();
    final Span textName = new Span();
    final Span corpusLength = new Span();
    final Span vocabSize = new Span();
    final Paragraph message = new Paragraph();
    final ProgressBar progress = new ProgressBar();
    final ShapeDiagram diagram = new ShapeDiagram();
    final ParameterTable parameters = new ParameterTable();
    final FirstRowPanel firstRow = new FirstRowPanel();
    final Div results = new Div();

    private ProcessedText text;
    private CompletableFuture<ShapeTrace> pending;
    private int generation;
    /** A problem of the text, or of the model as a whole (the budget), said once in the page's message. */
    private String pageProblem;
    /** The trace on screen, or null before the first one. */
    ShapeTrace shown;

    public ShapesView(CurrentText current, ShapeTracer tracer) {
        this.current = current;
        this.tracer = tracer;
        setId("page-shapes");
        addClassName("page");
        addClassName("shapes-page");

        H2 title = new H2(getTranslation("shapes.title"));
        title.setId("page-title");
        Paragraph intro = new Paragraph(getTranslation("shapes.intro"));
        intro.addClassName("muted");

        message.setId("shapes-message");
        progress.setId("shapes-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);

        results.setId("shapes-results");
        results.addClassName("shapes-results");
        Div diagramCard = new Div(diagramHeader(), diagram);
        diagramCard.addClassName("card");
        diagramCard.addClassName("diagram-card");
        Div side = new Div(parameters, firstRow);
        side.addClassName("shapes-side");
        results.add(diagramCard, side);
        results.setVisible(false);

        add(title, intro, summary(), fields(), message, progress, results);
    }

    private Component diagramHeader() {
        H3 heading = new H3(getTranslation("shapes.diagram.title"));
        implementationBadge.setId("shapes-implementation");
        implementationBadge.getElement().getThemeList().add("badge contrast");
        equations.setId("shapes-equations");
        equations.addClassName("equations");
        showImplementation(ShapeRequest.book());
        HorizontalLayout top = new HorizontalLayout(heading, implementationBadge);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.addClassName("diagram-top");
        return new Div(top, equations);
    }

    /** The badge and the equations above the diagram, for the model of {@code request}. */
    private void showImplementation(ShapeRequest request) {
        Implementation impl = request.implementation();
        equations.removeAll();
        if (!impl.library()) {
            implementationBadge.setText(getTranslation("shapes.implementation.scratch"));
            implementationBadge
                    .getElement()
                    .setAttribute("title", getTranslation("shapes.implementation.scratch.title"));
            equations.add(
                    MathText.of("H_t = φ(X_t W_xh + H_{t-1} W_hh + b_h)"),
                    MathText.of("O_t = H_t W_hq + b_q"),
                    new Span(getTranslation("shapes.equations.legend")));
            return;
        }
        implementationBadge.setText(getTranslation(
                request.embeddingSize() > 0
                        ? "shapes.implementation.libraryEmbedding"
                        : "shapes.implementation.library",
                impl.cell().layerClass(),
                request.numLayers(),
                request.embeddingSize()));
        implementationBadge.getElement().setAttribute("title", getTranslation("shapes.implementation.library.title"));
        if (impl.cell() == CellType.GRU) {
            equations.add(
                    MathText.of("[R_t Z_t] = σ(X_t W_{x,rz} + H_{t-1} W_{h,rz} + b_{rz})"),
                    MathText.of("Ñ_t = tanh(X_t W_{x,n} + R_t ⊙ (H_{t-1} W_{h,n}) + b_n)"),
                    MathText.of("H_t = Z_t ⊙ H_{t-1} + (1 − Z_t) ⊙ Ñ_t"),
                    MathText.of("O_t = H_t W_hq + b_q"),
                    new Span(getTranslation("shapes.equations.legendGru")));
        } else if (impl.cell() == CellType.LSTM) {
            equations.add(
                    MathText.of("G_t = X_t W_xh + H_{t-1} W_hh + b_h = [G_i G_f G_o G_c]"),
                    MathText.of("[I_t F_t O_t] = σ([G_i G_f G_o]),  C̃_t = tanh(G_c)"),
                    MathText.of("C_t = F_t ⊙ C_{t-1} + I_t ⊙ C̃_t,  H_t = O_t ⊙ tanh(C_t)"),
                    MathText.of("O_t = H_t W_hq + b_q"),
                    new Span(getTranslation("shapes.equations.legendLstm")));
        } else {
            equations.add(
                    MathText.of("H_t = φ(X_t W_xh + H_{t-1} W_hh + b_h)"),
                    MathText.of("O_t = H_t W_hq + b_q"),
                    new Span(getTranslation("shapes.equations.legendLibrary")));
        }
    }

    private Component summary() {
        textName.setId("shapes-text-name");
        corpusLength.setId("shapes-corpus-length");
        vocabSize.setId("shapes-vocab-size");
        HorizontalLayout stats = new HorizontalLayout(
                Widgets.stat(getTranslation("shapes.summary.text"), textName),
                Widgets.stat(getTranslation("shapes.summary.corpusLength"), corpusLength),
                Widgets.stat("vocab_size", vocabSize));
        stats.addClassName("stats");
        stats.getStyle().set("flex-wrap", "wrap");
        return stats;
    }

    private Component fields() {
        ShapeRequest book = ShapeRequest.book();
        setUp(batchSize, book.batchSize(), "shapes.field.batchSize.help");
        setUp(numSteps, book.numSteps(), "shapes.field.numSteps.help");
        setUp(numHiddens, book.numHiddens(), "shapes.field.numHiddens.help");
        activation.setId("shapes-activation");
        activation.setLabel(getTranslation("shapes.field.activation"));
        activation.setItems(Activation.values());
        activation.setItemLabelGenerator(a -> getTranslation("shapes.activation." + a.name()));
        activation.setValue(book.activation());
        activation.addValueChangeListener(e -> sizesChanged());
        implementation.setId("shapes-impl");
        implementation.setLabel(getTranslation("shapes.field.impl"));
        implementation.setItems(Implementation.values());
        implementation.setItemLabelGenerator(i -> getTranslation("shapes.impl." + i.name()));
        implementation.setValue(book.implementation());
        implementation.addValueChangeListener(e -> {
            libraryFieldsVisible();
            sizesChanged();
        });
        setUp(numLayers, 1, "shapes.field.numLayers.help");
        embedding.setLabel(getTranslation("shapes.field.embedding"));
        setUp(embedding, 0, "shapes.field.embedding.help");
        libraryFieldsVisible();
        HorizontalLayout bar =
                new HorizontalLayout(implementation, batchSize, numSteps, numHiddens, activation, numLayers, embedding);
        bar.setAlignItems(FlexComponent.Alignment.START);
        bar.getStyle().set("flex-wrap", "wrap");
        bar.addClassName("options-bar");
        bar.addClassName("shapes-fields");
        return bar;
    }

    /** {@code num_layers} and the embedding size for library layers only; the LSTM has its own nonlinearities. */
    private void libraryFieldsVisible() {
        Implementation impl = implementation.getValue();
        boolean library = impl != null && impl.library();
        numLayers.setVisible(library);
        embedding.setVisible(library);
        boolean gated = impl != null && impl.library() && impl.cell() != CellType.RNN;
        activation.setEnabled(!gated);
        activation.setHelperText(gated ? getTranslation("shapes.field.activation.gated", impl.cell()) : null);
    }

    private void setUp(WholeNumberField field, int value, String helpKey) {
        field.setHelperText(getTranslation(helpKey));
        field.setNumber(value);
        field.addValueChangeListener(e -> sizesChanged());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        current.whenReady(
                ui,
                () -> busy(getTranslation("shapes.loadingText")),
                this::useText,
                error -> fail(getTranslation("shapes.loadFailed", String.valueOf(error.getMessage()))));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        cancelPending();
        super.onDetach(detachEvent);
    }

    private void useText(TextAnalysis analysis) {
        text = analysis.text();
        textName.setText(analysis.name());
        corpusLength.setText(getTranslation("shapes.number", text.corpusLength()));
        vocabSize.setText(getTranslation("shapes.number", text.vocabSize()));
        sizesChanged();
    }

    /**
     * Checks the fields against the current text and, when they pass, traces a forward pass for
     * them in the background; otherwise explains the problem next to the field.
     */
    void sizesChanged() {
        if (text == null) {
            return;
        }
        ShapeRequest request = requestFromFields();
        if (request == null) {
            cancelPending();
            progress.setVisible(false);
            results.addClassName("stale");
            fail(
                    pageProblem != null
                            ? pageProblem
                            : getTranslation(shown == null ? "shapes.fixFields" : "shapes.fixFieldsStale"));
            return;
        }
        cancelPending();
        int mine = ++generation;
        long multiplyAdds = request.footprint(text.vocabSize()).forwardMultiplyAdds();
        busy(
                multiplyAdds < SLOW_MULTIPLY_ADDS
                        ? getTranslation("shapes.running")
                        : getTranslation("shapes.runningSlow", multiplyAdds / 1e9, multiplyAdds / 1e8));
        UI ui = UI.getCurrent();
        pending = tracer.trace(text, request);
        pending.whenComplete((trace, error) -> {
            if (error instanceof CancellationException || Async.cause(error) instanceof CancellationException) {
                return;
            }
            ui.access(() -> {
                if (mine != generation) {
                    return;
                }
                pending = null;
                if (ServerBusyException.isBusy(error)) {
                    fail(getTranslation("shell.busy"));
                } else if (error != null) {
                    fail(getTranslation(
                            "shapes.traceFailed",
                            String.valueOf(Async.cause(error).getMessage())));
                } else {
                    show(trace);
                }
            });
        });
    }

    /**
     * The request in the fields, or null when a value is missing, out of range or too large, in which
     * case the fields say why and what range is valid.
     */
    ShapeRequest requestFromFields() {
        Implementation impl = implementation.getValue() == null ? Implementation.SCRATCH : implementation.getValue();
        Integer batch = batchSize.number().orElse(null),
                steps = numSteps.number().orElse(null);
        Integer hiddens = numHiddens.number().orElse(null);
        Integer layers = numLayers.number().orElse(null),
                embeddingSize = embedding.number().orElse(null);
        List<Problem> problems = ShapeRequest.check(
                batch,
                steps,
                hiddens,
                impl,
                layers,
                embeddingSize,
                text.corpusLength(),
                text.vocabSize(),
                tracer.budget());
        Map<Field, String> byField = new EnumMap<>(Field.class);
        for (Problem p : problems) {
            byField.merge(p.field(), p.message(this::getTranslation), (a, b) -> a.equals(b) ? a : a + " " + b);
        }
        mark(batchSize, byField.get(Field.BATCH_SIZE));
        mark(numSteps, byField.get(Field.NUM_STEPS));
        mark(numHiddens, byField.get(Field.NUM_HIDDENS));
        mark(numLayers, byField.get(Field.NUM_LAYERS));
        mark(embedding, byField.get(Field.EMBEDDING));
        pageProblem = byField.containsKey(Field.TEXT) ? byField.get(Field.TEXT) : byField.get(Field.MODEL);
        if (!problems.isEmpty()) {
            return null;
        }
        return impl.library()
                ? new ShapeRequest(batch, steps, hiddens, activation.getValue(), impl, layers, embeddingSize)
                : new ShapeRequest(batch, steps, hiddens, activation.getValue());
    }

    private static void mark(WholeNumberField field, String problem) {
        field.setInvalid(problem != null);
        field.setErrorMessage(problem);
    }

    private void show(ShapeTrace trace) {
        shown = trace;
        progress.setVisible(false);
        message.setText(getTranslation(
                trace.library() ? "shapes.ranOnLibrary" : "shapes.ranOn",
                trace.request().batchSize(),
                trace.request().numSteps(),
                trace.request().numHiddens(),
                trace.vocabSize(),
                trace.request().numLayers(),
                getTranslation("shapes.impl." + trace.request().implementation().name())));
        showImplementation(trace.request());
        message.removeClassName("message-error");
        diagram.show(trace);
        parameters.show(trace);
        firstRow.show(trace);
        results.removeClassName("stale");
        results.setVisible(true);
    }

    private void busy(String text) {
        message.setText(text);
        message.removeClassName("message-error");
        progress.setVisible(true);
    }

    private void fail(String text) {
        progress.setVisible(false);
        message.setText(text);
        message.addClassName("message-error");
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        generation++;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.nav.shapes") + " · RNN Playground";
    }
}
