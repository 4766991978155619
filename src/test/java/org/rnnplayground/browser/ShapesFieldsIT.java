package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Shapes page's fields: a model too large for the budget is said once, in the page's message,
 * with no field marked; a value at fault marks its own field only; numbers are read as typed; and
 * the error messages never cover another field's label or input, at 1280 and 800 px, in English
 * and Chinese.
 */
class ShapesFieldsIT extends BrowserTest {

    private static final List<String> FIELDS = List.of(
            "shapes-batch-size", "shapes-num-steps", "shapes-num-hiddens", "shapes-num-layers", "shapes-embedding");

    private static final String[] ALL_FIELDS = {
        "shapes-impl",
        "shapes-batch-size",
        "shapes-num-steps",
        "shapes-num-hiddens",
        "shapes-activation",
        "shapes-num-layers",
        "shapes-embedding"
    };

    private void set(String fieldId, String value) {
        page.locator("#" + fieldId + " input").fill(value);
        page.locator("#" + fieldId + " input").press("Enter");
        awaitServer();
    }

    private void chooseLstm() {
        page.locator("#shapes-impl").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("LSTM"))
                .click();
        awaitServer();
    }

    private void asUser(String locale) {
        context.close();
        context = newUser(locale);
        page = context.newPage();
    }

    private void assertInvalid(String... expected) {
        for (String id : FIELDS) {
            boolean invalid = page.locator("#" + id).getAttribute("invalid") != null;
            assertEquals(List.of(expected).contains(id), invalid, id + " invalid");
        }
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("/tmp/screenshots-forms", name + ".png"))
                .setFullPage(false));
    }

    @Test
    void aLstmTooLargeIsSaidOnceAndMarksNoField() {
        open("shapes");
        assertThat(page.locator("#shape-outputs")).hasText("(1120, 28)");
        chooseLstm();
        assertThat(page.locator("#shape-C_0")).hasText("(1, 32, 512)");
        // the book's 9.2 equations above the diagram: σ for the gates, tanh for the candidate and output
        assertThat(page.locator("#shapes-equations")).containsText("= σ(");
        assertThat(page.locator("#shapes-equations")).containsText("= tanh(G");
        assertThat(page.locator("#shapes-equations")).containsText("⊙ tanh(C");
        shot("shapes-lstm-equations-en");
        set("shapes-num-layers", "3");
        set("shapes-num-hiddens", "2048");
        assertThat(page.locator("#shapes-message")).containsText("use fewer hidden units or layers");
        assertThat(page.locator("#shapes-message")).containsText("2,048");
        assertThat(page.locator("#shapes-message")).hasClass(Pattern.compile("message-error"));
        assertThat(page.locator("#shapes-results")).hasClass(Pattern.compile("stale"));
        assertInvalid();
        shot("shapes-budget-en-1400");

        // a value at fault marks its own field, with its own message
        set("shapes-num-hiddens", "256");
        set("shapes-num-steps", "abc");
        assertInvalid("shapes-num-steps");
        set("shapes-num-steps", "35");
        set("shapes-num-hiddens", "2e3"); // not read as 23, nor as 2000
        assertInvalid("shapes-num-hiddens");
        assertThat(page.locator("#shapes-num-hiddens [slot=error-message]")).containsText("whole number");
        assertThat(page.locator("#shapes-num-hiddens input")).hasValue("2e3");
    }

    @Test
    void errorMessagesNeverCoverAnotherFieldInEnglish() {
        messagesStayInTheirFields("en-US", "en");
    }

    @Test
    void errorMessagesNeverCoverAnotherFieldInChinese() {
        messagesStayInTheirFields("zh-CN", "zh");
    }

    private void messagesStayInTheirFields(String locale, String name) {
        asUser(locale);
        for (int width : new int[] {1280, 800}) {
            page.setViewportSize(width, 1000);
            open("shapes");
            assertThat(page.locator("#shape-outputs")).hasText("(1120, 28)");
            chooseLstm();
            // every field at fault at once, each with its longest message
            set("shapes-num-steps", "1e7");
            set("shapes-batch-size", "0");
            set("shapes-num-hiddens", "12.5");
            set("shapes-num-layers", "9");
            set("shapes-embedding", "-1");
            assertInvalid(FIELDS.toArray(String[]::new));
            shot("shapes-errors-" + name + "-" + width);
            assertEquals(List.of(), coveringMessages(ALL_FIELDS), "at " + width + " px");

            // and the budget's sentence alone
            set("shapes-num-steps", "35");
            set("shapes-batch-size", "32");
            set("shapes-num-layers", "3");
            set("shapes-embedding", "0");
            set("shapes-num-hiddens", "2048");
            assertInvalid();
            assertThat(page.locator("#shapes-message")).hasClass(Pattern.compile("message-error"));
            shot("shapes-budget-" + name + "-" + width);
        }
    }
}
