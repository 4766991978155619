package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Text page as a user drives it: samples, options, uploads good and bad. */
class TextPageIT extends BrowserTest {

    private void choose(String selectId, String itemText) {
        page.locator("#" + selectId).click();
        page.locator("vaadin-select-item")
                .getByText(itemText, new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))
                .click();
    }

    private void upload(String name, byte[] content) {
        page.locator("vaadin-tab").getByText("Upload").click();
        page.locator("#upload input[type=file]").setInputFiles(new FilePayload(name, "text/plain", content));
    }

    @Test
    void theTimeMachineShowsTheBooksSizesForCharsAndWords() {
        open("text");
        assertThat(page.locator("#current-text-name")).hasText("The Time Machine");
        assertThat(page.locator("#corpus-length")).hasText("170,580");
        assertThat(page.locator("#vocab-size")).hasText("28");

        choose("tokenizer", "Words");
        assertThat(page.locator("#corpus-length")).hasText("32,775");
        assertThat(page.locator("#vocab-size")).hasText("4,580");

        page.locator("#min-freq input").fill("10");
        page.locator("#min-freq input").press("Enter");
        assertThat(page.locator("#vocab-size")).hasText("400");
        assertThat(page.locator("#token-spans .tok.unk").first()).isVisible();
        assertThat(page.locator("#token-indices")).containsText("[1, 19, 50, 40, 0, 0, 0]");
        screenshot("text-page-words-minfreq10");
    }

    @Test
    void anUploadedChineseFileIsTokenizedByCharacter() {
        open("text");
        assertThat(page.locator("#vocab-size")).hasText("28");
        choose("cleaning", "Unicode letters (any script)");
        upload("poem.txt", "\uFEFF床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n".getBytes(StandardCharsets.UTF_8));
        assertThat(page.locator("#current-text-name")).hasText("poem.txt");
        // 20 Han characters; the punctuation inside each line becomes one space (a token too)
        assertThat(page.locator("#corpus-length")).hasText("22");
        // 17 distinct characters (明, 月 and 头 appear twice), the space, and <unk>
        assertThat(page.locator("#vocab-size")).hasText("19");
        assertThat(page.locator("#token-spans")).containsText("床");
    }

    @Test
    void aBadUploadIsExplainedAndTheCurrentTextStays() {
        open("text");
        assertThat(page.locator("#vocab-size")).hasText("28");
        upload("photo.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H'});
        assertThat(page.locator("#text-message")).containsText("binary");
        assertThat(page.locator("#text-message")).hasClass(java.util.regex.Pattern.compile("message-error"));
        assertThat(page.locator("#current-text-name")).hasText("The Time Machine");
        assertThat(page.locator("#vocab-size")).hasText("28");

        upload("latin1.txt", "caf\u00e9 cr\u00e8me".getBytes(java.nio.charset.Charset.forName("ISO-8859-1")));
        assertThat(page.locator("#text-message")).containsText("not valid UTF-8");
        upload("empty.txt", new byte[0]);
        assertThat(page.locator("#text-message")).containsText("empty");
        assertThat(page.locator("#current-text-name")).hasText("The Time Machine");
        screenshot("text-page-bad-upload");
    }

    @Test
    void pastedTextBecomesTheCurrentText() {
        open("text");
        page.locator("vaadin-tab").getByText("Paste").click();
        page.locator("#paste-area textarea").fill("abc abc abd");
        page.locator("#paste-use").click();
        assertThat(page.locator("#current-text-name")).hasText("Pasted text");
        assertThat(page.locator("#corpus-length")).hasText("11");
        // a, b, c, space, d and <unk>
        assertThat(page.locator("#vocab-size")).hasText("6");
    }

    @Test
    void aGiantSingleLineUploadRendersABoundedPage() {
        open("text");
        assertThat(page.locator("#vocab-size")).hasText("28");
        // 5 MB of seeded random words on one line, no line break
        Random random = new Random(13);
        StringBuilder line = new StringBuilder(5 * 1024 * 1024 + 16);
        while (line.length() < 5 * 1024 * 1024) {
            for (int k = 1 + random.nextInt(9); k > 0; k--) {
                line.append((char) ('a' + random.nextInt(26)));
            }
            line.append(' ');
        }
        upload("one-line.txt", line.toString().getBytes(StandardCharsets.UTF_8));
        page.waitForSelector(
                "#current-text-name:text('one-line.txt')", new Page.WaitForSelectorOptions().setTimeout(120_000));
        assertThat(page.locator("#token-range")).containsText("Lines 0–0 of 1");
        int spans = page.locator("#token-spans .tok").count();
        assertTrue(spans > 0 && spans <= 400, spans + " token spans on one page");
        page.locator("#lines-next").click();
        assertThat(page.locator("#token-spans .line-no").first()).hasText("0…");
        screenshot("text-page-giant-line");

        // over the limit: the browser refuses the file before sending it
        upload("huge.txt", new byte[21 * 1024 * 1024]);
        assertThat(page.locator("#text-message"))
                .containsText("huge.txt is larger than the limit of 20.0 MB, so it was not sent");
        assertThat(page.locator("#current-text-name")).hasText("one-line.txt");
    }
}
