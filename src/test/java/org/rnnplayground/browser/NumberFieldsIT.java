package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.rnnplayground.training.RunQueue;
import org.rnnplayground.training.TrainingLimits;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The number fields of the Minibatches, Text and Admin pages take what is typed as typed: {@code
 * 1e3} and {@code abc} are refused next to the field, in the page's language, and stay in the field
 * (a browser's number field once turned {@code 1e3} into 13).
 */
class NumberFieldsIT extends BrowserTest {

    @Autowired
    private RunQueue queue;

    /** Types {@code text} into the field {@code id} of {@code on}, leaves it and waits for the server's answer. */
    private static void type(Page on, String id, String text) {
        on.locator("#" + id + " input").fill(text);
        on.locator("#" + id + " input").press("Tab");
        awaitServer(on);
    }

    /** Types each text into the field and sees it refused with {@code refusal} (its {0} the text), kept as typed. */
    private static void refused(Page on, String id, String refusal, String... texts) {
        for (String text : texts) {
            type(on, id, text);
            assertThat(on.locator("#" + id)).hasAttribute("invalid", "");
            assertThat(on.locator("#" + id)).containsText(refusal.replace("{0}", text));
            assertThat(on.locator("#" + id + " input")).hasValue(text);
        }
    }

    @Test
    void minibatchesRefusesScientificNotationAndWordsInEnglishAndChinese() {
        open("minibatches");
        assertThat(page.locator("#toy-random")).containsText("tensor");
        refused(page, "seed", "“{0}” is not a whole number. The seed must be", "1e3", "abc");
        assertThat(page.locator("#toy-out-of-date")).isVisible();
        refused(page, "toy-num-steps", "“{0}” is not a whole number. num_steps must be", "1e3");
        type(page, "seed", "7");
        assertThat(page.locator("#seed")).not().hasAttribute("invalid", "");

        context.close();
        context = newUser("zh-CN");
        page = context.newPage();
        open("minibatches");
        refused(page, "seed", "“{0}”不是整数。随机种子必须是", "1e3", "abc");
    }

    @Test
    void theTextPageRefusesThemForMinFreqInEnglishAndChinese() {
        open("text");
        assertThat(page.locator("#vocab-size")).hasText("28");
        refused(page, "min-freq", "“{0}” is not a whole number. min_freq must be", "1e3", "abc");
        assertThat(page.locator("#vocab-size")).hasText("28");

        context.close();
        context = newUser("zh-CN");
        page = context.newPage();
        open("text");
        refused(page, "min-freq", "“{0}”不是整数。min_freq 必须是", "1e3", "abc");
    }

    @Test
    void theAdminLimitsRefuseThemAndTheServerKeepsItsLimits() {
        TrainingLimits before = queue.limits();
        var instructor = newUser("en-US");
        try {
            Page admin = signedInAdmin(instructor);
            for (String text : new String[] {"1e3", "abc"}) {
                admin.locator("#admin-max-queued input").fill(text);
                admin.locator("#admin-apply-limits").click();
                awaitServer(admin);
                assertThat(admin.locator("#admin-max-queued")).hasAttribute("invalid", "");
                assertThat(admin.locator("#admin-max-queued"))
                        .containsText("“" + text + "” is not a whole number. Enter a whole number from 0 to 100.");
                assertThat(admin.locator("#admin-max-queued input")).hasValue(text);
                assertThat(admin.locator("#admin-limits-message")).containsText("Waiting runs per user");
                assertEquals(before, queue.limits(), "nothing reached the server");
            }
        } finally {
            instructor.close();
        }
    }
}
