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
        assertEquals(512, form.numHiddens.getValue());
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
        assertEquals(10.0, form.lr.getValue());
        assertFalse(form.clip.getValue());
        assertTrue(form.activation.isEnabled());
    }

    @Test
    void theGruPresetBuildsOurGruLayerAndItsGatesNeedNoActivation() {
        TrainForm form = new TrainForm(ComputeBudget.defaults());
        form.preset.setValue(preset("conciseGru"));
        assertEquals(ModelSpec.concise(CellType.GRU, 1, 0), form.modelSpec());
        assertEquals(256, form.numHiddens.getValue());
        assertFalse(form.activation.isEnabled());
        assertNotNull(form.activation.getHelperText(), "says why"); // its text: TranslationBundlesTest
        form.implementation.setValue(Implementation.LIBRARY_RNN);
        assertTrue(form.activation.isEnabled());
        assertNull(form.activation.getHelperText());
    }
}
