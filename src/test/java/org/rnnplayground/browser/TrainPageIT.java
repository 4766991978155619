package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Training runs as users see them: live progress, reloads, isolation, divergence, stopping. */
class TrainPageIT extends BrowserTest {

    private void choosePreset(String name) {
        page.locator("#preset").click();
        page.locator("vaadin-select-item")
                .getByText(name, new Locator.GetByTextOptions().setExact(true))
                .click();
        awaitServer(); // the preset's values are on the page before the test types over them
    }

    private void openTrainPage() {
        open("train");
        assertThat(page.locator("#train-text")).containsText("The Time Machine");
    }

    /** A small run: 32 hidden units on the first 2000 characters. */
    private void startSmallRun(int epochs, int sampleEvery) {
        choosePreset("Quick try: 128 hidden units, 60 epochs");
        fillIn("num-hiddens", "32");
        fillIn("max-tokens", "2000");
        fillIn("batch-size", "8");
        fillIn("epochs", String.valueOf(epochs));
        fillIn("sample-every", String.valueOf(sampleEvery));
        page.locator("#start-run").dblclick(); // an impatient double click still launches one run
        // a free slot: it says the run started, not that it is queued
        assertThat(page.locator("#launch-message")).containsText("started training");
        assertThat(page.locator("#runs-grid vaadin-grid-cell-content").getByText(Pattern.compile("^r\\d+$")))
                .hasCount(1);
    }

    @Test
    void aRunStreamsItsPerplexityAndSamplesAndSurvivesAReload() {
        openTrainPage();
        startSmallRun(3000, 5); // still training when it is stopped below
        page.waitForCondition(() -> chartPoints("#ppl-chart") >= 3);
        assertThat(page.locator("#samples .sample").first()).containsText("time traveller");
        assertThat(page.locator("#run-tokens-per-s")).not().hasText("–");
        int before = chartPoints("#ppl-chart");

        page.reload();
        page.waitForSelector("#page-title");
        assertThat(page.locator("#runs-grid")).containsText("r");
        page.waitForCondition(
                () -> chartPoints("#ppl-chart") >= before, new Page.WaitForConditionOptions().setTimeout(20_000));
        int after = chartPoints("#ppl-chart");
        page.waitForCondition(() -> chartPoints("#ppl-chart") > after || isOver());
        screenshot("train-page-running");

        page.locator("#stop-run").click();
        assertThat(page.locator("#run-status")).hasAttribute("data-status", Pattern.compile("STOPPED|FINISHED"));
        if ("STOPPED".equals(page.getAttribute("#run-status", "data-status"))) {
            assertThat(page.locator("#run-status")).hasAttribute("data-stop-reason", "BY_USER");
            assertThat(page.locator("#run-status")).containsText("Stopped by you");
        }
    }

    private boolean isOver() {
        String s = page.getAttribute("#run-status", "data-status");
        return s != null && !s.equals("RUNNING") && !s.equals("QUEUED");
    }

    @Test
    void anotherUserSeesNoneOfTheRuns() {
        openTrainPage();
        startSmallRun(5000, 0); // still training when it is stopped below
        assertThat(page.locator("#runs-grid vaadin-grid-cell-content")
                        .getByText("running")
                        .or(page.locator("#runs-grid vaadin-grid-cell-content").getByText("queued"))
                        .first())
                .isVisible();

        var other = newUser("en-US");
        try {
            Page p = other.newPage();
            p.navigate(url("train"));
            p.waitForSelector("#page-title");
            assertThat(p.locator("#run-detail")).isHidden();
            assertTrue(p.locator("#runs-grid vaadin-grid-cell-content")
                            .getByText(Pattern.compile("^r\\d+$"))
                            .count()
                    == 0);
        } finally {
            other.close();
        }
        page.locator("#stop-run").click();
        assertThat(page.locator("#run-status")).hasAttribute("data-status", Pattern.compile("STOPPED|FINISHED"));
    }

    @Test
    void learningRateTenWithoutClippingIsShownAsDiverged() {
        openTrainPage();
        choosePreset("Exercise: lr = 10 (no clipping, diverges)");
        fillIn("max-tokens", "2000");
        page.locator("#start-run").click();
        assertThat(page.locator("#run-status"))
                .hasAttribute(
                        "data-status",
                        "DIVERGED",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
                                .setTimeout(60_000));
        assertThat(page.locator("#run-status")).containsText("Diverged in epoch");
        // the advice matches the settings: clipping is off in this preset
        assertThat(page.locator("#run-status")).containsText("no clipping");
        // every point up to the overflow is drawn, and the overflow is marked
        page.waitForCondition(() -> chartPoints("#ppl-chart") >= 2);
        assertTrue(markerPoints("#ppl-chart") == 1, "one overflow marker on the perplexity chart");
        assertTrue(markerPoints("#grad-chart") == 1, "one overflow marker on the gradient chart");
        assertThat(page.locator("#grad-chart")).hasAttribute("data-y-scale", "logarithmic");
        // a diverged model does not generate
        assertThat(page.locator("#gen-run")).isDisabled();
        assertThat(page.locator("#gen-note")).containsText("diverged");
        screenshot("train-page-diverged");
    }

