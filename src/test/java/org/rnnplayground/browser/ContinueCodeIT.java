package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A learner takes their runs to another browser with a short code: the code shown on one browser,
 * typed on another (here one speaking Chinese), makes the second browser the same learner, while
 * the first keeps its own cookie. Wrong codes are refused with a reason, and after too many the
 * code is not even checked.
 */
class ContinueCodeIT extends BrowserTest {

    private static final Pattern CODE = Pattern.compile("[2-9A-Z]{5}-[2-9A-Z]{5}");

    private static void type(Page p, String code) {
        p.locator("#enter-code input").fill(code);
        p.locator("#use-code").click();
        awaitServer(p);
    }

    @Test
    void aCodeShownOnOneBrowserBringsTheRunsToAnother() {
        trainATinyRun();

        page.locator("#continue-code").click();
        assertThat(page.locator("#show-code")).isVisible();
        page.locator("#show-code").click();
        assertThat(page.locator("#my-code")).hasText(CODE);
        String first = page.locator("#my-code").textContent();
        page.locator("#show-code").click();
        assertThat(page.locator("#my-code")).not().hasText(first);
        String code = page.locator("#my-code").textContent();
        screenshot("continue-code-en");
        page.locator("#continue-close").click();

        BrowserContext other = newUser("zh-CN");
        Page there = other.newPage();
        there.navigate(url("train"));
        assertThat(there.locator("#runs-grid vaadin-grid-cell-content").getByText(Pattern.compile("^r\\d+$")))
                .hasCount(0);
        there.locator("#continue-code").click();
        assertThat(there.locator("#show-code")).hasText("显示我的代码");
        type(there, first);
        assertThat(there.locator("#code-message")).hasAttribute("data-outcome", "UNKNOWN");
        assertThat(there.locator("#code-message")).containsText("没有学习者使用这个代码");

        type(there, " " + code.toLowerCase().replace("-", " ") + " "); // as a person might type it
        assertThat(there.locator("#runs-grid vaadin-grid-cell-content").getByText(Pattern.compile("^r1$")))
                .hasCount(1);
        assertThat(there.locator("#run-status")).containsText("完成");
        assertTrue(
                other.cookies().stream().anyMatch(c -> c.name.equals("rnn-learner")),
                "the second browser keeps the learner with a cookie of its own");
        other.close();

        page.reload();
        assertThat(page.locator("#runs-grid vaadin-grid-cell-content").getByText(Pattern.compile("^r1$")))
                .hasCount(1);

        // guessing: after ten wrong codes from one address, codes are refused unchecked
        page.locator("#continue-code").click();
        for (int i = 0; i < 10; i++) {
            type(page, "ZZZZZ-ZZZZ" + (i % 8 + 2));
        }
        assertThat(page.locator("#code-message")).hasAttribute("data-outcome", "THROTTLED");
        assertThat(page.locator("#code-message")).containsText("Too many codes");
    }
}
