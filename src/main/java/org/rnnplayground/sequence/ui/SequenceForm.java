package org.rnnplayground.sequence.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.rnnplayground.sequence.FitConfig;
import org.rnnplayground.sequence.SineConfig;
import org.rnnplayground.ui.DecimalField;
import org.rnnplayground.ui.WholeNumberField;

/**
 * The page's controls: where the series comes from (the book's sine, or an uploaded CSV) and how
 * the model is fitted. Numbers are read as typed ({@code 1e-3}); each field explains an invalid value
 * next to itself, with the valid range.
 */
class SequenceForm extends Div {

    /** Most numbers read from an uploaded CSV (the most the sine may have too). */
    static final int MAX_ROWS = SineConfig.MAX_LENGTH;

    final WholeNumberField length = intField("seq-T", "sequence.form.T");
    final DecimalField sigma = new DecimalField("seq-sigma", getTranslation("sequence.form.sigma"));
    final WholeNumberField seed = intField("seq-seed", "sequence.form.seed");
    final WholeNumberField tau = intField("seq-tau", "sequence.form.tau");
    final WholeNumberField nTrain = intField("seq-ntrain", "sequence.form.nTrain");
    final WholeNumberField numHiddens = intField("seq-hidden", "sequence.form.numHiddens");
    final WholeNumberField epochs = intField("seq-epochs", "sequence.form.epochs");
    final DecimalField lr = new DecimalField("seq-lr", getTranslation("sequence.form.lr"));
    final WholeNumberField batchSize = intField("seq-batch", "sequence.form.batchSize");
    final Checkbox withRnn = new Checkbox();
    final Button train = new Button();
    final Upload upload;
    final Button useSine = new Button();
    final Paragraph source = new Paragraph();

    /** @param onUpload called on the UI thread with (file name, bytes) of an uploaded file */
    SequenceForm(BiConsumer<String, byte[]> onUpload) {
        addClassName("card");
        addClassName("seq-form");
        withRnn.setId("seq-rnn");
        withRnn.setLabel(getTranslation("sequence.form.withRnn"));
        train.setId("seq-train");
        train.setText(getTranslation("sequence.form.train"));
        train.setIcon(VaadinIcon.PLAY.create());
        train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> onUpload.accept(meta.fileName(), bytes));
            } else {
                onUpload.accept(meta.fileName(), bytes);
            }
        }));
        upload.setId("seq-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        upload.setMaxFileSize(8 * 1024 * 1024);
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("sequence.upload.button"))));
        upload.setDropLabel(new Span(getTranslation("sequence.upload.drop")));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        useSine.setId("seq-use-sine");
        useSine.setText(getTranslation("sequence.form.useSine"));
        useSine.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        useSine.setVisible(false);
        source.setId("seq-source");
        source.addClassName("muted");

        FormLayout data = new FormLayout(length, sigma, seed);
        FormLayout model = new FormLayout(tau, nTrain, numHiddens, epochs, lr, batchSize);
        for (FormLayout f : List.of(data, model)) {
            f.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("18em", 2));
        }
        Paragraph uploadHelp = new Paragraph(getTranslation("sequence.upload.help", MAX_ROWS));
        uploadHelp.addClassName("muted");
        add(
                new H3(getTranslation("sequence.form.title")),
                new H4(getTranslation("sequence.form.data")),
                data,
                source,
                upload,
                uploadHelp,
                useSine,
                new H4(getTranslation("sequence.form.model")),
                model,
                withRnn,
                train);

        SineConfig sine = SineConfig.book();
        FitConfig fit = FitConfig.book();
        length.setNumber(sine.length());
        sigma.setNumber(sine.sigma());
        seed.setNumber((int) sine.seed());
        tau.setNumber(fit.tau());
        nTrain.setNumber(fit.nTrain());
        numHiddens.setNumber(fit.numHiddens());
        epochs.setNumber(fit.epochs());
        lr.setNumber(fit.lr());
        batchSize.setNumber(fit.batchSize());
    }

    private WholeNumberField intField(String id, String labelKey) {
        return new WholeNumberField(id, getTranslation(labelKey));
    }

    /** All fields whose change retrains. */
    List<AbstractField<?, ?>> retrainingFields() {
        return List.of(length, sigma, seed, tau, nTrain, numHiddens, epochs, lr, batchSize, withRnn);
    }

    /** Describes the series in use; an uploaded one disables the sine's length and noise. */
    void showSource(String description, boolean uploaded) {
        source.setText(description);
        length.setEnabled(!uploaded);
        sigma.setEnabled(!uploaded);
        useSine.setVisible(uploaded);
    }

    /** The sine's settings, or empty when a field is invalid (each says why). */
    Optional<SineConfig> sineConfig() {
        boolean ok = range(length, SineConfig.MIN_LENGTH, SineConfig.MAX_LENGTH);
        ok &= sigma.check(
                s -> s >= 0 && s <= SineConfig.MAX_SIGMA,
                getTranslation("sequence.form.sigma.invalid", SineConfig.MAX_SIGMA));
        ok &= range(seed, 0, Integer.MAX_VALUE);
        return ok
                ? Optional.of(new SineConfig(
                        length.number().orElseThrow(),
                        sigma.number().orElseThrow(),
                        seed.number().orElseThrow()))
                : Optional.empty();
    }

    /**
     * The fitting settings for a series of {@code seriesLength} values, or empty when a field is
     * invalid (each says why, with the range this series allows).
     */
    Optional<FitConfig> fitConfig(int seriesLength) {
        List<Boolean> ok = new ArrayList<>();
        int maxTau = Math.min(FitConfig.MAX_TAU, seriesLength - FitConfig.MAX_STEPS);
        if (maxTau < 1) {
            tau.check(v -> false, getTranslation("sequence.form.tooShort", seriesLength, FitConfig.MAX_STEPS + 1));
            return Optional.empty();
        }
        boolean tauOk = range(tau, 1, maxTau);
        ok.add(tauOk);
        ok.add(
                tauOk
                        ? range(
                                nTrain,
                                1,
                                FitConfig.maxTrain(seriesLength, tau.number().orElseThrow()))
                        : nTrain.number().filter(n -> n >= 1).isPresent());
        ok.add(range(numHiddens, 1, FitConfig.MAX_HIDDENS));
        ok.add(range(epochs, 1, FitConfig.MAX_EPOCHS));
        ok.add(range(batchSize, 1, FitConfig.MAX_BATCH));
        ok.add(range(seed, 0, Integer.MAX_VALUE));
        ok.add(lr.check(
                rate -> rate > 0 && rate <= FitConfig.MAX_LR,
                getTranslation("sequence.form.lr.invalid", FitConfig.MAX_LR)));
        if (ok.contains(false)) {
            return Optional.empty();
        }
        return Optional.of(new FitConfig(
                tau.number().orElseThrow(),
                nTrain.number().orElseThrow(),
                numHiddens.number().orElseThrow(),
                epochs.number().orElseThrow(),
                lr.number().orElseThrow(),
                batchSize.number().orElseThrow(),
                seed.number().orElseThrow()));
    }

    private boolean range(WholeNumberField f, int min, int max) {
        return f.check(v -> v >= min && v <= max, getTranslation("sequence.form.range", min, max));
    }
}
