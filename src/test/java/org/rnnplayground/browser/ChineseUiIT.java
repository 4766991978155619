package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every page in the Chinese UI, with the included Chinese sample as the text (so the text's own
 * tokens are Chinese too): any Latin word left on a page is UI text that was not translated, unless
 * it is the book's notation or a name that stays as it is. Screenshots of each page land in
 * target/screenshots ({@code zh-ui-*}).
 */
class ChineseUiIT extends BrowserTest {

    private static final List<String> PAGES =
            List.of("text", "statistics", "minibatches", "shapes", "train", "sequence");

    /**
     * Latin words the Chinese UI keeps (compared in lower case, as CSS may capitalise labels): the
     * book's notation and code as the Chinese edition of d2l prints them, names of software and
     * methods, and the corpus name shown beside its translation.
     */
    private static final Set<String> KEPT = Set.of(
            // names
            "rnn",
            "lstm",
            "gru",
            "mlp",
            "bpe",
            "nd4j",
            "dl4j",
            "cpu",
            "gpu",
            "openblas",
            "unicode",
            "d2l",
            "adam",
            "csv",
            "json",
            "utf",
            "txt",
            "zipf",
            "the",
            "time",
            "machine",
            "playground",
            "mb",
            "kb",
            // the book's notation
            "batch_size",
            "num_steps",
            "num_hiddens",
            "vocab_size",
            "num_layers",
            "num_epochs",
            "min_freq",
            "max_tokens",
            "n_train",
            "lr",
            "theta",
            "tau",
            "unk",
            "relu",
            "tanh",
            "sigma",
            "sin",
            "ln",
            "n_i",
            "x_t",
            "h_t",
            "o_t",
            "w_xh",
            "w_hh",
            "w_hq",
            "b_h",
            "b_q",
            // the book's code, printed as the book prints it
            "for",
            "in",
            "print",
            "reshape",
            "tensor",
            "my_seq",
            "seq_data_iter_",
            "seq_data_iter_random",
            "seq_data_iter_sequential",
            "read_time_machine");

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]+");

    /**
     * Where the pages print the book's code and mathematics (tensor names, {@code torch.cat},
     * equations), which stay as the book writes them.
     */
    private static final String CODE_AND_MATH = ".math, .code, .code-name, .equation, .tensor-name, .shape, code, pre";

    /** The visible text of the application (the shell and the page), less its code and mathematics. */
    private String visibleText() {
        return (String) page.evaluate(
                "skip => { const root = document.querySelector('vaadin-app-layout');"
                        + " const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); const out = [];"
                        + " for (let n = walker.nextNode(); n; n = walker.nextNode()) {"
                        + "   const el = n.parentElement;"
                        + "   if (el && !el.closest(skip) && el.checkVisibility()) out.push(n.textContent); }"
                        + " return out.join(' '); }",
                CODE_AND_MATH);
    }

    /** Latin words on the page that are not in {@link #KEPT}. */
    private Set<String> leftover() {
        Set<String> words = new TreeSet<>();
        Matcher m = LATIN_WORD.matcher(visibleText());
        while (m.find()) {
            if (!KEPT.contains(m.group().toLowerCase(Locale.ROOT))) {
                words.add(m.group());
            }
        }
        return words;
    }

    private void tallScreenshot(String name, int height) {
        page.setViewportSize(1400, height);
        page.waitForTimeout(400);
        screenshot(name);
        page.setViewportSize(1400, 1000);
    }

    @Test
    void everyPageSpeaksChinese() {
        context.close();
        context = newUser("zh-CN");
        page = context.newPage();
        open("text");
        page.locator("#catalog-grid vaadin-grid-cell-content")
                .getByText("循环神经网络（简短中文文本）", new Locator.GetByTextOptions().setExact(true))
                .click();
        assertThat(page.locator("#current-text-name")).hasText("循环神经网络（简短中文文本）");
        awaitServer();

        Map<String, Set<String>> leftovers = new TreeMap<>();
        // the Text page's other sources: the upload (Vaadin's own button and texts) and the paste
        for (String tab : List.of("上传", "粘贴")) {
            page.locator("vaadin-tab").getByText(tab).click();
            awaitServer();
            tallScreenshot("zh-ui-text-" + (tab.equals("上传") ? "upload" : "paste"), 1400);
            Set<String> words = leftover();
            if (!words.isEmpty()) {
                leftovers.put("text, tab " + tab, words);
            }
        }
        for (String route : PAGES) {
            page.locator("#nav-" + route).click();
            page.waitForURL("**/" + route);
            assertThat(page.locator("#page-" + route)).isVisible();
            awaitServer();
            page.waitForTimeout(1500);
            awaitServer();
            tallScreenshot("zh-ui-" + route, 3000);
            Set<String> words = leftover();
            if (!words.isEmpty()) {
                leftovers.put(route, words);
            }
        }

        // a run with its status, charts, samples and generated text, on the book's default settings
        page.locator("#nav-train").click();
        page.waitForURL("**/train");
        fillIn("num-hiddens", "32");
        fillIn("epochs", "3");
        fillIn("sample-every", "1");
        page.locator("#start-run").click();
        assertThat(page.locator("#run-status"))
                .hasAttribute(
                        "data-status", "FINISHED", new LocatorAssertions.HasAttributeOptions().setTimeout(90_000));
        page.locator("#gen-run").click();
        assertThat(page.locator("#gen-output")).not().isEmpty();
        awaitServer();
        tallScreenshot("zh-ui-train-run", 2400);
        Set<String> words = leftover();
        words.removeIf(w -> w.matches("r\\d+")); // run ids
        if (!words.isEmpty()) {
            leftovers.put("train with a run", words);
        }
        System.out.println("Latin words left in the Chinese UI: " + leftovers);
        assertTrue(leftovers.isEmpty(), "English left in the Chinese UI: " + leftovers);
    }
}
