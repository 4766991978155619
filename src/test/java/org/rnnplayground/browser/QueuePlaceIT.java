package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A run launched while its owner already trains as many as one may waits behind that run, and the
 * page says so rather than showing a place in line it would not keep; it starts when that run ends.
 */
class QueuePlaceIT extends BrowserTest {

    private void secondRunWaitsBehindTheFirst(
            String locale, String behindText, String startedText, String finishedText) {
        context.close();
        context = newUser(locale);
        page = context.newPage();
        open("train");
        fillIn("num-hiddens", "16");
        fillIn("max-tokens", "10000");
        fillIn("epochs", "5000"); // trains for longer than the test
        page.locator("#start-run").click();
        assertThat(page.locator("#launch-message")).containsText(startedText);
        fillIn("epochs", "2");
        page.locator("#start-run").click();
        assertThat(page.locator("#launch-message")).containsText(behindText);
        assertThat(page.locator("#run-status"))
                .containsText(behindText.equals("queued behind") ? "waits for your" : "等你");
        screenshot("queue-behind-own-" + locale);

        page.locator("#runs-grid vaadin-grid-cell-content").getByText("r1").click();
        page.locator("#stop-run").click(); // the first run ends: the second starts and finishes
        page.locator("#runs-grid vaadin-grid-cell-content").getByText("r2").click();
        assertThat(page.locator("#run-status")).containsText(finishedText);
    }

    @Test
    void aSecondRunWaitsBehindTheFirstInEnglish() {
        secondRunWaitsBehindTheFirst("en-US", "queued behind", "started training", "Finished");
    }

    @Test
    void aSecondRunWaitsBehindTheFirstInChinese() {
        secondRunWaitsBehindTheFirst("zh-CN", "排在你正在训练的任务之后", "已开始训练", "已完成");
    }
}
