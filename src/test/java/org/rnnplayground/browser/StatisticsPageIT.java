package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Statistics page on the text chosen on the Text page: top n-grams, Zipf's law, the share of ranks fitted. */
class StatisticsPageIT extends BrowserTest {

    private void choose(String selectId, String itemText) {
        page.locator("#" + selectId).click();
        page.locator("vaadin-select-item")
                .getByText(itemText, new Locator.GetByTextOptions().setExact(true))
                .click();
    }

    /** The rendered row (rank, n-gram, count) of a top-n grid whose n-gram cell reads {@code ngram}. */
    @SuppressWarnings("unchecked")
    private List<String> row(String gridSelector, String ngram) {
        page.waitForCondition(() -> (Boolean) page.evaluate(
                "([sel, text]) => [...document.querySelectorAll(sel + ' vaadin-grid-cell-content')]"
                        + ".some(c => c.textContent.trim() === text)",
                List.of(gridSelector, ngram)));
        return (List<String>) page.evaluate(
                "([sel, text]) => { const cells = [...document.querySelectorAll(sel + ' vaadin-grid-cell-content')]"
                        + ".map(c => c.textContent.trim()); const i = cells.indexOf(text);"
                        + " return cells.slice(i - 1, i + 2); }",
                List.of(gridSelector, ngram));
    }

    private void setShare(String percent) {
        page.locator("#zipf-share input").fill(percent);
        page.locator("#zipf-share input").press("Enter");
    }

    @Test
    void wordsOfTheTimeMachineShowTheBooksTopNGramsAndAZipfFitForEachOrder() {
        open("text");
        assertThat(page.locator("#vocab-size")).hasText("28");
        choose("tokenizer", "Words");
        assertThat(page.locator("#vocab-size")).hasText("4,580");

        page.locator("#nav-statistics").click();
        page.waitForURL("**/statistics");
        assertThat(page.locator("#stats-text-name")).hasText("The Time Machine");
        assertThat(page.locator("#stats-text-options")).containsText("Words");
        assertThat(page.locator("#stats-char-hint")).isHidden();

        // d2l 8.3: the most frequent unigram, bigram and trigram of The Time Machine
        assertEquals(List.of("1", "the", "2261"), row("#top-unigrams", "the"));
        assertEquals(List.of("1", "of the", "309"), row("#top-bigrams", "of the"));
        assertEquals(List.of("1", "the time traveller", "59"), row("#top-trigrams", "the time traveller"));

        // three data series and three fitted lines, drawn
        page.waitForCondition(() -> chartPoints("#zipf-chart") > 300);
        page.waitForCondition(() -> paintedPixels("#zipf-chart") > 5000);
        assertThat(page.locator("#zipf-distinct-1")).hasText("4,579"); // the vocabulary less <unk>
        assertThat(page.locator("#zipf-total-2")).hasText("32,774");
        assertThat(page.locator("#zipf-ranks-1")).hasText("4,579");
        String alphaAll = page.textContent("#zipf-alpha-1");
        double alpha = Double.parseDouble(alphaAll);
        assertTrue(alpha > 0.8 && alpha < 1.2, "word frequencies follow Zipf's law with alpha near 1: " + alpha);
        double trigramAlpha = Double.parseDouble(page.textContent("#zipf-alpha-3"));
        assertTrue(trigramAlpha < alpha, "trigram frequencies fall off more slowly than unigram ones");
        screenshot("statistics-page-words");
        page.locator("#top-trigrams").scrollIntoViewIfNeeded();
        screenshot("statistics-page-words-tables");

        // fitting only the top 10 % of the ranks changes the exponents without a reload
        setShare("10");
        assertThat(page.locator("#zipf-ranks-1")).hasText("458");
        assertNotEquals(alphaAll, page.textContent("#zipf-alpha-1"));
        assertThat(page.locator("#stats-text-name")).hasText("The Time Machine");
        screenshot("statistics-page-share10");

        // a share outside 1..100 is explained next to the field; the fit stays as it was
        setShare("0");
        assertThat(page.locator("#zipf-share")).hasAttribute("invalid", "");
        assertThat(page.locator("#zipf-share")).containsText("from 1 to 100");
        assertThat(page.locator("#zipf-ranks-1")).hasText("458");
    }

    @Test
    void theDefaultTextIsCountedByCharacterAndThePageSpeaksChinese() {
        context.close();
        context = newUser("zh-CN");
        page = context.newPage();
        open("statistics");
        assertThat(page.locator("#page-title")).hasText("语言统计");
        assertThat(page.locator("#stats-text-name")).hasText("时间机器（The Time Machine）");
        assertThat(page.locator("#stats-char-hint")).isVisible();
        // the space is the most frequent character, shown as ␣; bigrams are written together
        assertEquals("1", row("#top-unigrams", "␣").getFirst());
        assertEquals("e␣", row("#top-bigrams", "e␣").get(1));
        page.waitForCondition(() -> chartPoints("#zipf-chart") > 0);
        page.waitForCondition(() -> paintedPixels("#zipf-chart") > 5000);
        assertThat(page.locator("#zipf-ranks-1")).hasText("27");
        page.locator("#stats-change-text").click();
        page.waitForURL("**/text");
        assertThat(page.locator("#page-text")).isVisible();
        page.goBack(new Page.GoBackOptions());
        page.waitForSelector("#page-statistics");
        page.waitForCondition(() -> paintedPixels("#zipf-chart") > 5000);
        screenshot("statistics-page-zh");
        page.locator("#top-trigrams").scrollIntoViewIfNeeded();
        screenshot("statistics-page-zh-tables");
    }
}
