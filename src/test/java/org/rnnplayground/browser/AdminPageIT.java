package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The instructor signs in, sees a student's run and stops it. */
class AdminPageIT extends BrowserTest {

    @Test
    void instructorSeesEveryRunAndCanStopOne() {
        // a student starts a long run
        open("train");
        assertThat(page.locator("#train-text")).containsText("The Time Machine");
        page.locator("#num-hiddens input").fill("32");
        page.locator("#max-tokens input").fill("2000");
        page.locator("#batch-size input").fill("8");
        page.locator("#epochs input").fill("3000");
        page.locator("#sample-every input").fill("0");
        page.locator("#start-run").click();
        assertThat(page.locator("#run-status")).hasAttribute("data-status", Pattern.compile("RUNNING|QUEUED"));
        String runId = page.getAttribute("#run-status", "data-run");

        var instructor = newUser("en-US");
        try {
            Page admin = instructor.newPage();
            admin.navigate(url("admin"));
            admin.locator("#admin-password input").fill("wrong");
            admin.locator("#admin-sign-in").click();
            assertThat(admin.locator("#admin-sign-in-message")).containsText("not right");
            assertThat(admin.locator("#admin-dashboard")).isHidden();

            admin.locator("#admin-password input").fill(ADMIN_PASSWORD);
            admin.locator("#admin-sign-in").click();
            assertThat(admin.locator("#admin-dashboard")).isVisible();
            assertThat(admin.locator("#admin-server")).containsText("slots busy");
            assertThat(admin.locator("#admin-pools")).containsText("Shape traces");
            // other tests' runs may be listed too: stop this student's run by its id
            Locator stop = admin.locator("#admin-runs vaadin-button[data-run='" + runId + "']");
            assertThat(stop).isVisible();
            admin.screenshot(new Page.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target", "screenshots", "admin-page.png"))
                    .setFullPage(true));
            stop.click();
            awaitServer(admin); // the stop reaches the server before the instructor's browser closes
        } finally {
            instructor.close();
        }
        // the student sees their run stopped, and by whom
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "STOPPED");
        assertThat(page.locator("#run-status")).hasAttribute("data-stop-reason", "BY_INSTRUCTOR");
        assertThat(page.locator("#run-status")).containsText("Stopped by the instructor");
    }
}
