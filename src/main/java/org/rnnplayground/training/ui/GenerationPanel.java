package org.rnnplayground.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.Decoding;
import org.rnnplayground.model.Generation;
import org.rnnplayground.model.Generator;
import org.rnnplayground.training.RunSnapshot;
import org.rnnplayground.training.TrainedModels;
import org.rnnplayground.training.UserId;
import org.rnnplayground.work.BoundedPool;
import org.rnnplayground.work.ServerBusyException;

/** Generate text with a finished run's model: prefix, length, greedy or sampling with a temperature (d2l 8.5.3). */
class GenerationPanel extends Div {

    final TextField prefix = new TextField();
    final IntegerField length = new IntegerField();
    final NumberField temperature = new NumberField();
    final IntegerField seed = new IntegerField();
    final Button generate = new Button();
    final Pre output = new Pre();
    final Paragraph note = new Paragraph();

    private final TrainedModels models;
    private final BoundedPool executor;
    private RunSnapshot run;
    private UserId user;

    GenerationPanel(TrainedModels models, BoundedPool executor) {
        this.models = models;
        this.executor = executor;
        addClassName("card");
        setWidthFull();
        prefix.setId("gen-prefix");
        prefix.setLabel(getTranslation("train.gen.prefix"));
        prefix.setValue("time traveller");
        length.setId("gen-length");
        length.setLabel(getTranslation("train.gen.length"));
        length.setValue(100);
        length.setMin(1);
        length.setMax(2000);
        temperature.setId("gen-temperature");
        temperature.setLabel(getTranslation("train.gen.temperature"));
        temperature.setHelperText(getTranslation("train.gen.temperature.help"));
        temperature.setValue(0.0);
        temperature.setMin(0);
        temperature.setMax(10);
        temperature.setStep(0.1);
        seed.setId("gen-seed");
        seed.setLabel(getTranslation("train.gen.seed"));
        seed.setValue(0);
        generate.setId("gen-run");
        generate.setText(getTranslation("train.gen.generate"));
        generate.addClickListener(e -> generate());
        output.setId("gen-output");
        output.addClassName("text-preview");
        note.setId("gen-note");
        note.addClassName("muted");
        HorizontalLayout fields = new HorizontalLayout(prefix, length, temperature, seed, generate);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.getStyle().set("flex-wrap", "wrap");
        add(new H3(getTranslation("train.gen.title")), note, fields, output);
        show(null, null);
    }

    void show(RunSnapshot snapshot, UserId owner) {
        this.run = snapshot;
        this.user = owner;
        boolean ready = snapshot != null
                && snapshot.status().isFinal()
                && models.model(snapshot.id(), owner).isPresent();
        generate.setEnabled(ready);
        note.setText(ready ? getTranslation("train.gen.ready", snapshot.id()) : getTranslation("train.gen.notReady"));
    }

    private void generate() {
        boolean ok = true;
        if (prefix.getValue().isEmpty()) {
            prefix.setInvalid(true);
            prefix.setErrorMessage(getTranslation("train.gen.prefix.invalid"));
            ok = false;
        }
        Integer n = length.getValue();
        if (n == null || n < 1 || n > 2000) {
            length.setInvalid(true);
            length.setErrorMessage(getTranslation("train.form.range", 1, 2000));
            ok = false;
        }
        Double t = temperature.getValue();
        if (t == null || t < 0 || t > 10) {
            temperature.setInvalid(true);
            temperature.setErrorMessage(getTranslation("train.gen.temperature.invalid"));
            ok = false;
        }
        if (!ok || run == null) {
            return;
        }
        CharModel model = models.model(run.id(), user).orElse(null);
        if (model == null) {
            return;
        }
        Decoding decoding =
                t == 0 ? Decoding.greedyArgmax() : Decoding.sampling(t, seed.getValue() == null ? 0 : seed.getValue());
        String p = prefix.getValue();
        var vocab = run.spec().vocab();
        UI ui = UI.getCurrent();
        generate.setEnabled(false);
        executor.supply(() -> {
                    synchronized (model) {
                        return Generator.generate(model, p, n, decoding, vocab::indexOf, vocab::tokenAt);
                    }
                })
                .whenComplete((Generation g, Throwable error) -> ui.access(() -> {
                    generate.setEnabled(true);
                    if (ServerBusyException.isBusy(error)) {
                        output.setText(getTranslation("shell.busy"));
                    } else if (error != null) {
                        output.setText(getTranslation("train.gen.failed", String.valueOf(error.getMessage())));
                    } else {
                        output.setText(g.text());
                        note.setText(
                                g.notes().isEmpty()
                                        ? getTranslation("train.gen.ready", run.id())
                                        : String.join("; ", g.notes()));
                    }
                }));
    }
}
