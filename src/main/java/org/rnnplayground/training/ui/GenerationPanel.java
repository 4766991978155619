package org.rnnplayground.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.Decoding;
import org.rnnplayground.model.Generation;
import org.rnnplayground.model.Generator;
import org.rnnplayground.model.budget.BudgetProblem;
import org.rnnplayground.model.budget.ComputeBudget;
import org.rnnplayground.text.TokenCodec;
import org.rnnplayground.training.RunSnapshot;
import org.rnnplayground.training.RunStatus;
import org.rnnplayground.training.TrainedModels;
import org.rnnplayground.training.UserId;
import org.rnnplayground.ui.DecimalField;
import org.rnnplayground.ui.WholeNumberField;
import org.rnnplayground.work.ServerBusyException;

/** Generate text with a finished run's model: prefix, length, greedy or sampling with a temperature (d2l 8.5.3). */
class GenerationPanel extends Div {

    final TextField prefix = new TextField();
    final WholeNumberField length = new WholeNumberField("gen-length", getTranslation("train.gen.length"));
    final DecimalField temperature = new DecimalField("gen-temperature", getTranslation("train.gen.temperature"));
    final WholeNumberField seed = new WholeNumberField("gen-seed", getTranslation("train.gen.seed"));
    final Button generate = new Button();
    final Pre output = new Pre();
    final Paragraph note = new Paragraph();

    private final TrainedModels models;
    private final ComputeBudget budget;
    private final Executor executor;
    private RunSnapshot run;
    private UserId user;
    /** How long a running run may take to hand over a copy of its parameters (one minibatch, normally). */
    static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(30);

    private String autoPrefix = TokenCodec.BOOK_PREFIX; // the prefix the panel chose, not the learner

    /** @param executor runs the generations: a bounded pool that refuses work when full (server busy) */
    GenerationPanel(TrainedModels models, ComputeBudget budget, Executor executor) {
        this.models = models;
        this.budget = budget;
        this.executor = executor;
        addClassName("card");
        setWidthFull();
        prefix.setId("gen-prefix");
        prefix.setLabel(getTranslation("train.gen.prefix"));
        prefix.setValue(autoPrefix);
        length.setNumber(100);
        length.setRange(
                1, budget.generationLength(), () -> getTranslation("train.form.range", 1, budget.generationLength()));
        temperature.setHelperText(getTranslation("train.gen.temperature.help"));
        temperature.setNumber(0.0);
        temperature.setCheck(t -> t >= 0 && t <= 10, () -> getTranslation("train.gen.temperature.invalid"));
        seed.setNumber(0);
        seed.setRange(0, Integer.MAX_VALUE, () -> getTranslation("train.form.range", 0, Integer.MAX_VALUE));
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
        boolean otherRun = snapshot == null || run == null || !run.id().equals(snapshot.id());
        this.run = snapshot;
        this.user = owner;
        if (otherRun) {
            output.setText(""); // the text shown belonged to another run
            if (snapshot != null && prefix.getValue().equals(autoPrefix)) {
                autoPrefix = snapshot.spec().config().prefix(); // the run's own, which its text knows
                prefix.setValue(autoPrefix);
            }
        }
        boolean ready = snapshot != null
                && (snapshot.status() == RunStatus.RUNNING
                        || (snapshot.status().isFinal()
                                && snapshot.status() != RunStatus.DIVERGED
                                && !snapshot.modelReleased()));
        generate.setEnabled(ready);
        if (snapshot != null && snapshot.status() == RunStatus.DIVERGED) {
            output.setText("");
            note.setText(getTranslation("train.gen.diverged", snapshot.label()));
        } else if (snapshot != null && snapshot.modelReleased()) {
            note.setText(getTranslation("train.gen.released", snapshot.label()));
        } else {
            note.setText(readyText(snapshot));
        }
    }

    /** Which parameters the next generation uses: a finished run's, or a training run's as they are now. */
    private String readyText(RunSnapshot snapshot) {
        if (snapshot == null
                || !(snapshot.status() == RunStatus.RUNNING || snapshot.status().isFinal())) {
            return getTranslation("train.gen.notReady");
        }
        return snapshot.status() == RunStatus.RUNNING
                ? getTranslation("train.gen.readyRunning", snapshot.label(), snapshot.epochsDoneFraction())
                : getTranslation("train.gen.ready", snapshot.label());
    }

    private void generate() {
        boolean ok = true;
        if (prefix.getValue().isEmpty()) {
            prefix.setInvalid(true);
            prefix.setErrorMessage(getTranslation("train.gen.prefix.invalid"));
            ok = false;
        }
        ok &= length.check();
        ok &= temperature.check();
        ok &= seed.check();
        if (ok && run != null && run.text().codec().encode(prefix.getValue()).indices().length == 0) {
            prefix.setInvalid(true);
            prefix.setErrorMessage(getTranslation("train.gen.prefix.noTokens"));
            ok = false;
        }
        if (!ok || run == null) {
            return;
        }
        prefix.setInvalid(false);
        String p = prefix.getValue();
        int n = length.number().orElseThrow();
        double t = temperature.number().orElseThrow();
        Optional<BudgetProblem> over = budget.checkGeneration(run.footprint(), p.codePointCount(0, p.length()), n);
        if (over.isPresent()) {
            length.setInvalid(true);
            length.setErrorMessage(over.get().message(this::getTranslation));
            return;
        }
        Optional<CompletableFuture<CharModel>> model = models.modelNow(run.id(), user);
        if (model.isEmpty()) {
            note.setText(getTranslation("train.gen.gone", run.label()));
            return;
        }
        RunSnapshot from = run;
        Decoding decoding = t == 0
                ? Decoding.greedyArgmax()
                : Decoding.sampling(t, seed.number().orElseThrow());
        TokenCodec codec = run.text().codec();
        UI ui = UI.getCurrent();
        generate.setEnabled(false);
        // a running run's copy arrives after its current minibatch; the generation runs on the executor
        model.get()
                .orTimeout(SNAPSHOT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .thenApplyAsync(
                        m -> {
                            synchronized (m) {
                                return Generator.generate(m, codec, p, n, decoding);
                            }
                        },
                        executor)
                .whenComplete((Generation g, Throwable error) -> ui.access(() -> {
                    generate.setEnabled(true);
                    if (ServerBusyException.isBusy(error)) {
                        output.setText(getTranslation("shell.busy"));
                    } else if (error != null) {
                        output.setText(getTranslation("train.gen.failed", String.valueOf(error.getMessage())));
                    } else {
                        output.setText(g.text());
                        note.setText(
                                g.unknown().isEmpty()
                                        ? readyText(from)
                                        : getTranslation("train.gen.unknown", TokenCodec.listForPeople(g.unknown())));
                    }
                }));
    }
}
