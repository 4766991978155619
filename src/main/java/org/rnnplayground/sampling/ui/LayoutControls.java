package org.rnnplayground.sampling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import org.rnnplayground.sampling.SamplerConfig;

/**
 * What the toy example and the layout over the user's text share: the {@code batch_size} and
 * {@code num_steps} fields, their check against a corpus, and the two methods side by side.
 */
final class LayoutControls {

    private LayoutControls() {}

    /** Sets up a whole-number field from 1 whose upper limit {@link #check} explains. */
    static void sizeField(IntegerField field, String id, String labelKey, int value) {
        field.setId(id);
        field.setLabel(field.getTranslation(labelKey));
        field.setMin(1);
        field.setStepButtonsVisible(true);
        field.setManualValidation(true); // check() explains the range that fits the text
        field.setValue(value);
    }

    /**
     * Checks {@code batch_size} and {@code num_steps} against a corpus with {@link
     * SamplerConfig#problem}; marks the field at fault with its valid range.
     *
     * @return the config, or null when the values do not fit
     */
    static SamplerConfig check(int corpusLength, IntegerField batchField, IntegerField stepsField) {
        int b = batchField.getValue() == null ? 0 : batchField.getValue();
        int n = stepsField.getValue() == null ? 0 : stepsField.getValue();
        batchField.setInvalid(false);
        batchField.setErrorMessage(null);
        stepsField.setInvalid(false);
        stepsField.setErrorMessage(null);
        if (SamplerConfig.problem(corpusLength, b, n).isEmpty()) {
            return new SamplerConfig(b, n);
        }
        // the same order as SamplerConfig.problem: num_steps first, then batch_size for that num_steps
        int maxNumSteps = SamplerConfig.maxNumSteps(corpusLength, 1);
        if (n < 1 || n > maxNumSteps) {
            stepsField.setInvalid(true);
            stepsField.setErrorMessage(
                    stepsField.getTranslation("minibatches.numSteps.invalid", Math.max(0, maxNumSteps), corpusLength));
        } else {
            batchField.setInvalid(true);
            batchField.setErrorMessage(batchField.getTranslation(
                    "minibatches.batchSize.invalid",
                    Math.max(0, SamplerConfig.maxBatchSize(corpusLength, n)),
                    corpusLength,
                    n));
        }
        return null;
    }

    /** Random sampling and sequential partitioning side by side, one under the other when narrow. */
    static FlexLayout sideBySide(Component random, Component sequential) {
        FlexLayout columns = new FlexLayout(random, sequential);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.setWidthFull();
        columns.addClassName("side-by-side");
        return columns;
    }
}
