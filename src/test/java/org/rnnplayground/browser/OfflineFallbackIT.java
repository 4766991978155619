package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnplayground.ui.i18n.TranslationProvider;
import org.springframework.test.context.TestPropertySource;

/**
 * An offline lab: The Time Machine is not in the corpus cache and its download address does not
 * answer. The pages open the included English sample instead and say why, in the user's language,
 * rather than a red error and an empty Train page.
 */
@TestPropertySource(
        properties = {
            "playground.corpus.cache=target/offline-lab-corpora",
            // the discard port on the loopback address: the connection is refused at once
            "playground.corpus.download-base=http://127.0.0.1:9/"
        })
class OfflineFallbackIT extends BrowserTest {

    private static final TranslationProvider I18N = new TranslationProvider();

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "zh-CN"})
    void everyPageOpensTheIncludedSampleAndSaysWhy(String languageTag) {
        context.close();
        context = newUser(languageTag);
        page = context.newPage();
        Locale locale = Locale.forLanguageTag(languageTag);
        String sample = I18N.getTranslation("corpus.catalog.rivers-en", locale);
        String timeMachine = I18N.getTranslation("corpus.catalog.timemachine", locale);
        String lang = locale.getLanguage();

        open("text");
        assertThat(page.locator("#current-text-name")).hasText(sample);
        assertThat(page.locator("#text-message")).not().hasClass("message-error");
        assertThat(page.locator("#text-notice")).isVisible();
        assertThat(page.locator("#text-notice [data-key]").first())
                .hasAttribute("data-key", "corpus.error.DOWNLOAD_FAILED");
        assertThat(page.locator("#text-notice")).containsText(timeMachine);
        assertThat(page.locator("#text-notice")).containsText("http://127.0.0.1:9/timemachine.txt");
        assertThat(page.locator("#text-notice")).containsText("offline-lab-corpora");
        assertThat(page.locator("#text-notice")).containsText(sample);
        int length =
                Integer.parseInt(page.locator("#corpus-length").textContent().replace(",", ""));
        assertTrue(length > 100, "the sample's characters are tokens: " + length);
        screenshot("offline-text-" + lang);

        open("train");
        assertThat(page.locator("#train-text")).containsText(sample);
        assertThat(page.locator("#train-text")).hasAttribute("data-tokenizer", "CHAR");
        assertThat(page.locator("#text-notice")).containsText(sample);
        assertThat(page.locator("#start-run")).isEnabled();
        screenshot("offline-train-" + lang);

        open("statistics");
        assertThat(page.locator("#stats-text-name")).hasText(sample);
        assertThat(page.locator("#text-notice")).isVisible();
        assertThat(page.locator("#stats-message")).isHidden();

        open("minibatches");
        assertThat(page.locator("#mb-text-name")).containsText(sample);
        assertThat(page.locator("#text-notice")).isVisible();
    }
}
