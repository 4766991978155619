package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

/**
 * While the server cannot be reached the page says so, in the page's language, and offers no Stop
 * button that cannot stop; when the server answers again the page carries on with the run, live.
 * The browser is taken offline: its push connection drops as when the server goes away.
 */
class ServerGoneIT extends BrowserTest {

    @Test
    void theBannerShowsWhileTheServerIsUnreachableAndTheStopButtonComesBackWithIt() {
        open("train");
        assertThat(page.locator("#train-text")).containsText("The Time Machine");
        fillIn("num-hiddens", "32");
        fillIn("max-tokens", "10000");
        fillIn("epochs", "5000"); // trains for longer than the test
        page.locator("#start-run").click();
        assertThat(page.locator("#stop-run")).isVisible();
        assertThat(page.locator("#server-gone")).isHidden();

        context.setOffline(true);
        try {
            assertThat(page.locator("#server-gone"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            assertThat(page.locator("#server-gone")).containsText("reconnecting");
            assertThat(page.locator("#stop-run")).isHidden();
            assertThat(page.locator("#start-run")).isHidden();
            screenshot("server-gone");
        } finally {
            context.setOffline(false);
        }
        assertThat(page.locator("#server-gone")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(60_000));
        assertThat(page.locator("#stop-run")).isVisible();
        assertThat(page.locator("#run-status")).containsText("epoch");
    }

    @Test
    void theBannerSpeaksChinese() {
        context.close();
        context = newUser("zh-CN");
        page = context.newPage();
        open("text");
        context.setOffline(true);
        try {
            assertThat(page.locator("#server-gone"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            assertThat(page.locator("#server-gone")).containsText("正在重新连接");
        } finally {
            context.setOffline(false);
        }
        page.locator("#nav-statistics").click(); // an idle page reconnects with its next request
        assertThat(page.locator("#server-gone")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(60_000));
    }
}
