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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.corpus.TestCorpora;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.concise.Implementation;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Shapes page rendered server-side without a browser, on the default text (The Time Machine).
 * The forward passes run on the tracer's threads; the test waits for their results.
 */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class ShapesViewTest extends SpringBrowserlessTest {

    /** The page opens on the default text, The Time Machine: downloaded into the cache if needed. */
    @BeforeAll
    static void theDefaultTextIsAvailable() {
        TestCorpora.require(TestCorpora.TIME_MACHINE);
    }

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

        view.batchSize.setNumber(4);
        view.numSteps.setNumber(7);
        await(view, () -> view.shown != book && view.shown.request().numSteps() == 7);
        assertEquals("(28, 28)", textOf(view, "shape-outputs"));
        assertEquals("(4, 7)", textOf(view, "shape-X"));
        assertEquals(7, view.firstRow.tokens.getChildren().count());

        ShapeTrace small = view.shown;
        view.numHiddens.setNumber(100_000);
        assertTrue(view.numHiddens.isInvalid());
        assertTrue(view.numHiddens.getErrorMessage().contains("4,096"), view.numHiddens.getErrorMessage());
        assertTrue(view.results.hasClassName("stale"));
        assertTrue(view.message.hasClassName("message-error"));

        view.numHiddens.setNumber(null);
        assertTrue(view.numHiddens.isInvalid());
        view.batchSize.setNumber(0);
        assertTrue(view.batchSize.isInvalid());
        assertTrue(view.batchSize.getErrorMessage().contains("from 1 to"), view.batchSize.getErrorMessage());
        assertSame(small, view.shown);

        view.numHiddens.setNumber(16);
        view.batchSize.setNumber(2);
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
        view.numSteps.setNumber(1);
        await(view, () -> view.shown != relu);
        assertEquals("(2, 1)", textOf(view, "shape-X"));
        assertEquals("(2, 16)", textOf(view, "shape-H_t-1"));
        assertEquals("(2, " + view.shown.vocabSize() + ")", textOf(view, "shape-outputs"));
        assertTrue(find(Component.class, view).withId("steps-between").all().isEmpty());
        assertTrue(find(Component.class, view).withId("step-2").all().isEmpty());
    }

    @Test
    void libraryLayersShowTheirStatePerLayerAndTheirParameters() throws InterruptedException {
        ShapesView view = navigate(ShapesView.class);
        await(view, () -> view.shown != null);
        assertFalse(view.numLayers.isVisible());
        assertFalse(view.embedding.isVisible());

        // one DL4J SimpleRnn layer with one-hot inputs: the book's 8.6 model, the book's parameter count
        view.implementation.setValue(Implementation.LIBRARY_RNN);
        await(view, () -> view.shown.library());
        assertTrue(view.numLayers.isVisible());
        assertEquals("(1, 32, 512)", textOf(view, "shape-H_0"));
        assertEquals("(1, 32, 512)", textOf(view, "shape-H_T"));
        assertTrue(find(Component.class, view).withId("shape-C_0").all().isEmpty());
        assertEquals("(32, 28, 35)", textOf(view, "shape-one-hot"));
        assertEquals("(32, 512, 35)", textOf(view, "shape-layer-1-outputs"));
        assertEquals("(32, 28)", textOf(view, "shape-X_t-35"));
        assertEquals("(32, 512)", textOf(view, "shape-H_t-1"));
        assertEquals("(1120, 28)", textOf(view, "shape-outputs"));
        assertEquals("(512, 512)", textOf(view, "shape-0_RW"));
        assertEquals("262,144", textOf(view, "count-0_RW"));
        assertEquals(String.format("%,d", 28 * 512 + 512 * 512 + 512 + 512 * 28 + 28), view.parameters.total.getText());
        assertTrue(view.implementationBadge.getText().contains("SimpleRnn"), view.implementationBadge.getText());

        // two LSTM layers: H and C per layer, four gates in every weight matrix
        ShapeTrace rnn = view.shown;
        view.numHiddens.setNumber(256);
        view.numLayers.setNumber(2);
        view.implementation.setValue(Implementation.LIBRARY_LSTM);
        await(
                view,
                () -> view.shown != rnn
                        && view.shown.request().implementation() == Implementation.LIBRARY_LSTM
                        && view.shown.request().numLayers() == 2
                        && view.shown.request().numHiddens() == 256);
        for (String state : new String[] {"shape-H_0", "shape-C_0", "shape-H_T", "shape-C_T"}) {
            assertEquals("(2, 32, 256)", textOf(view, state), state);
        }
        assertEquals("(32, 256, 35)", textOf(view, "shape-layer-2-outputs"));
        assertEquals("(28, 1024)", textOf(view, "shape-0_W"));
        assertEquals("(256, 1024)", textOf(view, "shape-1_W"));
        assertEquals("(32, 1024)", textOf(view, "shape-G_t-1"));
        long lstm = 4L * (28 * 256 + 256 * 256 + 256) + 4L * (256 * 256 + 256 * 256 + 256) + 256 * 28 + 28;
        assertEquals(String.format("%,d", lstm), view.parameters.total.getText());
        assertFalse(view.activation.isEnabled());
        assertTrue(view.implementationBadge.getText().contains("LSTM"), view.implementationBadge.getText());

        // an embedding of size 16 replaces the one-hot inputs
        ShapeTrace twoLayers = view.shown;
        view.embedding.setNumber(16);
        await(view, () -> view.shown != twoLayers && view.shown.request().embeddingSize() == 16);
        assertEquals("(32, 16, 35)", textOf(view, "shape-embedding"));
        assertEquals("(32, 16)", textOf(view, "shape-X_t-1"));
        assertEquals("(28, 16)", textOf(view, "shape-0_W"));
        assertTrue(find(Component.class, view).withId("shape-one-hot").all().isEmpty());

        // out of range: explained next to the field, nothing runs
        ShapeTrace embedded = view.shown;
        view.numLayers.setNumber(5);
        assertTrue(view.numLayers.isInvalid());
        assertTrue(view.numLayers.getErrorMessage().contains("from 1 to 4"), view.numLayers.getErrorMessage());
        view.numLayers.setNumber(2);
        view.embedding.setNumber(-1);
        assertTrue(view.embedding.isInvalid());
        assertTrue(view.embedding.getErrorMessage().contains("1,024"), view.embedding.getErrorMessage());
        assertTrue(view.results.hasClassName("stale"));
        assertSame(embedded, view.shown);

        // the GRU: three gate blocks, one state tensor per layer, gated nonlinearities
        view.embedding.setNumber(0);
        view.implementation.setValue(Implementation.LIBRARY_GRU);
        await(
                view,
                () -> view.shown != embedded && view.shown.request().implementation() == Implementation.LIBRARY_GRU);
        assertEquals("(28, 768)", textOf(view, "shape-0_W"));
        assertEquals("(256, 768)", textOf(view, "shape-0_RW"));
        assertEquals("(2, 32, 256)", textOf(view, "shape-H_0"));
        assertEquals("(32, 768)", textOf(view, "shape-A_t-1"));
        assertTrue(find(Component.class, view).withId("shape-C_0").all().isEmpty());
        assertFalse(view.activation.isEnabled());

        // back to the from-scratch model: its diagram as before
        view.implementation.setValue(Implementation.SCRATCH);
        await(view, () -> !view.shown.library());
        assertFalse(view.implementation.isInvalid());
        assertEquals("(35, 32, 28)", textOf(view, "shape-one-hot"));
        assertEquals("(32, 256)", textOf(view, "shape-H_0"));
        assertEquals("(256, 256)", textOf(view, "shape-W_hh"));
        assertFalse(view.numLayers.isVisible());
    }

    @Test
    void theGatedCellsShowSigmaForGatesAndTanhForCandidatesAndOutputs() throws InterruptedException {
        ShapesView view = navigate(ShapesView.class);
        await(view, () -> view.shown != null);
        view.numHiddens.setNumber(64);
        view.implementation.setValue(Implementation.LIBRARY_LSTM);
        await(view, () -> view.shown.request().implementation() == Implementation.LIBRARY_LSTM);
        String lstm = view.equations.getElement().getTextRecursively();
        assertTrue(lstm.contains("[It Ft Ot] = σ([Gi Gf Go])"), lstm);
        assertTrue(lstm.contains("C̃t = tanh(Gc)"), lstm);
        assertTrue(lstm.contains("Ht = Ot ⊙ tanh(Ct)"), lstm);

        view.implementation.setValue(Implementation.LIBRARY_GRU);
        await(view, () -> view.shown.request().implementation() == Implementation.LIBRARY_GRU);
        String gru = view.equations.getElement().getTextRecursively();
        assertTrue(gru.contains("[Rt Zt] = σ("), gru);
        assertTrue(gru.contains("t = tanh(Xt Wx,n"), gru); // the candidate Ñ_t
    }

    @Test
    void aModelTooLargeForTheBudgetIsSaidOnceAndMarksNoField() throws InterruptedException {
        ShapesView view = navigate(ShapesView.class);
        await(view, () -> view.shown != null);
        view.implementation.setValue(Implementation.LIBRARY_LSTM);
        view.numLayers.setNumber(3);
        view.numHiddens.setNumber(2048);
        for (var field :
                java.util.List.of(view.batchSize, view.numSteps, view.numHiddens, view.numLayers, view.embedding)) {
            assertFalse(field.isInvalid(), field.getId().orElseThrow() + ": " + field.getErrorMessage());
        }
        String message = view.message.getText();
        assertTrue(message.contains("2,048"), message);
        assertTrue(message.endsWith("use fewer hidden units or layers"), message);
        assertTrue(view.message.hasClassName("message-error"));
        assertTrue(view.results.hasClassName("stale"));
    }
}
