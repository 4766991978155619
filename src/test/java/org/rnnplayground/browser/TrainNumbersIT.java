package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.training.RunRegistry;
import org.rnnplayground.training.RunSnapshot;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Train form reads numbers as people type them: lr {@code 1e-3} trains with 0.001, theta
 * {@code 2E-1} clips at 0.2; a whole-number field holding {@code 1e7}, {@code 12.5} or {@code abc}
 * is refused next to itself, keeps its text, and Start launches nothing. In English and Chinese.
 */
class TrainNumbersIT extends BrowserTest {

    private static final String[] FIELDS = {
        "num-hiddens",
        "batch-size",
        "num-steps",
        "lr",
        "clip",
        "theta",
        "sampler",
        "epochs",
        "activation",
        "seed",
        "max-tokens",
        "prefix",
        "sample-every"
    };

    @Autowired
    private RunRegistry runs;

    private void choosePreset(String name) {
        page.locator("#preset").click();
        page.locator("vaadin-select-item")
                .getByText(name, new Locator.GetByTextOptions().setExact(true))
                .click();
        awaitServer();
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("/tmp/screenshots-forms", name + ".png"))
                .setFullPage(false));
    }

    private int runCount() {
        return runs.all().size();
    }

    @Test
    void scientificNotationTrainsWithTheTypedValuesAndWholeNumbersAreNeverRewritten() {
        open("train");
        assertThat(page.locator("#train-text")).containsText("The Time Machine");
        choosePreset("Quick try: 128 hidden units, 60 epochs");
        fillIn("num-hiddens", "32");
        fillIn("max-tokens", "2000");
        fillIn("batch-size", "8");
        fillIn("sample-every", "0");
        fillIn("lr", "1e-3");
        fillIn("theta", "2E-1");
        fillIn("epochs", "1e7"); // once 17, silently
        assertThat(page.locator("#epochs")).hasAttribute("invalid", "");
        assertThat(page.locator("#epochs")).containsText("“1e7” is not a whole number");
        assertThat(page.locator("#epochs")).containsText("from 1 to 5,000");
        assertThat(page.locator("#epochs input")).hasValue("1e7");
        fillIn("num-steps", "12.5");
        assertThat(page.locator("#num-steps")).containsText("“12.5” is not a whole number");
        assertThat(page.locator("#lr")).not().hasAttribute("invalid", "");
        assertEquals(List.of(), coveringMessages(FIELDS));
        shot("train-numbers-refused-en");

        int before = runCount();
        page.locator("#start-run").click();
        assertThat(page.locator("#launch-message")).containsText("not valid");
        awaitServer();
        assertEquals(before, runCount(), "Start launched nothing");

        fillIn("epochs", "3");
        fillIn("num-steps", "10");
        page.locator("#start-run").click();
        assertThat(page.locator("#launch-message")).containsText("r");
        page.waitForCondition(() -> runCount() == before + 1);
        RunSnapshot run = runs.all().stream()
                .filter(r -> r.spec().config().numEpochs() == 3)
                .findFirst()
                .orElseThrow();
        TrainConfig config = run.spec().config();
        assertEquals(0.001, config.hyper().lr(), "lr as typed, 1e-3");
        assertEquals(0.2, config.hyper().theta(), "theta as typed, 2E-1");
        assertEquals(3, config.numEpochs());
        assertEquals(10, config.numSteps());
        assertThat(page.locator("#runs-grid")).containsText("0.001");

        // the generation panel's fields too
        fillIn("gen-seed", "1e3");
        assertThat(page.locator("#gen-seed")).containsText("“1e3” is not a whole number");
        fillIn("gen-temperature", "5e-1");
        assertThat(page.locator("#gen-temperature")).not().hasAttribute("invalid", "");
    }

    @Test
    void theChineseFormExplainsInChinese() {
        context.close();
        context = newUser("zh-CN");
        page = context.newPage();
        open("train");
        fillIn("num-hiddens", "abc");
        assertThat(page.locator("#num-hiddens")).containsText("“abc”不是整数。请输入");
        fillIn("lr", "1e-3x");
        assertThat(page.locator("#lr")).hasAttribute("invalid", "");
        assertThat(page.locator("#lr")).containsText("“1e-3x”不是数字");
        fillIn("theta", "１ｅ６"); // full-width, from a Chinese input method: 1e6
        assertThat(page.locator("#theta")).not().hasAttribute("invalid", "");
        assertEquals(List.of(), coveringMessages(FIELDS));
        fillIn("gen-temperature", "abc");
        assertThat(page.locator("#gen-temperature")).containsText("“abc”不是数字");
        shot("train-numbers-refused-zh");
        int before = runCount();
        page.locator("#start-run").click();
        assertThat(page.locator("#launch-message")).hasText(Pattern.compile("有些值无效"));
        awaitServer();
        assertEquals(before, runCount());
    }
}
