package org.rnnplayground.sampling.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.stream.IntStream;
import org.rnnplayground.sampling.EpochLayout;
import org.rnnplayground.sampling.SamplerConfig;
import org.rnnplayground.ui.OutOfDate;
import org.rnnplayground.ui.WholeNumberField;

/**
 * The book's example: the sequence 0, 1, …, 34 cut by both methods and printed as the book prints
 * it, epoch after epoch, drawn from the page's seed.
 */
class ToyExamplePanel extends Div {

    /** The book's toy sequence, {@code list(range(35))}. */
    static final int[] TOY = IntStream.range(0, 35).toArray();

    static final int TOY_BATCH_SIZE = 2;
    static final int TOY_NUM_STEPS = 5;

    final WholeNumberField batchSize =
            LayoutControls.sizeField(this, "toy-batch-size", "minibatches.batchSize", TOY_BATCH_SIZE);
    final WholeNumberField numSteps =
            LayoutControls.sizeField(this, "toy-num-steps", "minibatches.numSteps", TOY_NUM_STEPS);
    final Button newEpoch = new Button();
    final Span epochInfo = new Span();
    final Div randomPrint = new Div();
    final Div sequentialPrint = new Div();
    final OutOfDate outOfDate;

    /** The page's seed; null while it has no valid one. */
    private Integer seed;

    /** The epochs shown, drawn from the last valid values; null before the first. */
    MethodEpochs epochs;

    ToyExamplePanel() {
        batchSize.addValueChangeListener(e -> refresh());
        numSteps.addValueChangeListener(e -> refresh());
        newEpoch.setId("toy-new-epoch");
        newEpoch.setText(getTranslation("minibatches.newEpoch"));
        newEpoch.setIcon(VaadinIcon.REFRESH.create());
        newEpoch.addClickListener(e -> {
            epochs.next();
            showEpoch();
        });
        newEpoch.setEnabled(false);
        epochInfo.setId("toy-epoch-info");
        epochInfo.addClassName("epoch-info");

        HorizontalLayout bar = new HorizontalLayout(batchSize, numSteps, newEpoch, epochInfo);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        bar.addClassName("options-bar");

        randomPrint.setId("toy-random");
        sequentialPrint.setId("toy-sequential");
        FlexLayout columns = LayoutControls.sideBySide(randomPrint, sequentialPrint);
        outOfDate = new OutOfDate("toy-out-of-date", epochInfo, columns);
        Paragraph caption = new Paragraph(getTranslation("minibatches.toy.caption"));
        caption.addClassName("muted");
        add(new H3(getTranslation("minibatches.toy.title")), caption, bar, outOfDate, columns);
        addClassName("card");
        setWidthFull();
    }

    /** Uses the page's seed, or marks the print out of date while the page has no valid one (null). */
    void setSeed(Integer seed) {
        this.seed = seed;
        refresh();
    }

    /**
     * Draws the first epoch for the values in the fields and the seed when they changed; marks the
     * print out of date while one of them is invalid.
     */
    private void refresh() {
        SamplerConfig config = LayoutControls.check(TOY.length, batchSize, numSteps);
        boolean valid = config != null && seed != null;
        newEpoch.setEnabled(valid);
        if (!valid) {
            if (epochs != null) {
                outOfDate.mark(getTranslation("minibatches.outOfDate"));
            }
            return;
        }
        outOfDate.clear();
        if (epochs == null || !epochs.drawnFor(TOY.length, config, seed)) {
            epochs = new MethodEpochs(TOY, config, seed);
            showEpoch();
        }
    }

    private void showEpoch() {
        epochInfo.setText(getTranslation(
                "minibatches.toy.epochInfo",
                String.valueOf(epochs.seed()),
                epochs.epoch(),
                epochs.random().offset(),
                epochs.sequential().offset()));
        print(randomPrint, epochs.random());
        print(sequentialPrint, epochs.sequential());
    }

    private void print(Div box, EpochLayout layout) {
        box.removeAll();
        box.addClassNames("toy-column");
        H3 heading = new H3(getTranslation("minibatches.method." + layout.kind().name()));
        Span code = new Span(getTranslation("minibatches.code." + layout.kind().name()));
        code.addClassName("code-name");
        Span info = new Span(
                getTranslation("minibatches.toy.info", layout.offset(), layout.numBatches(), layout.discardedTail()));
        info.addClassName("muted");
        box.add(new Div(heading, code), info, new Html(BookPrint.epochHtml(layout)));
    }
}
