package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rnnplayground.training.RunQueue;
import org.rnnplayground.training.TrainingLimits;
import org.springframework.beans.factory.annotation.Autowired;

/** The instructor signs in, sees a student's run, stops it, changes a limit while runs train, signs out. */
class AdminPageIT extends BrowserTest {

    @Autowired
    RunQueue queue;

    /** A student starts a long run; returns its id. */
    private String studentStartsALongRun() {
        open("train");
        assertThat(page.locator("#train-text")).containsText("The Time Machine");
        page.locator("#num-hiddens input").fill("32");
        page.locator("#max-tokens input").fill("2000");
        page.locator("#batch-size input").fill("8");
        page.locator("#epochs input").fill("3000");
        page.locator("#sample-every input").fill("0");
        page.locator("#start-run").click();
        assertThat(page.locator("#run-status")).hasAttribute("data-status", Pattern.compile("RUNNING|QUEUED"));
        return page.getAttribute("#run-status", "data-run");
    }

    @Test
    void instructorSignsInSeesEveryRunStopsOneAndSignsOut() {
        String runId = studentStartsALongRun();
        // students see no Admin link
        assertThat(page.locator("#side-nav")).isVisible();
        assertThat(page.locator("#nav-admin")).hasCount(0);

        var instructor = newUser("en-US");
        try {
            Page admin = instructor.newPage();
            admin.navigate(url("admin"));
            // not signed in: the sign-in page, not the dashboard
            assertThat(admin).hasURL(Pattern.compile(".*/login$"));
            assertThat(admin.locator("#admin-dashboard")).hasCount(0);
            signIn(admin, "wrong");
            assertThat(admin).hasURL(Pattern.compile(".*/login\\?error$"));
            // the page after the redirect renders its form a moment after the address changed
            admin.waitForFunction(
                    "() => { const f = document.querySelector('#sign-in-form'); return !!f && f.error === true; }");
            assertEquals(
                    "The user name or password is not right.",
                    admin.evaluate("() => document.querySelector('#sign-in-form').i18n.errorMessage.message"));

            signIn(admin, ADMIN_PASSWORD);
            assertThat(admin).hasURL(Pattern.compile(".*/admin$"));
            assertThat(admin.locator("#admin-dashboard")).isVisible();
            assertThat(admin.locator("#nav-admin")).isVisible();
            assertThat(admin.locator("#admin-server")).containsText("slots busy");
            assertThat(admin.locator("#admin-pools")).containsText("Shape traces");
            assertThat(admin.locator("#admin-session-count")).containsText("sessions that opened a page");
            // other tests' runs may be listed too: stop this student's run by its id
            Locator stop = admin.locator("#admin-runs vaadin-button[data-run='" + runId + "']");
            assertThat(stop).isVisible();
            admin.screenshot(new Page.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target", "screenshots", "admin-page.png"))
                    .setFullPage(true));
            stop.click();
            awaitServer(admin); // the stop reaches the server before the instructor signs out

            admin.locator("#admin-sign-out").click();
            assertThat(admin.locator("#page-text")).isVisible();
            admin.navigate(url("admin"));
            assertThat(admin).hasURL(Pattern.compile(".*/login$"));
        } finally {
            instructor.close();
        }
        // the student sees their run stopped, and by whom
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "STOPPED");
        assertThat(page.locator("#run-status")).hasAttribute("data-stop-reason", "BY_INSTRUCTOR");
        assertThat(page.locator("#run-status")).containsText("Stopped by the instructor");
    }

    /** Waits until the runs grid has shown new progress twice: the page has refreshed since. */
    private static void awaitTwoRefreshes(Page admin) {
        for (int i = 0; i < 2; i++) {
            String before = admin.locator("#admin-runs").textContent();
            admin.waitForFunction("before => document.querySelector('#admin-runs').textContent !== before", before);
        }
    }

    @Test
    void aLimitTypedWhileRunsTrainSurvivesTheRefreshAndIsApplied() {
        TrainingLimits original = queue.limits();
        int typed = original.maxQueuedPerUser() + 4;
        studentStartsALongRun();
        var instructor = newUser("en-US");
        try {
            Page admin = signedInAdmin(instructor);
            Locator maxQueued = admin.locator("#admin-max-queued input");
            assertThat(maxQueued).hasValue(String.valueOf(original.maxQueuedPerUser()));

            // typed, then the instructor moves on to the next field: the server has the value now
            maxQueued.fill(String.valueOf(typed));
            maxQueued.press("Tab");
            awaitServer(admin);
            awaitTwoRefreshes(admin);
            assertThat(maxQueued).hasValue(String.valueOf(typed));
            assertEquals(original, queue.limits(), "nothing applies before Apply");

            admin.locator("#admin-apply-limits").click();
            assertThat(admin.locator("#admin-limits-message")).containsText("apply to runs that start from now on");
            assertEquals(typed, queue.limits().maxQueuedPerUser());
            awaitTwoRefreshes(admin);
            assertThat(maxQueued).hasValue(String.valueOf(typed));
        } finally {
            instructor.close();
            queue.setLimits(original);
        }
    }
}
