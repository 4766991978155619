package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnplayground.corpus.CorpusCatalog;
import org.rnnplayground.ui.i18n.TranslationProvider;

/**
 * Training away from The Time Machine in characters: words, BPE and a Chinese text, each in the
 * English and the Chinese UI. Controls are found by id, and by their translated labels where a user
 * picks a list item, so one test serves both languages.
 */
class TrainAnyTextIT extends BrowserTest {

    /** A Chinese text this project wrote for its tests: short sentences that repeat, easy to learn. */
    static final String CHINESE = "循环神经网络一步一步地读文本。它记住前面读过的内容。\n".repeat(40);

    private static final TranslationProvider I18N = new TranslationProvider();

    private Locale locale = Locale.ENGLISH;

    /** Starts the test as a fresh user whose browser prefers {@code languageTag}. */
    private void asUser(String languageTag) {
        context.close();
        context = newUser(languageTag);
        page = context.newPage();
        locale = Locale.forLanguageTag(languageTag);
    }

    /** A UI text as the user's language has it. */
    private String t(String key, Object... params) {
        return I18N.getTranslation(key, locale, params);
    }

    private String lang() {
        return locale.getLanguage();
    }

    private void choose(String selectId, String itemText) {
        page.locator("#" + selectId).click();
        page.locator("vaadin-select-item")
                .getByText(itemText, new Locator.GetByTextOptions().setExact(true))
                .click();
        awaitServer();
    }

    /** A few quick epochs with a sample after each, on the current text. */
    private void trainSmall(String maxTokens) {
        fillIn("num-hiddens", "32");
        fillIn("batch-size", "4");
        fillIn("num-steps", "5");
        fillIn("max-tokens", maxTokens);
        fillIn("epochs", "3");
        fillIn("sample-every", "1");
        page.locator("#start-run").click();
        assertThat(page.locator("#run-status"))
                .hasAttribute(
                        "data-status", "FINISHED", new LocatorAssertions.HasAttributeOptions().setTimeout(90_000));
    }

