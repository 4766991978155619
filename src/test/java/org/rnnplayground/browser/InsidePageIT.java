package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

/**
 * The Inside page in both languages, on a finished run and on a running one: the text coloured by a
 * unit, the heatmap and a click on it, "find units" for a span selected with the mouse, next-token odds
 * with the passage's perplexity, gradients through time of two runs side by side, and the views
 * following a training run epoch by epoch.
 */
class InsidePageIT extends BrowserTest {

    @Test
    void everyFigureInEnglish() {
        everyFigure("en", "Inside the RNN", "is training", "finished");
    }

    @Test
    void everyFigureInChinese() {
        context.close();
        context = newUser("zh-CN");
        page = context.newPage();
        everyFigure("zh", "深入RNN内部", "正在训练", "已完成");
    }

    private void everyFigure(String language, String title, String training, String finished) {
        // another tab on the page before any run: it says where to train one, then offers the first run
        com.microsoft.playwright.Page early = context.newPage();
        early.navigate(url("inside"));
        assertThat(early.locator("#inside-empty")).isVisible();
        open("train");
        page.waitForSelector("#start-run");
        startRun(40); // finishes in a few seconds
        assertThat(early.locator("#inside-empty")).isHidden();
        assertThat(early.locator("#inside-status")).not().isEmpty();
        early.close();
        assertThat(page.locator("#runs-grid [data-status=FINISHED]"))
                .hasCount(
                        1,
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(60_000));
        startRun(5000); // trains for the rest of the test
        assertThat(page.locator("#runs-grid [data-status=RUNNING]")).hasCount(1);

        open("inside");
        assertThat(page.locator("#page-title")).hasText(title);
        // the newest run first: the training one
        assertThat(page.locator("#inside-status")).containsText(training);
        screenshot("inside-" + language + "-first");
        checkFigures();
        screenshot("inside-" + language + "-running");

        // live: the views follow the run's epochs
        String before = page.locator("#inside-status").textContent();
        // refreshes are spaced by their cost (RefreshPolicy): seconds apart on a busy machine
        page.waitForCondition(
                () -> !page.locator("#inside-status").textContent().equals(before),
                new com.microsoft.playwright.Page.WaitForConditionOptions().setTimeout(90_000));

        // the finished run beside the training one
        choose("inside-compare", 2); // no second run, r2, r1
        assertThat(page.locator("#grad-chart-b")).isVisible();
        page.waitForCondition(() -> chartPoints("#grad-chart-b") > 0);
        screenshot("inside-" + language + "-compare");
        card("#grad-through-time", "inside-" + language + "-gradients");

        // the finished run as the one looked into
        choose("inside-run", 1); // r2, r1
        assertThat(page.locator("#inside-status")).containsText(finished);
        checkFigures();
        screenshot("inside-" + language + "-finished");
        card("#inside-states", "inside-" + language + "-states");
        card("#next-token", "inside-" + language + "-odds");
    }

    /** Every figure is drawn and answers. */
    private void checkFigures() {
        Locator tokens = page.locator("#unit-text span[data-i]");
        assertThat(tokens).hasCount(199); // 200 tokens: 199 inputs, each with a state
        assertTrue(page.locator("#state-heatmap").getAttribute("src").startsWith("data:image/png;base64,"));

        // a click on the heatmap's last row picks the last unit shown
        Locator heatmap = page.locator("#state-heatmap");
        double height = heatmap.boundingBox().height;
        heatmap.click(new Locator.ClickOptions().setPosition(5, height - 2));
        assertThat(page.locator("#inside-unit")).hasAttribute("data-unit", "31"); // the last of 32
        heatmap.click(new Locator.ClickOptions().setPosition(5, 1));
        assertThat(page.locator("#inside-unit")).hasAttribute("data-unit", "0");

        // select steps 10 to 30 of the text with the mouse: find units lists units, a click picks one
        page.evaluate("() => { const s = document.querySelectorAll('#unit-text span[data-i]');"
                + " const r = document.createRange(); r.setStart(s[10].firstChild, 0); r.setEnd(s[30].firstChild, 1);"
                + " const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);"
                + " document.getElementById('unit-text').dispatchEvent(new MouseEvent('mouseup', {bubbles: true})); }");
        assertThat(page.locator("#find-units-list vaadin-button")).hasCount(10);
        assertThat(page.locator("#unit-text span.marked")).hasCount(21);
        // the unit on the button when it is clicked (a training run's refresh may re-rank the list)
        String firstUnit = (String) page.evaluate(
                "() => { const b = document.getElementById('find-unit-0'); const u = b.getAttribute('data-unit');"
                        + " b.click(); return u; }");
        assertThat(page.locator("#inside-unit")).hasAttribute("data-unit", firstUnit);

        // next-token odds
        assertThat(page.locator("#next-token-perplexity")).containsText("199");
        assertThat(page.locator("#next-token-text span[data-i]")).hasCount(199);
        String hover = page.locator("#next-token-text span[data-i]").first().getAttribute("title");
        assertTrue(hover.split("·").length >= 6, "the top 5 in the tooltip: " + hover);
        assertNotEquals(0, page.locator("#next-token-grid").evaluate("g => g.items ? g.items.length : 1"));

        // gradients through time of one minibatch: 4 series of 35 steps, but step 1's share of dL/dW_hh
        // is H_0^T dZ_1 = 0 from the zero state, which a log axis leaves out (before and after clipping)
        page.waitForCondition(() -> chartPoints("#grad-chart-a") > 0);
        assertTrue(paintedPixels("#grad-chart-a") > 0);
        assertEquals(4 * 35 - 2, chartPoints("#grad-chart-a"));
    }

    /** A small from-scratch run on the first 2000 characters: 32 hidden units, batch 8 (the form's ids). */
    private void startRun(int epochs) {
        fillIn("num-hiddens", "32");
        fillIn("max-tokens", "2000");
        fillIn("batch-size", "8");
        fillIn("epochs", String.valueOf(epochs));
        fillIn("sample-every", "0");
        page.locator("#start-run").click();
        awaitServer();
    }

    /** Saves a screenshot of one card of the page, for people to look at. */
    private void card(String selector, String name) {
        page.locator(selector)
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(java.nio.file.Path.of("target", "screenshots", name + ".png")));
    }

    /** Picks item {@code index} of the select with this id. */
    private void choose(String id, int index) {
        page.locator("#" + id).click();
        page.locator("#" + id + " vaadin-select-list-box vaadin-select-item")
                .nth(index)
                .click();
        awaitServer();
    }
}
