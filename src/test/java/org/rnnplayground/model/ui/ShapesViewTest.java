package org.rnnplayground.model.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.model.Activation;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Shapes page rendered server-side without a browser, on the default text (The Time Machine).
 * The forward passes run on the tracer's threads; the test waits for their results.
 */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class ShapesViewTest extends SpringBrowserlessTest {

    private static void await(ShapesView view, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out; the page says: " + view.message.getText());
            Thread.sleep(20);
            MockVaadin.clientRoundtrip(); // runs the ui.access tasks of the background threads
        }
    }

    private String textOf(ShapesView view, String id) {
        Component c = find(Component.class, view).withId(id).single();
        return ((HasText) c).getText();
    }

    @Test
    void theBooksSizesOnTheTimeMachine() throws InterruptedException {
        ShapesView view = navigate(ShapesView.class);
        await(view, () -> view.shown != null);
        assertEquals("28", view.vocabSize.getText());
        assertEquals("(32, 35)", textOf(view, "shape-X"));
        assertEquals("(35, 32, 28)", textOf(view, "shape-one-hot"));
        assertEquals("(32, 28)", textOf(view, "shape-X_t-1"));
        assertEquals("(32, 512)", textOf(view, "shape-H_t-35"));
        assertEquals("(32, 28)", textOf(view, "shape-O_t-35"));
        assertEquals("(1120, 28)", textOf(view, "shape-outputs"));
        assertEquals("(512, 512)", textOf(view, "shape-W_hh"));
        assertEquals("(28, 512)", textOf(view, "shape-W_xh"));
        assertEquals("(512,)", textOf(view, "shape-b_h"));
        assertEquals("262,144", textOf(view, "count-W_hh"));
        assertEquals(String.format("%,d", 28 * 512 + 512 * 512 + 512 + 512 * 28 + 28), view.parameters.total.getText());
        assertEquals(35, view.firstRow.tokens.getChildren().count());
    }

    @Test
    void changingSizesRunsANewPassAndInvalidSizesAreExplained() throws InterruptedException {
        ShapesView view = navigate(ShapesView.class);
        await(view, () -> view.shown != null);
        ShapeTrace book = view.shown;

        view.batchSize.setValue(4);
        view.numSteps.setValue(7);
        await(view, () -> view.shown != book && view.shown.request().numSteps() == 7);
        assertEquals("(28, 28)", textOf(view, "shape-outputs"));
        assertEquals("(4, 7)", textOf(view, "shape-X"));
        assertEquals(7, view.firstRow.tokens.getChildren().count());

        ShapeTrace small = view.shown;
        view.numHiddens.setValue(100_000);
        assertTrue(view.numHiddens.isInvalid());
        assertTrue(view.numHiddens.getErrorMessage().contains("4,096"), view.numHiddens.getErrorMessage());
        assertTrue(view.results.hasClassName("stale"));
        assertTrue(view.message.hasClassName("message-error"));

        view.numHiddens.setValue(null);
        assertTrue(view.numHiddens.isInvalid());
        view.batchSize.setValue(0);
        assertTrue(view.batchSize.isInvalid());
        assertTrue(view.batchSize.getErrorMessage().contains("from 1 to"), view.batchSize.getErrorMessage());
        assertSame(small, view.shown);

        view.numHiddens.setValue(16);
        view.batchSize.setValue(2);
        view.activation.setValue(Activation.RELU);
        await(view, () -> view.shown != small && view.shown.request().activation() == Activation.RELU);
        assertFalse(view.numHiddens.isInvalid());
        String error = view.numHiddens.getErrorMessage();
        assertTrue(error == null || error.isEmpty(), error);
        assertFalse(view.results.hasClassName("stale"));
        assertEquals("(16, 16)", textOf(view, "shape-W_hh"));
        assertNotNull(find(Component.class, view).withId("step-7").single());
        assertEquals(
                1, find(Component.class, view).withId("steps-between").all().size());

        ShapeTrace relu = view.shown;
        view.numSteps.setValue(1);
        await(view, () -> view.shown != relu);
        assertEquals("(2, 1)", textOf(view, "shape-X"));
        assertEquals("(2, 16)", textOf(view, "shape-H_t-1"));
        assertEquals("(2, " + view.shown.vocabSize() + ")", textOf(view, "shape-outputs"));
        assertTrue(find(Component.class, view).withId("steps-between").all().isEmpty());
        assertTrue(find(Component.class, view).withId("step-2").all().isEmpty());
    }
}