    /** Points of a chart's overflow marker series (drawn as crosses). */
    private int markerPoints(String chartSelector) {
        return ((Number) page.evaluate("sel => document.querySelector(sel).markerPoints()", chartSelector)).intValue();
    }

    @Test
    void theBooks500EpochRunGeneratesWhileItTrains() {
        openTrainPage(); // the book's preset: 500 epochs on the first 10,000 characters
        fillIn("sample-every", "0");
        page.locator("#start-run").click();
        page.waitForCondition(() -> chartPoints("#ppl-chart") >= 3);
        assertThat(page.locator("#gen-run")).isEnabled();
        assertThat(page.locator("#gen-note")).containsText("while it trains");
        page.locator("#gen-run").click();
        assertThat(page.locator("#gen-output")).containsText("time traveller");
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "RUNNING");
        screenshot("train-page-generate-while-training");
        page.locator("#stop-run").click();
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "STOPPED");
    }

    @Test
    void aLongEpochShowsProgressBeforeItEnds() {
        openTrainPage(); // the form opens on the book's preset: 8.5, sequential, num_hiddens 512
        fillIn("max-tokens", "0"); // the whole text, 170,580 characters, at num_hiddens 512: a long epoch
        fillIn("sample-every", "0");
        page.locator("#start-run").click();
        page.waitForCondition(() -> chartPoints("#ppl-chart") >= 1);
        // the first point arrived inside the first epoch, with throughput and an ETA
        assertThat(page.locator("#run-status")).containsText("epoch 1 of 500");
        assertThat(page.locator("#run-perplexity")).not().hasText("–");
        assertThat(page.locator("#run-tokens-per-s")).not().hasText("–");
        assertThat(page.locator("#run-eta")).not().hasText("–");
        double epochs = Double.parseDouble(page.getAttribute("#run-status", "data-epochs"));
        assertTrue(epochs > 0 && epochs < 1, "a fraction of the first epoch: " + epochs);
        screenshot("train-page-long-epoch");
        page.locator("#stop-run").click();
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "STOPPED");
    }

    @Test
    void aLibraryLayerRunTrainsAndStreams() {
        openTrainPage();
        choosePreset("Book 8.6, concise RNN");
        screenshot("train-page-concise-preset");
        assertThat(page.locator("#num-layers")).isVisible();
        fillIn("num-layers", "2");
        fillIn("num-hiddens", "32");
        fillIn("max-tokens", "2000");
        fillIn("batch-size", "8");
        fillIn("epochs", "300");
        fillIn("sample-every", "0");
        page.locator("#start-run").click();
        page.waitForCondition(() -> chartPoints("#ppl-chart") >= 2);
        assertThat(page.locator("#runs-grid")).containsText("RNN × 2");
        page.locator("#stop-run").click();
        assertThat(page.locator("#run-status")).hasAttribute("data-status", Pattern.compile("STOPPED|FINISHED"));
    }

    @Test
    void theGruPresetTrainsOurGruLayer() {
        openTrainPage();
        choosePreset("Book 9.1, concise GRU");
        fillIn("num-hiddens", "32");
        fillIn("max-tokens", "2000");
        fillIn("batch-size", "8");
        fillIn("epochs", "300");
        fillIn("sample-every", "0");
        page.locator("#start-run").click();
        page.waitForCondition(() -> chartPoints("#ppl-chart") >= 3);
        assertThat(page.locator("#runs-grid")).containsText("GRU × 1");
        screenshot("train-page-gru");
        page.locator("#stop-run").click();
        assertThat(page.locator("#run-status")).hasAttribute("data-status", Pattern.compile("STOPPED|FINISHED"));
    }

    @Test
    void invalidValuesAreExplainedNextToTheField() {
        openTrainPage();
        fillIn("num-hiddens", "0");
        fillIn("lr", "-1");
        page.locator("#start-run").click();
        assertThat(page.locator("#launch-message")).containsText("not valid");
        assertThat(page.locator("#num-hiddens")).hasAttribute("invalid", "");
        assertThat(page.locator("#lr")).hasAttribute("invalid", "");
    }
}
