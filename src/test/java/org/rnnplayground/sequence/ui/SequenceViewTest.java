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
        view.form.length.setNumber(SineConfig.MAX_LENGTH);
        view.form.tau.setNumber(FitConfig.MAX_TAU);
        view.form.nTrain.setNumber(90_000);
        view.form.numHiddens.setNumber(FitConfig.MAX_HIDDENS);
        view.form.withRnn.setValue(true);
        view.train();
        assertEquals("invalid", view.status.getElement().getAttribute("data-state"));
        String status = view.status.getText();
        assertTrue(status.startsWith("T = 100,000, tau = 256 and 512 hidden units need "), status);

        // the book's sizes train
        view.form.length.setNumber(1000);
        view.form.tau.setNumber(4);
        view.form.nTrain.setNumber(600);
        view.form.numHiddens.setNumber(10);
        view.train();
        assertEquals("training", view.status.getElement().getAttribute("data-state"));
    }
}
