package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Shapes page on the default text (The Time Machine, characters, 28 tokens), in a real browser. */
class ShapesPageIT extends BrowserTest {

    /** A screenshot of the whole page: the app layout scrolls inside, so the viewport is made tall. */
    private void tallScreenshot(String name) {
        page.setViewportSize(1400, 2300);
        screenshot(name);
        page.setViewportSize(1400, 1000);
    }

    private void set(String fieldId, int value) {
        page.locator("#" + fieldId + " input").fill(Integer.toString(value));
        page.locator("#" + fieldId + " input").press("Enter");
    }

    @Test
    void theBooksSizesThenSmallerOnesThenAHugeOne() {
        open("shapes");
        assertThat(page.locator("#shapes-vocab-size")).hasText("28");
        set("shapes-num-hiddens", 512);
        set("shapes-batch-size", 32);
        set("shapes-num-steps", 35);
        assertThat(page.locator("#shape-W_hh")).hasText("(512, 512)");
        assertThat(page.locator("#shape-W_xh")).hasText("(28, 512)");
        assertThat(page.locator("#shape-b_h")).hasText("(512,)");
        assertThat(page.locator("#shape-W_hq")).hasText("(512, 28)");
        assertThat(page.locator("#shape-b_q")).hasText("(28,)");
        assertThat(page.locator("#shape-X")).hasText("(32, 35)");
        assertThat(page.locator("#shape-one-hot")).hasText("(35, 32, 28)");
        assertThat(page.locator("#shape-X_t-1")).hasText("(32, 28)");
        assertThat(page.locator("#shape-H_t-1")).hasText("(32, 512)");
        assertThat(page.locator("#shape-O_t-35")).hasText("(32, 28)");
        assertThat(page.locator("#shape-outputs")).hasText("(" + 35 * 32 + ", 28)");
        assertThat(page.locator("#param-total"))
                .hasText(String.format("%,d", 28 * 512 + 512 * 512 + 512 + 512 * 28 + 28));
        assertThat(page.locator("#param-table")).containsText("262,144");
        assertThat(page.locator("#shapes-first-row .row-chip")).hasCount(35);
        assertThat(page.locator("#shapes-implementation")).isVisible();
        tallScreenshot("shapes-page");

        set("shapes-batch-size", 4);
        set("shapes-num-steps", 7);
        assertThat(page.locator("#shape-outputs")).hasText("(28, 28)");
        assertThat(page.locator("#shape-X")).hasText("(4, 7)");
        assertThat(page.locator("#shape-W_hh")).hasText("(512, 512)");
        assertThat(page.locator("#shapes-first-row .row-chip")).hasCount(7);
        assertThat(page.locator("#steps-between")).containsText("2");

        set("shapes-num-hiddens", 100_000);
        assertThat(page.locator("#shapes-num-hiddens")).hasAttribute("invalid", "");
        assertThat(page.locator("#shapes-num-hiddens [slot=error-message]")).containsText("4,096");
        assertThat(page.locator("#shapes-message")).hasClass(Pattern.compile("message-error"));
        assertThat(page.locator("#shapes-results")).hasClass(Pattern.compile("stale"));
        tallScreenshot("shapes-page-refused");

        set("shapes-num-hiddens", 16);
        assertThat(page.locator("#shape-W_hh")).hasText("(16, 16)");
        assertThat(page.locator("#shapes-num-hiddens")).not().hasAttribute("invalid", "");
        set("shapes-batch-size", 0);
        assertThat(page.locator("#shapes-batch-size [slot=error-message]")).containsText("1");
    }

    @Test
    void theChinesePageShowsTheSameShapes() {
        context.close();
        context = newUser("zh-CN");
        page = context.newPage();
        page.navigate(url("shapes"));
        assertThat(page.locator("#page-title")).hasText("形状");
        assertThat(page.locator("#shape-outputs")).hasText("(1120, 28)");
        assertThat(page.locator("#param-table")).containsText("合计");
        tallScreenshot("shapes-page-zh");
        set("shapes-num-hiddens", 5000);
        assertThat(page.locator("#shapes-num-hiddens [slot=error-message]")).containsText("4,096");
        screenshot("shapes-page-zh-refused");
    }

