package org.rnnplayground.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.Decoding;
import org.rnnplayground.model.Footprint;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.TrainHyper;
import org.rnnplayground.model.budget.BudgetProblem;
import org.rnnplayground.model.budget.ComputeBudget;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.Implementation;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.sampling.SamplerConfig;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.text.TokenCodec;
import org.rnnplayground.text.ui.TextAnalysis;
import org.rnnplayground.training.RunSpec;
import org.rnnplayground.ui.DecimalField;
import org.rnnplayground.ui.WholeNumberField;

/**
 * The book's hyperparameters with presets. Numbers are read as typed (lr {@code 1e-3} is 0.001) and
 * never replaced: a field that does not hold a valid number explains why next to itself, as soon as
 * it is left and again on Start;
 * {@link #spec} builds a run only from a fully valid form. Below the fields, {@link #estimate}
 * shows what the model costs for the current text, or why the compute budget refuses it, as the
 * fields change; the runtime checks the same budget again when the run is launched.
 */
class TrainForm extends Div {

    static final int MAX_HIDDENS = 2048;
    static final int MAX_EPOCHS = 5000;
    static final int MAX_BATCH = 4096;
    static final int MAX_STEPS = 1000;
    static final double MAX_LR = 1000;

    final Select<Preset> preset = new Select<>();
    final Select<Implementation> implementation = new Select<>();
    final WholeNumberField numLayers = intField("num-layers", "train.form.numLayers", 1, ModelSpec.MAX_LAYERS);
    final WholeNumberField embedding = intField("embedding", "train.form.embedding", 0, ModelSpec.MAX_EMBEDDING_SIZE);
    final WholeNumberField numHiddens = intField("num-hiddens", "train.form.numHiddens", 1, MAX_HIDDENS);
    final WholeNumberField batchSize = intField("batch-size", "train.form.batchSize", 1, MAX_BATCH);
    final WholeNumberField numSteps = intField("num-steps", "train.form.numSteps", 1, MAX_STEPS);
    final DecimalField lr = new DecimalField("lr", getTranslation("train.form.lr"));
    final Checkbox clip = new Checkbox();
    final DecimalField theta = new DecimalField("theta", getTranslation("train.form.theta"));
    final Select<SamplerKind> sampler = new Select<>();
    final WholeNumberField epochs = intField("epochs", "train.form.epochs", 1, MAX_EPOCHS);
    final Select<Activation> activation = new Select<>();
    final WholeNumberField seed = intField("seed", "train.form.seed", 0, Integer.MAX_VALUE);
    final WholeNumberField maxTokens = intField("max-tokens", "train.form.maxTokens", 0, Integer.MAX_VALUE);
    final TextField prefix = new TextField();
    final WholeNumberField sampleEvery = intField("sample-every", "train.form.sampleEvery", 0, MAX_EPOCHS);
    final Button start = new Button();
    /** The model's cost for the current text, or the budget's refusal. */
    final Paragraph estimate = new Paragraph();

    private final ComputeBudget budget;
    /** The current text's vocabulary size, or null before a text is ready. */
    private Integer vocabSize;

