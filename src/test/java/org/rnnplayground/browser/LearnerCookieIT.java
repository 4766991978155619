package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The learner's cookie outlives the session: a new session (the next day, another window of the
 * same browser) with the cookie finds the learner's runs; without it, none.
 */
class LearnerCookieIT extends BrowserTest {

    @Test
    void aNewSessionWithTheLearnersCookieFindsTheirRuns() {
        trainATinyRun();

        List<Cookie> learner = context.cookies().stream()
                .filter(c -> c.name.equals("rnn-learner"))
                .toList();
        assertEquals(1, learner.size(), "one learner cookie");
        assertTrue(learner.getFirst().httpOnly, "scripts cannot read it");
        assertEquals(SameSiteAttribute.LAX, learner.getFirst().sameSite);
        assertTrue(learner.getFirst().expires > System.currentTimeMillis() / 1000.0 + 86_400, "it lasts for days");

        BrowserContext later = newUser("en-US"); // a new session: no session cookie
        later.addCookies(learner);
        Page again = later.newPage();
        again.navigate(url("train"));
        assertThat(again.locator("#runs-grid vaadin-grid-cell-content").getByText(Pattern.compile("^r1$")))
                .hasCount(1);
        assertThat(again.locator("#run-status")).containsText("Finished");
        later.close();

        BrowserContext stranger = newUser("en-US");
        Page theirs = stranger.newPage();
        theirs.navigate(url("train"));
        assertThat(theirs.locator("#train-text")).containsText("The Time Machine");
        assertThat(theirs.locator("#runs-grid vaadin-grid-cell-content").getByText(Pattern.compile("^r\\d+$")))
                .hasCount(0);
        stranger.close();
    }
}
