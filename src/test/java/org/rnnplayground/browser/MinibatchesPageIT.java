package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Minibatches page as a user drives it, over The Time Machine (the default text). */
class MinibatchesPageIT extends BrowserTest {

    private void type(String fieldId, String value) {
        Locator input = page.locator("#" + fieldId + " input");
        input.fill(value);
        input.press("Enter");
    }

    /** A screenshot of the whole page: the app layout scrolls inside the viewport, so make it tall. */
    private void wholePage(String name) {
        page.setViewportSize(1400, 3200);
        page.waitForTimeout(500);
        screenshot(name);
    }

    /** Positions covered by the first row matching the selector, from its data-from and data-to. */
    private int rowLength(String selector) {
        Locator row = page.locator(selector).first();
        return Integer.parseInt(row.getAttribute("data-to")) - Integer.parseInt(row.getAttribute("data-from"));
    }

    @Test
    void theToyExampleIsPrintedAsTheBookPrintsIt() {
        open("minibatches");
        assertThat(page.locator("#page-minibatches")).isVisible();
        // 35 tokens, batch_size=2, num_steps=5: random sampling always gives 3 minibatches of 2 rows of 5
        assertThat(page.locator("#toy-random .toy-batch")).hasCount(3);
        assertThat(page.locator("#toy-random .toy-x-row")).hasCount(6);
        for (String row : page.locator("#toy-random .toy-x-row").allTextContents()) {
            assertEquals(5, row.split(",").length, row);
        }
        assertThat(page.locator("#toy-random")).containsText("X:  tensor([[");
        assertThat(page.locator("#toy-random")).containsText("Y: tensor([[");
        assertThat(page.locator("#toy-sequential .toy-x-row").first()).isVisible();
        assertThat(page.locator("#toy-epoch-info")).containsText("Seed 1 · epoch 1");

        String before = page.locator("#toy-random").textContent();
        page.locator("#toy-new-epoch").click();
        assertThat(page.locator("#toy-epoch-info")).containsText("epoch 2");
        // a new shuffle (and likely offset): seed 1's second epoch differs from its first
        assertNotEquals(before, page.locator("#toy-random").textContent());
        assertThat(page.locator("#toy-random .toy-batch")).hasCount(3);
        wholePage("minibatches-page");
    }

    @Test
    void theLayoutOverTheTextFollowsBatchSizeAndNumStepsAndSteps() {
        open("minibatches");
        assertThat(page.locator("#mb-text-name")).containsText("The Time Machine");
        // the book's batch_size=32: 32 rows of X in the minibatch shown, on each side
        assertThat(page.locator("#layout-random .mb-row")).hasCount(32);
        assertThat(page.locator("#layout-sequential .mb-row")).hasCount(32);
        assertThat(page.locator("#mb-index-random")).hasText(Pattern.compile("Minibatch 1 / \\d+"));
        assertThat(page.locator("#state-sequential")).containsText("⟲");

        type("batch-size", "3");
        assertThat(page.locator("#layout-random .mb-row")).hasCount(3);
        type("num-steps", "7");
        assertThat(page.locator("#layout-sequential .mb-row")).hasCount(3);
        page.waitForCondition(() -> rowLength("#layout-sequential .mb-row") == 7);
        Locator firstRow = page.locator("#layout-sequential .mb-row").first();
        int from = Integer.parseInt(firstRow.getAttribute("data-from"));
        assertEquals(7, Integer.parseInt(firstRow.getAttribute("data-to")) - from);

        page.locator("#mb-next").click();
        assertThat(page.locator("#mb-index-sequential")).hasText(Pattern.compile("Minibatch 2 / \\d+"));
        assertThat(page.locator("#state-sequential")).containsText("▶");
        assertThat(page.locator("#state-random")).containsText("⟲");
        // row 0 of minibatch 2 continues row 0 of minibatch 1
        assertEquals(
                from + 7,
                Integer.parseInt(
                        page.locator("#layout-sequential .mb-row").first().getAttribute("data-from")));
        assertThat(page.locator("#window-sequential .win-row").first()).isVisible();

        page.locator("#mb-play").click();
        assertThat(page.locator("#mb-index-sequential")).hasText(Pattern.compile("Minibatch [3-9] / \\d+"));
        page.locator("#mb-play").click();
        wholePage("minibatches-layout-3x7");
    }

    @Test
    void anInvalidBatchSizeIsExplainedWithItsRangeAndTheLayoutStays() {
        open("minibatches");
        assertThat(page.locator("#layout-random .mb-row")).hasCount(32);
        type("batch-size", "0");
        assertThat(page.locator("#batch-size")).hasAttribute("invalid", "");
        // the first 10,000 tokens with num_steps=35 hold at most (9999 / 35) - 1 = 284 rows
        assertThat(page.locator("#batch-size")).containsText("from 1 to 284 for 10,000 tokens with num_steps=35");
        assertThat(page.locator("#layout-random .mb-row")).hasCount(32);

        type("batch-size", "5000");
        assertThat(page.locator("#batch-size")).containsText("from 1 to 284");
        type("batch-size", "8");
        assertThat(page.locator("#batch-size")).not().hasAttribute("invalid", "");
        assertThat(page.locator("#layout-random .mb-row")).hasCount(8);
    }

    @Test
    void theCoverageChartDrawsBothMethods() {
        open("minibatches");
        page.waitForCondition(() -> chartPoints("#coverage-chart") > 0);
        // two series over the first 6 * 35 = 210 positions
        assertEquals(420, chartPoints("#coverage-chart"));
        page.waitForCondition(() -> paintedPixels("#coverage-chart") > 2000);
        assertThat(page.locator("#discarded-random")).containsText("expected 17.0");
        assertThat(page.locator("#discarded-sequential")).containsText("expected 17.5");
        assertThat(page.locator("#coverage-caption")).containsText("first 210 positions");

        type("coverage-epochs", "10");
        assertThat(page.locator("#coverage-caption")).containsText("in 10 epochs");
        page.locator("#coverage-view").click();
        page.locator("vaadin-select-item").getByText("The whole text, in bins").click();
        assertThat(page.locator("#coverage-caption")).containsText("bins of 17");
        page.waitForCondition(() -> chartPoints("#coverage-chart") == 2 * 589);
    }

    @Test
    void thePageSpeaksChinese() {
        var chinese = newUser("zh-CN");
        try {
            page = chinese.newPage();
            open("minibatches");
            assertThat(page.locator("#page-title")).hasText("小批量");
            assertThat(page.locator("#layout-random .mb-row")).hasCount(32);
            assertThat(page.locator("#state-random")).containsText("状态重置");
            page.waitForCondition(() -> chartPoints("#coverage-chart") > 0);
            wholePage("minibatches-page-zh");
        } finally {
            chinese.close();
        }
    }
}