    TrainForm(ComputeBudget budget) {
        this.budget = budget;
        addClassName("card");
        addClassName("train-form");
        preset.setId("preset");
        preset.setLabel(getTranslation("train.form.preset"));
        preset.setItems(Preset.ALL);
        preset.setItemLabelGenerator(p -> getTranslation("train.preset." + p.key()));
        preset.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                apply(e.getValue());
            }
        });
        implementation.setId("impl");
        implementation.setLabel(getTranslation("train.form.impl"));
        implementation.setItems(Implementation.values());
        implementation.setItemLabelGenerator(i -> getTranslation("train.form.impl." + i.name()));
        implementation.addValueChangeListener(e -> {
            showArchitectureFields();
            showEstimate();
        });
        embedding.setHelperText(getTranslation("train.form.embedding.help"));
        lr.setCheck(TrainForm::validLr, () -> getTranslation("train.form.lr.invalid"));
        clip.setId("clip");
        clip.setLabel(getTranslation("train.form.clip"));
        theta.setCheck(TrainForm::validTheta, () -> getTranslation("train.form.theta.invalid"));
        clip.addValueChangeListener(e -> {
            theta.setEnabled(e.getValue());
            if (!e.getValue()) {
                theta.clearMark(); // ignored without clipping
            }
        });
        sampler.setId("sampler");
        sampler.setLabel(getTranslation("train.form.sampler"));
        sampler.setItems(SamplerKind.values());
        sampler.setItemLabelGenerator(k -> getTranslation("train.form.sampler." + k.name()));
        activation.setId("activation");
        activation.setLabel(getTranslation("train.form.activation"));
        activation.setItems(Activation.values());
        activation.setItemLabelGenerator(a -> a.name().toLowerCase());
        prefix.setId("prefix");
        prefix.setLabel(getTranslation("train.form.prefix"));
        maxTokens.setHelperText(getTranslation("train.form.maxTokens.help"));
        sampleEvery.setHelperText(getTranslation("train.form.sampleEvery.help"));
        start.setId("start-run");
        start.setText(getTranslation("train.form.start"));
        start.setIcon(VaadinIcon.PLAY.create());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout form = new FormLayout(
                preset,
                implementation,
                numLayers,
                embedding,
                numHiddens,
                batchSize,
                numSteps,
                lr,
                clip,
                theta,
                sampler,
                epochs,
                activation,
                seed,
                maxTokens,
                prefix,
                sampleEvery);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("22em", 2));
        form.setColspan(preset, 2);
        form.setColspan(implementation, 2);
        form.setColspan(prefix, 2);
        Paragraph hint = new Paragraph(getTranslation("train.form.hint"));
        hint.addClassName("muted");
        estimate.setId("budget-estimate");
        estimate.addClassName("muted");
        for (HasValue<?, ?> field :
                List.of(numLayers, embedding, numHiddens, batchSize, numSteps, prefix, sampleEvery)) {
            field.addValueChangeListener(e -> showEstimate());
        }
        add(new H3(getTranslation("train.form.title")), hint, form, estimate, start);

        prefix.setValue(TokenCodec.BOOK_PREFIX);
        seed.setNumber(0);
        sampleEvery.setNumber(10);
        preset.setValue(Preset.BOOK_SEQUENTIAL);
    }

    private WholeNumberField intField(String id, String labelKey, int min, int max) {
        WholeNumberField f = new WholeNumberField(id, getTranslation(labelKey));
        f.setRange(min, max, () -> getTranslation("train.form.range", min, max));
        return f;
    }

    /** The learning rates the form accepts (the run itself needs a positive finite one). */
    static boolean validLr(double lr) {
        return lr > 0 && lr <= MAX_LR;
    }

    /** The clipping thresholds the form accepts (the run itself needs a positive finite one). */
    static boolean validTheta(double theta) {
        return theta > 0;
    }

    void apply(Preset p) {
        implementation.setValue(p.model().implementation());
        numLayers.setNumber(p.model().numLayers());
        embedding.setNumber(p.model().embeddingSize());
        showArchitectureFields();
        numHiddens.setNumber(p.numHiddens());
        batchSize.setNumber(p.batchSize());
        numSteps.setNumber(p.numSteps());
        lr.setNumber(p.lr());
        clip.setValue(p.clip());
        theta.setNumber(p.theta());
        theta.setEnabled(p.clip());
        sampler.setValue(p.sampler());
        epochs.setNumber(p.epochs());
        activation.setValue(p.activation());
        maxTokens.setNumber(p.maxTokens());
    }

    private void showArchitectureFields() {
        boolean library =
                implementation.getValue() != null && implementation.getValue().library();
        numLayers.setVisible(library);
        embedding.setVisible(library);
        CellType cell = implementation.getValue() == null
                ? CellType.RNN
                : implementation.getValue().cell();
        activation.setEnabled(cell == CellType.RNN); // the GRU and the LSTM have their own, tanh and sigmoid
        activation.setHelperText(
                cell == CellType.RNN ? null : getTranslation("train.form.activation.gated", cell.name()));
    }

    /** The model part of the form; the from-scratch model is always one RNN layer with one-hot input. */
    ModelSpec modelSpec() {
        Implementation impl = implementation.getValue() == null ? Implementation.SCRATCH : implementation.getValue();
        return impl.library()
                ? new ModelSpec(
                        impl,
                        numLayers.number().orElseThrow(),
                        embedding.number().orElseThrow())
                : ModelSpec.scratch();
    }

    /** The text the run would train on changed: its vocabulary decides much of the cost. */
    void useText(int newVocabSize) {
        vocabSize = newVocabSize;
        showEstimate();
    }

    /**
     * Shows the model's parameters, memory and multiply-adds per step for the current text, or,
     * when the budget refuses them, its refusal (the same check the runtime makes on launch).
     * Says nothing while a size is missing or out of range.
     */
    void showEstimate() {
        Optional<TrainConfig> config = sizes();
        Optional<ModelSpec> architecture = architecture();
        if (config.isEmpty() || architecture.isEmpty()) {
            estimate.setText("");
            estimate.removeClassName("message-error");
            return;
        }
        ModelSpec model = architecture.get();
        Optional<BudgetProblem> over = budget.checkTraining(model, vocabSize, config.get());
        if (over.isPresent()) {
            estimate.setText(over.get().message(this::getTranslation));
            estimate.addClassName("message-error");
            return;
        }
        Footprint f = model.footprint(vocabSize, config.get());
        estimate.setText(getTranslation(
                "budget.estimate",
                f.parameters(),
                ComputeBudget.size(f.trainingTotalBytes()),
                ComputeBudget.size(budget.runBytes()),
                f.trainingStepMultiplyAdds() / 1e9));
        estimate.removeClassName("message-error");
    }

    /** The model part of the form, when its fields are in range. */
    private Optional<ModelSpec> architecture() {
        Implementation impl = implementation.getValue() == null ? Implementation.SCRATCH : implementation.getValue();
        if (!impl.library()) {
            return Optional.of(ModelSpec.scratch());
        }
        Integer layers = numLayers.number().orElse(null),
                size = embedding.number().orElse(null);
        boolean inRange = layers != null
                && layers >= 1
                && layers <= ModelSpec.MAX_LAYERS
                && size != null
                && size >= 0
                && size <= ModelSpec.MAX_EMBEDDING_SIZE;
        return inRange ? Optional.of(new ModelSpec(impl, layers, size)) : Optional.empty();
    }

    /** The sizes in the fields as a configuration (the rest as the book's), when all are in range. */
    private Optional<TrainConfig> sizes() {
        Integer h = numHiddens.number().orElse(null);
        Integer b = batchSize.number().orElse(null);
        Integer t = numSteps.number().orElse(null);
        Integer every = sampleEvery.number().orElse(null);
        if (vocabSize == null
                || h == null
                || b == null
                || t == null
                || h < 1
                || h > MAX_HIDDENS
                || b < 1
                || b > MAX_BATCH
                || t < 1
                || t > MAX_STEPS) {
            return Optional.empty();
        }
        boolean samples = every != null && every > 0 && !prefix.getValue().isEmpty();
        return Optional.of(TrainConfig.book()
                .withNumHiddens(h)
                .withBatch(b, t)
                .withSamples(samples ? every : 0, samples ? prefix.getValue() : "a", 50, Decoding.greedyArgmax()));
    }

    /**
     * Validates the form against the text and builds a run, or marks the invalid fields.
     *
     * @return the run's spec, or empty when a field is invalid (each says why)
     */
    Optional<RunSpec> spec(TextAnalysis text) {
        if (!fieldsValid()) {
            return Optional.empty();
        }
        int h = numHiddens.number().orElseThrow(), b = batchSize.number().orElseThrow();
        int t = numSteps.number().orElseThrow(), max = maxTokens.number().orElseThrow();
        int every = sampleEvery.number().orElseThrow();
        int corpusLength = text.text().corpusLength();
        int used = max > 0 ? Math.min(max, corpusLength) : corpusLength;
        if (SamplerConfig.problem(used, b, t).isPresent()) {
            // as SamplerConfig.problem: num_steps first, then batch_size for that num_steps
            int maxNumSteps = SamplerConfig.maxNumSteps(used, 1);
            if (t > maxNumSteps) {
                numSteps.setInvalid(true);
                numSteps.setErrorMessage(getTranslation(
                        "train.form.doesNotFit",
                        used,
                        getTranslation("minibatches.numSteps.invalid", Math.max(0, maxNumSteps), used)));
            } else {
                batchSize.setInvalid(true);
                batchSize.setErrorMessage(getTranslation(
                        "train.form.doesNotFit",
                        used,
                        getTranslation(
                                "minibatches.batchSize.invalid",
                                Math.max(0, SamplerConfig.maxBatchSize(used, t)),
                                used,
                                t)));
            }
            return Optional.empty();
        }
        double rate = lr.number().orElseThrow();
        TrainHyper hyper =
                clip.getValue() ? TrainHyper.clipped(rate, theta.number().orElseThrow()) : TrainHyper.unclipped(rate);
        TrainConfig config = new TrainConfig(
                h,
                b,
                t,
                epochs.number().orElseThrow(),
                hyper,
                sampler.getValue(),
                activation.getValue(),
                TrainConfig.Precision.FLOAT32,
                seed.number().orElseThrow(),
                every,
                prefix.getValue().isEmpty() ? "a" : prefix.getValue(),
                50,
                Decoding.greedyArgmax());
        return Optional.of(new RunSpec(text.name(), text.ref(), max, config, modelSpec()));
    }

    /** Checks every field in use, marking those that do not hold a valid value; true when all do. */
    boolean fieldsValid() {
        List<WholeNumberField> wholes =
                new ArrayList<>(List.of(numHiddens, batchSize, numSteps, epochs, seed, maxTokens, sampleEvery));
        if (implementation.getValue() != null && implementation.getValue().library()) {
            wholes.add(numLayers);
            wholes.add(embedding);
        }
        List<Boolean> ok = new ArrayList<>();
        for (WholeNumberField f : wholes) {
            ok.add(f.check());
        }
        ok.add(lr.check());
        ok.add(!clip.getValue() || theta.check());
        int every = sampleEvery.number().orElse(0);
        ok.add(check(prefix, !prefix.getValue().isEmpty() || every == 0, getTranslation("train.form.prefix.invalid")));
        return !ok.contains(false);
    }

    private static <C extends Component & HasValue<?, ?>> boolean check(C field, boolean valid, String message) {
        if (field instanceof com.vaadin.flow.component.HasValidation v) {
            v.setInvalid(!valid);
            v.setErrorMessage(valid ? null : message);
        }
        return valid;
    }
}
