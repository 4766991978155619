package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Training away from The Time Machine in characters: words and a Chinese text, in both languages. */
class TrainAnyTextIT extends BrowserTest {

    /** A Chinese text this project wrote for its tests: short sentences that repeat, easy to learn. */
    static final String CHINESE = "循环神经网络一步一步地读文本。它记住前面读过的内容。\n".repeat(40);

    private void choose(String selectId, String itemText) {
        page.locator("#" + selectId).click();
        page.locator("vaadin-select-item")
                .getByText(itemText, new Locator.GetByTextOptions().setExact(true))
                .click();
        awaitServer();
    }

    private void set(String id, String value) {
        page.locator("#" + id + " input").fill(value);
        page.locator("#" + id + " input").press("Tab");
        awaitServer();
    }

    /** A few quick epochs with a sample after each, on the current text. */
    private void trainSmall(String maxTokens) {
        set("num-hiddens", "32");
        set("batch-size", "4");
        set("num-steps", "5");
        set("max-tokens", maxTokens);
        set("epochs", "3");
        set("sample-every", "1");
        page.locator("#start-run").click();
        assertThat(page.locator("#run-status"))
                .hasAttribute(
                        "data-status", "FINISHED", new LocatorAssertions.HasAttributeOptions().setTimeout(90_000));
    }

    @Test
    void aWordLevelRunReadsItsPrefixAsWordsAndWritesWordsWithSpaces() {
        open("text");
        choose("tokenizer", "Words");
        assertThat(page.locator("#vocab-size")).hasText("4,580");
        open("train");
        assertThat(page.locator("#train-text")).hasAttribute("data-tokenizer", "WORD");
        assertThat(page.locator("#train-text")).containsText("a token is a word");
        assertThat(page.locator("#train-vocab-warning")).containsText("4,580");
        assertThat(page.locator("#prefix input")).hasValue("time traveller");
        trainSmall("3000");

        String sample = page.locator("#samples .sample-text").first().textContent();
        assertTrue(sample.startsWith("time traveller "), sample);
        String[] words = sample.split(" ");
        assertTrue(words.length > 2 + 40, "the prefix and 50 words, joined by spaces: " + sample);
        assertThat(page.locator("#samples-note")).isHidden();

        page.locator("#gen-prefix input").fill("the time zebra");
        page.locator("#gen-run").click();
        assertThat(page.locator("#gen-output")).containsText("the time <unk> ");
        assertThat(page.locator("#gen-note")).containsText("'zebra'");
        screenshot("train-page-words");
    }

    @Test
    void aChineseTextTrainsFromItsOwnOpeningInTheChineseUi() {
        context.close();
        context = newUser("zh-CN");
        page = context.newPage();
        open("text");
        choose("cleaning", "Unicode 字母（任何文字）");
        page.locator("vaadin-tab").getByText("粘贴").click();
        page.locator("#paste-area textarea").fill(CHINESE);
        page.locator("#paste-use").click();
        assertThat(page.locator("#token-spans")).containsText("循");
        open("train");
        assertThat(page.locator("#train-text")).hasAttribute("data-tokenizer", "CHAR");
        String prefix = page.locator("#prefix input").inputValue();
        assertTrue(prefix.startsWith("循环神经网络"), "the prefix comes from the text: " + prefix);
        trainSmall("0");

        String sample = page.locator("#samples .sample-text").first().textContent();
        assertTrue(sample.startsWith(prefix), sample);
        assertFalse(sample.contains("<unk>"), sample);
        assertThat(page.locator("#run-status")).containsText(Pattern.compile("完成"));
        screenshot("train-page-chinese-zh");
    }
}
