package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No stale results on the Sequence page: a refused upload or value marks the sine's results out of
 * date and says why; a good upload or a valid value then fits anew and the mark goes. Numbers are
 * read as typed. In English and Chinese.
 */
class SequenceStaleIT extends BrowserTest {

    private static final LocatorAssertions.HasAttributeOptions SLOW =
            new LocatorAssertions.HasAttributeOptions().setTimeout(120_000);

    private static final String[] SEQUENCE_FIELDS = {
        "seq-T", "seq-sigma", "seq-seed", "seq-tau", "seq-ntrain", "seq-hidden", "seq-epochs", "seq-lr", "seq-batch"
    };

    private void set(String id, String value) {
        page.locator("#" + id + " input").fill(value);
        page.locator("#" + id + " input").press("Enter");
    }

    private void awaitDone() {
        assertThat(page.locator("#seq-status")).hasAttribute("data-state", "done", SLOW);
    }

    private void upload(String name, String content) {
        page.locator("#seq-upload input[type=file]")
                .setInputFiles(new FilePayload(name, "text/csv", content.getBytes(StandardCharsets.UTF_8)));
    }

    private static String cosine(int rows) {
        StringBuilder csv = new StringBuilder("value\n");
        for (int t = 1; t <= rows; t++) {
            csv.append(Math.cos(0.05 * t) * 2).append('\n');
        }
        return csv.toString();
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("/tmp/screenshots-forms", name + ".png"))
                .setFullPage(false));
    }

    private void assertMarked() {
        assertThat(page.locator("#seq-out-of-date")).isVisible();
        assertThat(page.locator("#seq-status")).not().hasAttribute("data-state", "done");
        assertThat(page.locator("#seq-kstep-chart").locator("xpath=ancestor::*[contains(@class,'stale')]"))
                .hasCount(1);
    }

    private void assertCurrent() {
        assertThat(page.locator("#seq-out-of-date")).isHidden();
        assertThat(page.locator(".stale")).hasCount(0);
    }

    @Test
    void aRefusedUploadMarksTheSinesResultsOutOfDateAndAGoodOneReplacesThem() {
        open("sequence");
        awaitDone();
        assertCurrent();
        String doneStatus = page.locator("#seq-status").textContent();
        assertTrue(doneStatus.startsWith("Done"), doneStatus);

        upload("bad.csv", "x\n1\n2\nabc\n");
        assertThat(page.locator("#seq-status")).hasAttribute("data-state", "error");
        assertThat(page.locator("#seq-status")).containsText("line 4");
        assertThat(page.locator("#seq-out-of-date")).containsText("Out of date");
        assertMarked();
        page.locator("#seq-kstep-table").scrollIntoViewIfNeeded();
        shot("sequence-refused-upload-en");

        upload("waves.csv", cosine(300));
        assertThat(page.locator("#seq-source")).containsText("waves.csv");
        set("seq-ntrain", "200");
        awaitDone();
        assertCurrent();
        page.waitForCondition(() -> chartPoints("#seq-data-chart") == 300);

        // a value refused after a fit: marked, the field says why, nothing replaced
        set("seq-tau", "4.5");
        assertThat(page.locator("#seq-status")).hasAttribute("data-state", "invalid");
        assertThat(page.locator("#seq-tau")).hasAttribute("invalid", "");
        assertThat(page.locator("#seq-tau")).containsText("“4.5” is not a whole number");
        assertThat(page.locator("#seq-tau input")).hasValue("4.5");
        assertMarked();
        assertEquals(java.util.List.of(), coveringMessages(SEQUENCE_FIELDS));
        shot("sequence-refused-value-en");
        set("seq-tau", "8");
        awaitDone();
        assertCurrent();
    }

    @Test
    void numbersAreReadAsTyped() {
        open("sequence");
        awaitDone();
        set("seq-epochs", "1e3"); // not 13
        assertThat(page.locator("#seq-epochs")).hasAttribute("invalid", "");
        assertThat(page.locator("#seq-epochs")).containsText("“1e3” is not a whole number");
        assertMarked();
        set("seq-epochs", "5");
        set("seq-lr", "1e-2"); // 0.01, not 1 nor 12
        awaitDone();
        assertCurrent();
        assertThat(page.locator("#seq-lr")).not().hasAttribute("invalid", "");
        set("seq-lr", "abc");
        assertThat(page.locator("#seq-lr")).containsText("“abc” is not a number");
        assertMarked();
    }

    @Test
    void theChinesePageSaysSoToo() {
        context.close();
        context = newUser("zh-CN");
        page = context.newPage();
        open("sequence");
        awaitDone();
        upload("bad.csv", "x\n1\n2\nabc\n");
        assertThat(page.locator("#seq-status")).hasAttribute("data-state", "error");
        assertThat(page.locator("#seq-out-of-date")).containsText("已过时");
        assertMarked();
        set("seq-tau", "1e2");
        assertThat(page.locator("#seq-tau")).containsText("“1e2”不是整数");
        assertEquals(java.util.List.of(), coveringMessages(SEQUENCE_FIELDS));
        shot("sequence-refused-zh");
        set("seq-tau", "4");
        awaitDone();
        assertCurrent();
        assertEquals(1000, chartPoints("#seq-data-chart"));
        assertThat(page.locator("#seq-status")).hasText(Pattern.compile("^完成"));
    }
}
