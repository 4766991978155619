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
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.Decoding;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.TrainHyper;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.sampling.SamplerConfig;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.text.TokenCodec;
import org.rnnplayground.text.ui.TextAnalysis;
import org.rnnplayground.training.RunSpec;

/**
 * The book's hyperparameters with presets. Each field explains an invalid value next to itself;
 * {@link #spec} builds a run only from a fully valid form.
 */
class TrainForm extends Div {

    static final int MAX_HIDDENS = 2048;
    static final int MAX_EPOCHS = 5000;

    final Select<Preset> preset = new Select<>();
    final Select<Implementation> implementation = new Select<>();
    final IntegerField numLayers = intField("num-layers", "train.form.numLayers", 1, ModelSpec.MAX_LAYERS);
    final IntegerField embedding = intField("embedding", "train.form.embedding", 0, 1024);
    final IntegerField numHiddens = intField("num-hiddens", "train.form.numHiddens", 1, MAX_HIDDENS);
    final IntegerField batchSize = intField("batch-size", "train.form.batchSize", 1, 4096);
    final IntegerField numSteps = intField("num-steps", "train.form.numSteps", 1, 1000);
    final NumberField lr = new NumberField();
    final Checkbox clip = new Checkbox();
    final NumberField theta = new NumberField();
    final Select<SamplerKind> sampler = new Select<>();
    final IntegerField epochs = intField("epochs", "train.form.epochs", 1, MAX_EPOCHS);
    final Select<Activation> activation = new Select<>();
    final IntegerField seed = intField("seed", "train.form.seed", 0, Integer.MAX_VALUE);
    final IntegerField maxTokens = intField("max-tokens", "train.form.maxTokens", 0, Integer.MAX_VALUE);
    final TextField prefix = new TextField();
    final IntegerField sampleEvery = intField("sample-every", "train.form.sampleEvery", 0, MAX_EPOCHS);
    final Button start = new Button();

    TrainForm() {
        addClassName("card");
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
        implementation.addValueChangeListener(e -> showArchitectureFields());
        embedding.setHelperText(getTranslation("train.form.embedding.help"));
        lr.setId("lr");
        lr.setLabel(getTranslation("train.form.lr"));
        lr.setMin(0);
        lr.setStep(0.1);
        clip.setId("clip");
        clip.setLabel(getTranslation("train.form.clip"));
        theta.setId("theta");
        theta.setLabel(getTranslation("train.form.theta"));
        theta.setMin(0);
        clip.addValueChangeListener(e -> theta.setEnabled(e.getValue()));
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
        add(new H3(getTranslation("train.form.title")), hint, form, start);

        prefix.setValue(TokenCodec.BOOK_PREFIX);
        seed.setValue(0);
        sampleEvery.setValue(10);
        preset.setValue(Preset.BOOK_SEQUENTIAL);
    }

    private IntegerField intField(String id, String labelKey, int min, int max) {
        IntegerField f = new IntegerField(getTranslation(labelKey));
        f.setId(id);
        f.setMin(min);
        f.setMax(max);
        return f;
    }

    void apply(Preset p) {
        implementation.setValue(Implementation.of(p.model()));
        numLayers.setValue(p.model().numLayers());
        embedding.setValue(p.model().embeddingSize());
        showArchitectureFields();
        numHiddens.setValue(p.numHiddens());
        batchSize.setValue(p.batchSize());
        numSteps.setValue(p.numSteps());
        lr.setValue(p.lr());
        clip.setValue(p.clip());
        theta.setValue(p.theta());
        theta.setEnabled(p.clip());
        sampler.setValue(p.sampler());
        epochs.setValue(p.epochs());
        activation.setValue(p.activation());
        maxTokens.setValue(p.maxTokens());
    }

    private void showArchitectureFields() {
        boolean library = implementation.getValue() != null && implementation.getValue() != Implementation.SCRATCH;
        numLayers.setVisible(library);
        embedding.setVisible(library);
        CellType cell = library ? implementation.getValue().cell() : CellType.RNN;
        activation.setEnabled(cell == CellType.RNN); // the GRU and the LSTM have their own, tanh and sigmoid
        activation.setHelperText(
                cell == CellType.RNN ? null : getTranslation("train.form.activation.gated", cell.name()));
    }

