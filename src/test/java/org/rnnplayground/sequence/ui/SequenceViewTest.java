package org.rnnplayground.sequence.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.sequence.FitConfig;
import org.rnnplayground.sequence.SineConfig;
import org.springframework.boot.test.context.SpringBootTest;

/** The Sequence page refuses, before fitting, sizes whose fit exceeds the compute budget. */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class SequenceViewTest extends SpringBrowserlessTest {

    @Test
    void theLargestSizesTheFormAcceptsAreRefusedByTheBudget() {
        SequenceView view = navigate(SequenceView.class);
        view.form.length.setValue(SineConfig.MAX_LENGTH);
        view.form.tau.setValue(FitConfig.MAX_TAU);
        view.form.nTrain.setValue(90_000);
        view.form.numHiddens.setValue(FitConfig.MAX_HIDDENS);
        view.form.withRnn.setValue(true);
        view.train();
        assertEquals("invalid", view.status.getElement().getAttribute("data-state"));
        String status = view.status.getText();
        assertTrue(status.startsWith("T = 100,000, tau = 256 and 512 hidden units need "), status);

        // the book's sizes train
        view.form.length.setValue(1000);
        view.form.tau.setValue(4);
        view.form.nTrain.setValue(600);
        view.form.numHiddens.setValue(10);
        view.train();
        assertEquals("training", view.status.getElement().getAttribute("data-state"));
    }
}
