package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shell, its navigation, the chart and server push, in a real browser. */
class ShellIT extends BrowserTest {

    /** The pages a student sees in the navigation; the Admin page's link shows only to the instructor. */
    private static final List<String> PAGES =
            List.of("text", "statistics", "minibatches", "shapes", "train", "inside", "sequence");

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
        page.locator("#nav-text").click();
        assertThat(page.locator("#page-text")).isVisible();
        assertThat(page.locator("#nav-admin")).hasCount(0);
    }

    @Test
    void chartDrawsAndReceivesPushedUpdates() {
        open("text");
        page.waitForCondition(() -> chartPoints("#token-chart") > 0);
        assertEquals(27, chartPoints("#token-chart"), "The Time Machine's chars: 26 letters and the space");
        page.waitForCondition(() -> paintedPixels("#token-chart") > 2000);

        // Choosing another text loads and tokenizes it on server threads; the result arrives by push.
        page.locator("#catalog-grid").getByText("Counting rhyme").click();
        assertThat(page.locator("#current-text-name")).containsText("Counting rhyme");
        page.waitForCondition(() -> chartPoints("#token-chart") != 27);
        assertTrue(paintedPixels("#token-chart") > 2000);
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
