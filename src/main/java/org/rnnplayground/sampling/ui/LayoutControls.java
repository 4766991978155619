package org.rnnplayground.sampling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import org.rnnplayground.sampling.SamplerConfig;
import org.rnnplayground.ui.WholeNumberField;

/**
 * What the toy example and the layout over the user's text share: the {@code batch_size} and
 * {@code num_steps} fields, their check against a corpus, and the two methods side by side.
 */
final class LayoutControls {

    private LayoutControls() {}

    /** A whole-number field showing {@code value}, whose range {@link #check} explains. */
    static WholeNumberField sizeField(Component owner, String id, String labelKey, int value) {
        WholeNumberField field = new WholeNumberField(id, owner.getTranslation(labelKey));
        field.setNumber(value);
        return field;
    }

    /**
     * Checks {@code batch_size} and {@code num_steps} against a corpus with {@link
     * SamplerConfig#problem}; marks the field at fault with its valid range, and a text that is no
     * whole number in either field.
     *
     * @return the config, or null when the values do not fit
     */
    static SamplerConfig check(int corpusLength, WholeNumberField batchField, WholeNumberField stepsField) {
        // the same order as SamplerConfig.problem: num_steps first, then batch_size for that num_steps
        int maxNumSteps = SamplerConfig.maxNumSteps(corpusLength, 1);
        boolean stepsFit = stepsField.check(
                n -> n >= 1 && n <= maxNumSteps,
                stepsField.getTranslation("minibatches.numSteps.invalid", Math.max(0, maxNumSteps), corpusLength));
        if (!stepsFit) {
            // batch_size's range depends on num_steps: only what no num_steps allows is marked now
            int widest = Math.max(0, SamplerConfig.maxBatchSize(corpusLength, 1));
            batchField.check(
                    b -> b >= 1 && b <= widest,
                    batchField.getTranslation("minibatches.batchSize.invalidAny", widest, corpusLength));
            return null;
        }
        int n = stepsField.number().orElseThrow();
        boolean batchFits = batchField.check(
                b -> SamplerConfig.problem(corpusLength, b, n).isEmpty(),
                batchField.getTranslation(
                        "minibatches.batchSize.invalid",
                        Math.max(0, SamplerConfig.maxBatchSize(corpusLength, n)),
                        corpusLength,
                        n));
        return batchFits ? new SamplerConfig(batchField.number().orElseThrow(), n) : null;
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