    private String firstSample() {
        return page.locator("#samples .sample-text").first().textContent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "zh-CN"})
    void aWordLevelRunReadsItsPrefixAsWordsAndWritesWordsWithSpaces(String languageTag) {
        asUser(languageTag);
        open("text");
        choose("tokenizer", t("text.options.tokenizer.WORD"));
        assertThat(page.locator("#vocab-size")).hasText("4,580");
        open("train");
        assertThat(page.locator("#train-text")).hasAttribute("data-tokenizer", "WORD");
        assertThat(page.locator("#train-text")).containsText(t("train.text.tokens.WORD"));
        assertThat(page.locator("#train-vocab-warning")).containsText("4,580");
        assertThat(page.locator("#prefix input")).hasValue("time traveller");
        trainSmall("3000");

        String sample = firstSample();
        assertTrue(sample.startsWith("time traveller "), sample);
        assertTrue(sample.matches("[a-z<>]+( [a-z<>]+)*"), "words of the book, one space apart: " + sample);
        assertTrue(sample.split(" ").length > 2 + 40, "the prefix and 50 words, joined by spaces: " + sample);
        assertThat(page.locator("#samples-note")).isHidden();

        page.locator("#gen-prefix input").fill("the time zebra");
        page.locator("#gen-run").click();
        assertThat(page.locator("#gen-output")).containsText("the time <unk> ");
        assertThat(page.locator("#gen-note")).containsText("zebra");
        screenshot("train-page-words-" + lang());
        // inside the word-level model: words in the passage, each with its state and its odds
        open("inside");
        assertThat(page.locator("#unit-text span[data-i]")
                        .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*[a-z]{2,}\\s*$")))
                        .first())
                .isVisible();
        assertThat(page.locator("#next-token-text span").first()).isVisible();
        screenshot("inside-words-" + lang());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "zh-CN"})
    void aBpeRunWritesTextBackAsTheBookCleanedIt(String languageTag) {
        asUser(languageTag);
        open("text");
        choose("tokenizer", t("text.options.tokenizer.BPE"));
        assertThat(page.locator("#bpe-merges")).isVisible();
        // a long text is counted after its first tokens show: wait for the new count, not "counting…"
        page.waitForCondition(() -> page.locator("#vocab-size").textContent().matches("[0-9,]+")
                && !page.locator("#vocab-size").textContent().equals("28"));
        int vocab = Integer.parseInt(page.locator("#vocab-size").textContent().replace(",", ""));
        assertTrue(vocab > 28, "merges add symbols to the 28 characters: " + vocab);
        open("train");
        assertThat(page.locator("#train-text")).hasAttribute("data-tokenizer", "BPE");
        assertThat(page.locator("#train-text")).containsText(t("train.text.tokens.BPE"));
        String prefix = page.locator("#prefix input").inputValue();
        assertEquals("time traveller", prefix, "the book's prefix is made of symbols this text knows");
        trainSmall("3000");

        String sample = firstSample();
        assertTrue(sample.startsWith(prefix), sample);
        // BPE symbols concatenated, the space a symbol of its own: the book's cleaned text, no markers
        assertTrue(sample.matches("[a-z ]+"), "letters and spaces only: " + sample);
        assertTrue(sample.length() > prefix.length() + 20, sample);
        screenshot("train-page-bpe-" + lang());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "zh-CN"})
    void theChineseSampleOpensInUnicodeModeAndEveryPageHasItsTokens(String languageTag) {
        asUser(languageTag);
        open("text");
        String name = t("corpus.catalog.rnn-zh");
        page.locator("#catalog-grid vaadin-grid-cell-content")
                .getByText(name, new Locator.GetByTextOptions().setExact(true))
                .click();
        assertThat(page.locator("#current-text-name")).hasText(name);
        assertThat(page.locator("#text-notice")).isVisible();
        assertThat(page.locator("#text-notice [data-key]")).hasAttribute("data-key", "text.notice.switchedToUnicode");
        assertThat(page.locator("#text-notice")).containsText("Unicode");
        assertThat(page.locator("#cleaning")).containsText(t("text.options.cleaning.UNICODE"));
        assertThat(page.locator("#use-unicode")).hasCount(0);
        assertThat(page.locator("#token-spans")).containsText("循");
        int length =
                Integer.parseInt(page.locator("#corpus-length").textContent().replace(",", ""));
        assertTrue(length > 300, "the Chinese characters are tokens: " + length);
        screenshot("text-page-chinese-sample-" + lang());

        open("statistics");
        assertThat(page.locator("#stats-text-name")).hasText(name);
        assertThat(page.locator("#text-notice")).isVisible();
        assertThat(page.locator("#top-unigrams vaadin-grid-cell-content")
                        .getByText("的", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();

        open("minibatches");
        assertThat(page.locator("#layout-random .mb-row").first()).containsText(Pattern.compile("[\\u4e00-\\u9fff]"));

        open("train");
        assertThat(page.locator("#train-text")).containsText(name);
        assertThat(page.locator("#train-text")).hasAttribute("data-tokenizer", "CHAR");
        String prefix = page.locator("#prefix input").inputValue();
        assertTrue(prefix.startsWith("循环神经网络"), "the prefix comes from the text: " + prefix);
        trainSmall("0");

        String sample = firstSample();
        assertTrue(sample.startsWith(prefix), sample);
        assertFalse(sample.contains("<unk>"), sample);
        assertTrue(
                sample.substring(prefix.length())
                        .codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "the model writes Chinese: " + sample);
        screenshot("train-page-chinese-" + lang());
        // inside the Chinese model: its own characters in the passage, each with its state and odds
        open("inside");
        assertThat(page.locator("#unit-text")).containsText(Pattern.compile("[\\u4e00-\\u9fff]"));
        assertThat(page.locator("#next-token-text span").first()).isVisible();
        screenshot("inside-chinese-" + lang());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "zh-CN"})
    void bookCleaningChosenForAChineseTextSaysWhyItIsEmptyAndOffersUnicode(String languageTag) {
        asUser(languageTag);
        open("text");
        page.locator("vaadin-tab").getByText(t("text.source.paste")).click();
        page.locator("#paste-area textarea").fill(CHINESE);
        page.locator("#paste-use").click();
        assertThat(page.locator("#current-text-name")).hasText(t("text.paste.name"));
        assertThat(page.locator("#text-notice [data-key]")).hasAttribute("data-key", "text.notice.switchedToUnicode");
        assertThat(page.locator("#token-spans")).containsText("循");
        // the notice stays with the text while it is still cleaned in Unicode mode
        choose("tokenizer", t("text.options.tokenizer.WORD"));
        assertThat(page.locator("#token-spans .tok.word").first()).isVisible();
        assertThat(page.locator("#text-notice [data-key]")).hasAttribute("data-key", "text.notice.switchedToUnicode");

        choose("cleaning", t("text.options.cleaning.BOOK"));
        assertThat(page.locator("#corpus-length")).hasText("0");
        assertThat(page.locator("#text-notice [data-key]")).hasAttribute("data-key", "text.notice.bookRemoves");
        assertThat(page.locator("#text-notice")).containsText("100");
        assertThat(page.locator("#use-unicode")).isVisible();
        screenshot("text-page-book-chosen-" + lang());

        page.locator("#use-unicode").click();
        assertThat(page.locator("#cleaning")).containsText(t("text.options.cleaning.UNICODE"));
        assertThat(page.locator("#text-notice")).isHidden();
        assertThat(page.locator("#token-spans")).containsText("循");
        assertFalse(page.locator("#corpus-length").textContent().equals("0"));
    }

    /** The catalog's names in the user's language, for every entry. */
    @ParameterizedTest
    @ValueSource(strings = {"en-US", "zh-CN"})
    void theSamplesAndTheirLanguagesAreNamedInTheUsersLanguage(String languageTag) {
        asUser(languageTag);
        open("text");
        Locator cells = page.locator("#catalog-grid vaadin-grid-cell-content");
        for (var entry : CorpusCatalog.load().entries()) {
            assertThat(cells.getByText(
                            t("corpus.catalog." + entry.id()), new Locator.GetByTextOptions().setExact(true)))
                    .isVisible();
        }
        assertThat(cells.getByText(t("corpus.language.zh"), new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(cells.getByText(t("corpus.language.en"), new Locator.GetByTextOptions().setExact(true))
                        .first())
                .isVisible();
        assertThat(page.locator("#vocab-grid vaadin-grid-cell-content")
                        .getByText(t("text.vocab.space"), new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
    }
}
