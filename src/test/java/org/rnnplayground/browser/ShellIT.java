package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shell, its navigation, the chart and server push, in a real browser. */
class ShellIT extends BrowserTest {

    private static final List<String> PAGES =
            List.of("text", "statistics", "minibatches", "shapes", "train", "sequence", "admin");

    @Test
    void shellRendersWithTitleBackendAndLanguageSwitch() {
        open("");
        assertThat(page.locator("vaadin-app-layout")).isVisible();
        assertThat(page.locator(".app-title")).hasText("RNN Playground");
        assertThat(page.locator("#backend-info")).containsText(Pattern.compile("ND4J CPU · \\d+ threads? · "));
        assertThat(page.locator("#language-switch")).isVisible();
        screenshot("shell-text-page");
    }

    @Test
    void everyNavigationEntryOpensItsPage() {
        open("");
        for (String id : PAGES) {
            page.locator("#nav-" + id).click();
            page.waitForURL("**/" + id);
            assertThat(page.locator("#page-" + id)).isVisible();
        }
        page.locator("#link-text").click();
        assertThat(page.locator("#page-text")).isVisible();
    }

    @Test
    void chartDrawsAndReceivesPushedUpdates() {
        open("text");
        page.waitForCondition(() -> chartPoints("#char-chart") > 0);
        int timeMachinePoints = chartPoints("#char-chart");
        assertEquals(26, timeMachinePoints, "The Time Machine uses all 26 letters");
        page.waitForCondition(() -> paintedPixels("#char-chart") > 2000);

        // Choosing another text loads it on a server thread; the result arrives by push.
        page.locator("#catalog-grid").getByText("循环神经网络").click();
        assertThat(page.locator("#current-text-name")).containsText("循环神经网络");
        assertThat(page.locator("#text-preview")).containsText("循环神经网络");
        page.waitForCondition(() -> chartPoints("#char-chart") != timeMachinePoints);
        assertTrue(paintedPixels("#char-chart") > 2000);
        screenshot("text-page-chinese-sample");
    }

    @Test
    void languageSwitchTurnsTheUiIntoChineseAndTheBrowserLanguageChoosesByDefault() {
        open("text");
        assertThat(page.locator("#nav-text")).containsText("Text");
        page.locator("#language-switch").click();
        page.locator("vaadin-select-item").getByText("中文").click();
        assertThat(page.locator("#nav-text")).containsText("文本");
        assertThat(page.locator("#nav-train")).containsText("训练");

        var chinese = newUser("zh-CN");
        try {
            var p = chinese.newPage();
            p.navigate(url("text"));
            assertThat(p.locator("#nav-minibatches")).containsText("小批量");
        } finally {
            chinese.close();
        }
    }
}
