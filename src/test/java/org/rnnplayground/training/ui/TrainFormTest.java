package org.rnnplayground.training.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.browserless.BrowserlessTest;
import org.junit.jupiter.api.Test;
import org.rnnplayground.model.budget.ComputeBudget;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.Implementation;
import org.rnnplayground.model.concise.ModelSpec;

/** Presets fill the form, and the form builds the model the preset names. */
class TrainFormTest extends BrowserlessTest {

    private static Preset preset(String key) {
        return Preset.ALL.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theBookPresetIsTheFromScratchModelWithoutLibraryFields() {
        TrainForm form = new TrainForm(ComputeBudget.defaults());
        assertEquals(ModelSpec.scratch(), form.modelSpec());
        assertFalse(form.numLayers.isVisible());
        assertEquals(512, form.numHiddens.number().orElseThrow());
    }

    @Test
    void libraryPresetsShowAndFillTheArchitectureFields() {
        TrainForm form = new TrainForm(ComputeBudget.defaults());
        form.preset.setValue(preset("threeLayers"));
        assertTrue(form.numLayers.isVisible());
        assertTrue(form.numLayers.getParent().isPresent(), "the field is part of the form");
        assertTrue(form.implementation.getParent().isPresent());
        assertEquals(ModelSpec.concise(CellType.RNN, 3, 0), form.modelSpec());
        form.preset.setValue(preset("embedding"));
        assertEquals(ModelSpec.concise(CellType.RNN, 1, 32), form.modelSpec());
        form.preset.setValue(preset("conciseLr10"));
        assertEquals(10.0, form.lr.number().orElseThrow());
        assertFalse(form.clip.getValue());
        assertTrue(form.activation.isEnabled());
    }

    @Test
    void theGruPresetBuildsOurGruLayerAndItsGatesNeedNoActivation() {
        TrainForm form = new TrainForm(ComputeBudget.defaults());
        form.preset.setValue(preset("conciseGru"));
        assertEquals(ModelSpec.concise(CellType.GRU, 1, 0), form.modelSpec());
        assertEquals(256, form.numHiddens.number().orElseThrow());
        assertFalse(form.activation.isEnabled());
        assertNotNull(form.activation.getHelperText(), "says why"); // its text: TranslationBundlesTest
        form.implementation.setValue(Implementation.LIBRARY_RNN);
        assertTrue(form.activation.isEnabled());
        assertNull(form.activation.getHelperText());
    }

    @Test
    void numbersAreReadAsTypedAndAnythingElseIsRefusedNotReplaced() {
        TrainForm form = new TrainForm(ComputeBudget.defaults());
        form.lr.setValue("1e-3");
        form.theta.setValue("2E-1");
        assertEquals(0.001, form.lr.number().orElseThrow());
        assertEquals(0.2, form.theta.number().orElseThrow());
        assertTrue(form.fieldsValid());

        form.epochs.setValue("1e7");
        assertTrue(form.epochs.isInvalid(), "marked as soon as it is left");
        form.numHiddens.setValue("12.5");
        form.batchSize.setValue("abc");
        assertFalse(form.fieldsValid());
        for (var field : java.util.List.of(form.epochs, form.numHiddens, form.batchSize)) {
            assertTrue(field.isInvalid(), field.getId().orElseThrow());
            assertTrue(
                    field.getErrorMessage() != null && !field.getErrorMessage().isEmpty());
        }
        assertEquals("1e7", form.epochs.getValue(), "the text stays as typed");
        assertEquals("12.5", form.numHiddens.getValue());

        form.epochs.setValue("60");
        form.numHiddens.setValue("32");
        form.batchSize.setValue("8");
        assertTrue(form.fieldsValid());
        assertFalse(form.epochs.isInvalid());
    }

    @Test
    void thetaCountsOnlyWithClipping() {
        TrainForm form = new TrainForm(ComputeBudget.defaults());
        form.clip.setValue(true);
        form.theta.setValue("0");
        assertFalse(form.fieldsValid());
        assertTrue(form.theta.isInvalid());
        form.clip.setValue(false);
        assertFalse(form.theta.isInvalid(), "ignored without clipping");
        assertTrue(form.fieldsValid());
    }
}