    /** The model part of the form; the from-scratch model is always one RNN layer with one-hot input. */
    ModelSpec modelSpec() {
        Implementation impl = implementation.getValue() == null ? Implementation.SCRATCH : implementation.getValue();
        return impl == Implementation.SCRATCH
                ? ModelSpec.scratch()
                : ModelSpec.concise(impl.cell(), numLayers.getValue(), embedding.getValue());
    }

    /**
     * Validates the form against the text and builds a run, or marks the invalid fields.
     *
     * @return the run's spec, or empty when a field is invalid (each says why)
     */
    Optional<RunSpec> spec(TextAnalysis text) {
        List<Boolean> ok = new ArrayList<>();
        ok.add(range(numHiddens, 1, MAX_HIDDENS));
        if (implementation.getValue() != Implementation.SCRATCH) {
            ok.add(range(numLayers, 1, ModelSpec.MAX_LAYERS));
            ok.add(range(embedding, 0, 1024));
        }
        ok.add(range(batchSize, 1, 4096));
        ok.add(range(numSteps, 1, 1000));
        ok.add(range(epochs, 1, MAX_EPOCHS));
        ok.add(range(seed, 0, Integer.MAX_VALUE));
        ok.add(range(maxTokens, 0, Integer.MAX_VALUE));
        ok.add(range(sampleEvery, 0, MAX_EPOCHS));
        ok.add(check(
                lr,
                lr.getValue() != null && lr.getValue() > 0 && lr.getValue() <= 1000,
                getTranslation("train.form.lr.invalid")));
        ok.add(check(
                theta,
                !clip.getValue() || (theta.getValue() != null && theta.getValue() > 0),
                getTranslation("train.form.theta.invalid")));
        ok.add(check(
                prefix,
                !prefix.getValue().isEmpty() || sampleEvery.getValue() == null || sampleEvery.getValue() == 0,
                getTranslation("train.form.prefix.invalid")));
        if (ok.contains(false)) {
            return Optional.empty();
        }
        int corpusLength = text.text().corpusLength();
        int used = maxTokens.getValue() > 0 ? Math.min(maxTokens.getValue(), corpusLength) : corpusLength;
        Optional<String> fit = SamplerConfig.problem(used, batchSize.getValue(), numSteps.getValue());
        if (fit.isPresent()) {
            batchSize.setInvalid(true);
            batchSize.setErrorMessage(getTranslation("train.form.doesNotFit", used, fit.get()));
            return Optional.empty();
        }
        TrainHyper hyper = clip.getValue()
                ? TrainHyper.clipped(lr.getValue(), theta.getValue())
                : TrainHyper.unclipped(lr.getValue());
        TrainConfig config = new TrainConfig(
                numHiddens.getValue(),
                batchSize.getValue(),
                numSteps.getValue(),
                epochs.getValue(),
                hyper,
                sampler.getValue(),
                activation.getValue(),
                TrainConfig.Precision.FLOAT32,
                seed.getValue(),
                sampleEvery.getValue(),
                prefix.getValue().isEmpty() ? "a" : prefix.getValue(),
                50,
                Decoding.greedyArgmax());
        return Optional.of(RunSpec.of(
                text.name(), text.text().codec(), text.text().corpus(), maxTokens.getValue(), config, modelSpec()));
    }

    private boolean range(IntegerField f, int min, int max) {
        Integer v = f.getValue();
        return check(f, v != null && v >= min && v <= max, getTranslation("train.form.range", min, max));
    }

    private static <C extends Component & HasValue<?, ?>> boolean check(C field, boolean valid, String message) {
        if (field instanceof com.vaadin.flow.component.HasValidation v) {
            v.setInvalid(!valid);
            v.setErrorMessage(valid ? null : message);
        }
        return valid;
    }

    /** The implementations the form offers. */
    enum Implementation {
        SCRATCH(CellType.RNN),
        LIBRARY_RNN(CellType.RNN),
        LIBRARY_GRU(CellType.GRU),
        LIBRARY_LSTM(CellType.LSTM);

        private final CellType cell;

        Implementation(CellType cell) {
            this.cell = cell;
        }

        CellType cell() {
            return cell;
        }

        static Implementation of(ModelSpec spec) {
            if (spec.impl() == ModelSpec.Impl.SCRATCH) {
                return SCRATCH;
            }
            return switch (spec.cell()) {
                case RNN -> LIBRARY_RNN;
                case GRU -> LIBRARY_GRU;
                case LSTM -> LIBRARY_LSTM;
            };
        }
    }
}
