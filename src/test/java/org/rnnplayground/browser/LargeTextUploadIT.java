package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnnplayground.text.CleaningMode;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;
import org.rnnplayground.text.TokenPage;
import org.rnnplayground.text.TokenizerKind;
import org.rnnplayground.work.BoundedExecutors;
import org.rnnplayground.work.PoolHold;
import org.rnnplayground.work.WorkKind;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A large text as a user uploads it: its first tokens show while it is counted (the test holds the
 * analysis pool busy, so the counting state is certain to be seen), then the full counts follow, and
 * the page never holds more than a page of token spans.
 */
class LargeTextUploadIT extends BrowserTest {

    /** Token spans one page shows at most, whatever the text. */
    private static final int MAX_SPANS = TokenPage.Limits.DEFAULT.maxTokens();

    @Autowired
    private BoundedExecutors executors;

    /** {@code n} distinct made-up words (base-26 counters b, c, ..., z, ba, bb, ...), 16 to a line. */
    private static String distinctWords(int n) {
        StringBuilder text = new StringBuilder(n * 6);
        for (int i = 1; i <= n; i++) {
            StringBuilder word = new StringBuilder();
            for (int v = i; v > 0; v /= 26) {
                word.append((char) ('a' + v % 26));
            }
            text.append(word.reverse()).append(i % 16 == 0 ? '\n' : ' ');
        }
        return text.toString();
    }

    /** Seeded pseudo-random Han characters, lines of 30 ending with a full stop. */
    private static String chinese(int chars) {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder(chars + 64);
        while (text.length() < chars) {
            for (int k = 0; k < 30; k++) {
                text.append((char) (0x4E00 + random.nextInt(3000)));
            }
            text.append("。\n");
        }
        return text.toString();
    }

    private void upload(String tab, String name, String text) {
        page.locator("vaadin-tab").getByText(tab).click();
        page.locator("#upload input[type=file]")
                .setInputFiles(new FilePayload(name, "text/plain", text.getBytes(StandardCharsets.UTF_8)));
    }

    private void assertBoundedSpans() {
        int spans = page.locator("#token-spans .tok").count();
        assertTrue(spans > 0 && spans <= MAX_SPANS, spans + " token spans on one page");
    }

    @Test
    void aMillionDistinctWordsShowTheirFirstTokensThenTheirCounts() throws Exception {
        open("text");
        assertThat(page.locator("#vocab-size")).hasText("28");
        page.locator("#tokenizer").click();
        page.locator("vaadin-select-item")
                .getByText("Words", new Locator.GetByTextOptions().setExact(true))
                .click();
        assertThat(page.locator("#vocab-size")).hasText("4,580");
        awaitServer();
        int n = 1_000_000; // about 6 MB
        String text = distinctWords(n);

        try (PoolHold counting = PoolHold.of(executors.pool(WorkKind.TEXT_ANALYSIS))) {
            upload("Upload", "million.txt", text);
            assertThat(page.locator("#current-text-name")).hasText("million.txt");
            assertThat(page.locator("#token-spans .tok").first()).hasText("b");
            assertThat(page.locator("#token-spans .tok").nth(15)).hasText("q");
            assertThat(page.locator("#vocab-size")).hasText("counting…");
            assertThat(page.locator("#text-message")).containsText("Counting million.txt");
            assertThat(page.locator("#vocab-counting")).isVisible();
            assertThat(page.locator("#token-range")).containsText("counting the whole text");
            assertBoundedSpans();
            screenshot("text-page-counting");
        }

        assertThat(page.locator("#vocab-size")).hasText(String.format(Locale.US, "%,d", n + 1));
        assertThat(page.locator("#corpus-length")).hasText(String.format(Locale.US, "%,d", n));
        assertThat(page.locator("#token-spans .tok").first()).hasAttribute("data-index", "1");
        assertThat(page.locator("#token-range")).containsText("of 62,500 · tokens 0–");
        assertThat(page.locator("#vocab-counting")).isHidden();
        assertThat(page.locator("#vocab-grid vaadin-grid-cell-content")
                        .getByText("b", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertBoundedSpans();
        // the grid holds the rows it shows, not a million
        int cells = page.locator("#vocab-grid vaadin-grid-cell-content").count();
        assertTrue(cells < 3 * 200, cells + " vocabulary cells in the page");
        screenshot("text-page-counted");
    }

    @Test
    void aLargeChineseTextShowsItsFirstCharactersWhileCountedInChinese() throws Exception {
        context.close();
        context = newUser("zh-CN");
        page = context.newPage();
        open("text");
        assertThat(page.locator("#vocab-size")).hasText("28");
        String text = chinese(1_000_000);

        try (PoolHold counting = PoolHold.of(executors.pool(WorkKind.TEXT_ANALYSIS))) {
            upload("上传", "长文本.txt", text);
            assertThat(page.locator("#current-text-name")).hasText("长文本.txt");
            assertThat(page.locator("#token-spans .tok").first()).hasText(text.substring(0, 1));
            assertThat(page.locator("#vocab-size")).hasText("统计中…");
            assertThat(page.locator("#text-message")).containsText("正在统计 长文本.txt");
            assertThat(page.locator("#vocab-counting")).hasText("正在统计词表…");
            assertBoundedSpans();
            screenshot("zh-text-page-counting");
        }

        // cleaned in Unicode mode (chosen for a Chinese text), as the product processes it
        ProcessedText expected =
                TextPipeline.process(text, new TextOptions(CleaningMode.UNICODE, true, TokenizerKind.CHAR, 0, 0));
        assertThat(page.locator("#vocab-size")).hasText(String.format(Locale.US, "%,d", expected.vocabSize()));
        assertThat(page.locator("#corpus-length")).hasText(String.format(Locale.US, "%,d", expected.corpusLength()));
        assertThat(page.locator("#text-notice [data-key]")).hasAttribute("data-key", "text.notice.switchedToUnicode");
        assertBoundedSpans();
        screenshot("zh-text-page-counted");
    }
}