    @Test
    void aTwoLayerLstmShowsHiddenAndCellStatePerLayer() {
        open("shapes");
        assertThat(page.locator("#shape-outputs")).hasText("(1120, 28)");
        assertThat(page.locator("#shapes-num-layers")).isHidden();
        page.locator("#shapes-impl").click();
        page.locator("vaadin-select-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("LSTM"))
                .click();
        assertThat(page.locator("#shapes-num-layers")).isVisible();
        set("shapes-num-hiddens", 256);
        set("shapes-num-layers", 2);
        assertThat(page.locator("#shape-H_0")).hasText("(2, 32, 256)");
        assertThat(page.locator("#shape-C_0")).hasText("(2, 32, 256)");
        assertThat(page.locator("#shape-H_T")).hasText("(2, 32, 256)");
        assertThat(page.locator("#shape-C_T")).hasText("(2, 32, 256)");
        assertThat(page.locator("#shape-layer-2-outputs")).hasText("(32, 256, 35)");
        assertThat(page.locator("#shape-1_RW")).hasText("(256, 1024)");
        // the book's 9.2 equations: σ for the input, forget and output gates, tanh for the candidate
        assertThat(page.locator("#step-1")).containsText("σ(G");
        assertThat(page.locator("#step-1")).containsText("C̃ = tanh(G");
        assertThat(page.locator("#shapes-implementation")).containsText("LSTM");
        long lstm = 4L * (28 * 256 + 256 * 256 + 256) + 4L * (256 * 256 + 256 * 256 + 256) + 256 * 28 + 28;
        assertThat(page.locator("#param-total")).hasText(String.format("%,d", lstm));
        tallScreenshot("shapes-lstm");

        set("shapes-num-layers", 9);
        assertThat(page.locator("#shapes-num-layers [slot=error-message]")).containsText("1 to 4");
        set("shapes-num-layers", 1);
        set("shapes-embedding", 16);
        assertThat(page.locator("#shape-embedding")).hasText("(32, 16, 35)");
        assertThat(page.locator("#shape-H_0")).hasText("(1, 32, 256)");
    }

    @Test
    void aGruLayerShowsThreeGateBlocksAndNoCellState() {
        open("shapes");
        assertThat(page.locator("#shape-outputs")).hasText("(1120, 28)");
        page.locator("#shapes-impl").click();
        page.locator("vaadin-select-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("GRU"))
                .click();
        set("shapes-num-hiddens", 256);
        assertThat(page.locator("#shape-0_W")).hasText("(28, 768)");
        assertThat(page.locator("#shape-A_t-1")).hasText("(32, 768)");
        assertThat(page.locator("#shape-H_0")).hasText("(1, 32, 256)");
        assertThat(page.locator("#shape-C_0")).hasCount(0);
        assertThat(page.locator("#shapes-implementation")).containsText("GruLayer");
        long gru = 3L * (28 * 256 + 256 * 256 + 256) + 256 * 28 + 28;
        assertThat(page.locator("#param-total")).hasText(String.format("%,d", gru));
        tallScreenshot("shapes-gru");
    }

    @Test
    void theChineseLstmPage() {
        context.close();
        context = newUser("zh-CN");
        page = context.newPage();
        page.navigate(url("shapes"));
        assertThat(page.locator("#shape-outputs")).hasText("(1120, 28)");
        page.locator("#shapes-impl").click();
        page.locator("vaadin-select-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("LSTM"))
                .click();
        set("shapes-num-layers", 2);
        assertThat(page.locator("#shape-C_0")).hasText("(2, 32, 512)");
        assertThat(page.locator("#shapes-implementation")).containsText("2 层");
        tallScreenshot("shapes-lstm-zh");
    }
}
