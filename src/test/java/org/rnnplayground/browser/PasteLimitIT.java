package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A paste over the upload limit is refused in the browser before anything is sent, with a message;
 * the text loaded stays, and a paste within the limit still works. The paste goes through the
 * system clipboard and Ctrl+V, as a user's does.
 */
class PasteLimitIT extends BrowserTest {

    /** Puts {@code megabytes} of ASCII text on the clipboard, made in the page (nothing crosses the wire). */
    private void clipboard(int megabytes, String unit) {
        page.evaluate(
                "([mb, unit]) => navigator.clipboard.writeText(unit.repeat(Math.ceil(mb * 1048576 / unit.length)))",
                List.of(megabytes, unit));
    }

    @Test
    void aPasteOverTheLimitIsRefusedBeforeItIsSentAndASmallOneWorks() {
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        open("text");
        assertThat(page.locator("#vocab-size")).hasText("28");
        page.locator("vaadin-tab").getByText("Paste").click();
        Locator area = page.locator("#paste-area textarea");

        AtomicLong sent = new AtomicLong();
        page.onRequest(r -> {
            byte[] body = r.postDataBuffer();
            sent.accumulateAndGet(body == null ? 0 : body.length, Math::max);
        });
        page.onWebSocket(ws -> ws.onFrameSent(f -> sent.accumulateAndGet(
                f.binary() != null ? f.binary().length : f.text().length(), Math::max)));
        clipboard(21, "lorem ipsum "); // over the 20 MB limit
        area.focus();
        page.keyboard().press("Control+V");
        assertThat(page.locator("#paste-refused")).isVisible();
        assertThat(page.locator("#paste-refused")).containsText("20.0 MB");
        assertEquals("", area.inputValue(), "the paste was not inserted");
        page.locator("body").click(); // leave the field: a change would be sent now
        awaitServer();
        assertTrue(sent.get() < 1024 * 1024, "the browser sent a request of " + sent.get() + " bytes");
        assertThat(page.locator("#current-text-name")).hasText("The Time Machine");
        screenshot("paste-refused");

        clipboard(1, "the quick brown fox "); // 1 MB: within the limit
        area.focus();
        page.keyboard().press("Control+V");
        assertThat(page.locator("#paste-refused")).isHidden();
        assertTrue(area.inputValue().length() >= 1024 * 1024, "the paste was inserted");
        page.locator("#paste-use").click();
        assertThat(page.locator("#current-text-name")).hasText("Pasted text");
        assertThat(page.locator("#vocab-size")).hasText("17"); // 15 letters, the space and <unk>
    }
}
