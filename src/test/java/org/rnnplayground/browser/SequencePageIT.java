package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sequence page (book 8.1) as a learner uses it: figures drawn, retraining, streaming, uploads. */
class SequencePageIT extends BrowserTest {

    /** Generous: the build machine is shared, and a fit that takes a second alone may take ten. */
    static final LocatorAssertions.HasAttributeOptions SLOW =
            new LocatorAssertions.HasAttributeOptions().setTimeout(120_000);

    private void set(String id, String value) {
        page.locator("#" + id + " input").fill(value);
        page.locator("#" + id + " input").press("Enter");
    }

    private void awaitDone() {
        assertThat(page.locator("#seq-status")).hasAttribute("data-state", "done", SLOW);
    }

    /** Waits until a chart has drawn exactly {@code expected} points (drawing follows the status). */
    private void awaitPoints(String chart, int expected) {
        try {
            page.waitForCondition(
                    () -> chartPoints(chart) == expected, new Page.WaitForConditionOptions().setTimeout(30_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            assertEquals(expected, chartPoints(chart), chart);
        }
    }

    /** The number of windows that the book's k-step construction has: T - tau - max_steps + 1. */
    private static int kStepRows(int length, int tau) {
        return length - tau - 64 + 1;
    }

    @Test
    void theBooksFiguresAreDrawnWithTheFourKStepCurves() {
        open("sequence");
        awaitDone();
        awaitPoints("#seq-data-chart", 1000);
        awaitPoints("#seq-onestep-chart", 1000 + 996);
        awaitPoints("#seq-multistep-chart", 1000 + 996 + (1000 - 604));
        awaitPoints("#seq-kstep-chart", 4 * kStepRows(1000, 4));
        awaitPoints("#seq-loss-chart", 5);
        page.waitForCondition(() -> paintedPixels("#seq-kstep-chart") > 5000);
        assertTrue(paintedPixels("#seq-multistep-chart") > 5000);

        assertEquals(4, page.locator("#seq-kstep-table tbody tr").count());
        for (int k : new int[] {1, 4, 16, 64}) {
            String mse = page.locator("#seq-kstep-table tr[data-k='" + k + "'] td[data-model='MLP']")
                    .textContent();
            assertTrue(Double.parseDouble(mse) > 0, k + "-step MSE " + mse);
        }
        double one = mse(1);
        double sixtyFour = mse(64);
        assertTrue(sixtyFour > one, "64-step error " + sixtyFour + " above 1-step " + one);
        assertThat(page.locator("#seq-drift-explained")).containsText("compound");
        screenshot("sequence-page");
        page.locator("#seq-multistep-chart").scrollIntoViewIfNeeded();
        screenshot("sequence-page-multistep");
        page.locator("#seq-kstep-table").scrollIntoViewIfNeeded();
        screenshot("sequence-page-kstep");
    }

    private double mse(int k) {
        return Double.parseDouble(page.locator("#seq-kstep-table tr[data-k='" + k + "'] td[data-model='MLP']")
                .textContent());
    }

    @Test
    void changingTauAndNoiseRetrainsAndTheLossStreamsIn() {
        open("sequence");
        awaitDone();

        set("seq-tau", "8");
        awaitDone();
        awaitPoints("#seq-kstep-chart", 4 * kStepRows(1000, 8));
        awaitPoints("#seq-onestep-chart", 1000 + 992);

        String before = page.locator("#seq-data-chart").getAttribute("data-points");
        set("seq-sigma", "0");
        set("seq-epochs", "60");
        // the loss arrives epoch by epoch while the model trains, not all at once at the end
        page.waitForCondition(
                () -> {
                    int n = chartPoints("#seq-loss-chart");
                    return n >= 2 && n < 60 && "training".equals(page.getAttribute("#seq-status", "data-state"));
                },
                new Page.WaitForConditionOptions().setTimeout(120_000));
        awaitDone();
        awaitPoints("#seq-loss-chart", 60);
        assertEquals(before, page.locator("#seq-data-chart").getAttribute("data-points"));
        assertTrue(mse(1) < 0.02, "without noise the 1-step error is small: " + mse(1));
        page.locator("#seq-onestep-chart").scrollIntoViewIfNeeded();
        screenshot("sequence-page-retrained");
    }

    @Test
    void theRnnIsComparedOnTheSameSeries() {
        open("sequence");
        awaitDone();
        page.locator("#seq-rnn").click();
        awaitDone();
        assertThat(page.locator("#seq-kstep-table td[data-model='RNN']"))
                .hasCount(4, new LocatorAssertions.HasCountOptions().setTimeout(120_000));
        awaitDone();
        assertThat(page.locator("#seq-kstep-table th").nth(2)).containsText("RNN");
        awaitPoints("#seq-loss-chart", 10);
    }

    @Test
    void invalidValuesAreExplainedWithTheirRange() {
        open("sequence");
        awaitDone();
        set("seq-tau", "0");
        assertThat(page.locator("#seq-tau")).hasAttribute("invalid", "");
        assertThat(page.locator("#seq-tau")).containsText("1 to 256");
        assertThat(page.locator("#seq-status")).hasAttribute("data-state", "invalid");
        set("seq-tau", "4");
        set("seq-ntrain", "5000");
        assertThat(page.locator("#seq-ntrain")).hasAttribute("invalid", "");
        assertThat(page.locator("#seq-ntrain")).containsText("1 to 996");
    }

    @Test
    void anUploadedSeriesIsFittedAndABadFileExplained() {
        open("sequence");
        awaitDone();
        StringBuilder csv = new StringBuilder("price\n");
        for (int t = 1; t <= 300; t++) {
            csv.append(Math.cos(0.05 * t) * 2).append('\n');
        }
        page.locator("#seq-upload input[type=file]")
                .setInputFiles(
                        new FilePayload("prices.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#seq-source")).containsText("prices.csv");
        assertThat(page.locator("#seq-source")).containsText("300");
        set("seq-ntrain", "200");
        awaitDone();
        awaitPoints("#seq-data-chart", 300);
        awaitPoints("#seq-kstep-chart", 4 * kStepRows(300, 4));
        assertThat(page.locator("#seq-T")).hasAttribute("disabled", "");

        page.locator("#seq-upload input[type=file]")
                .setInputFiles(
                        new FilePayload("bad.csv", "text/csv", "x\n1\n2\nabc\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#seq-status")).hasAttribute("data-state", "error");
        assertThat(page.locator("#seq-status")).containsText("line 4");
        assertThat(page.locator("#seq-source")).containsText("prices.csv");

        page.locator("#seq-use-sine").click();
        awaitDone();
        awaitPoints("#seq-data-chart", 1000);
    }

    @Test
    void theChinesePageShowsTheSameFigures() {
        context.close();
        context = newUser("zh-CN");
        page = context.newPage();
        open("sequence");
        assertThat(page.locator("#page-title")).containsText("序列模型");
        awaitDone();
        awaitPoints("#seq-kstep-chart", 4 * kStepRows(1000, 4));
        assertThat(page.locator("#seq-kstep-table")).containsText("64 步");
        page.waitForCondition(() -> paintedPixels("#seq-kstep-chart") > 5000);
        screenshot("sequence-page-zh");
        page.locator("#seq-kstep-table").scrollIntoViewIfNeeded();
        screenshot("sequence-page-zh-kstep");
    }
}
