package org.rnnplayground.text.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.text.AdversarialTexts;
import org.rnnplayground.text.CleaningMode;
import org.rnnplayground.text.TokenPage;
import org.rnnplayground.text.TokenizerKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Text page against bad and hostile input (issue 13), rendered server-side without a browser:
 * every input gets a clear message or renders a bounded page, a refusal keeps the previous text,
 * the page keeps answering, and the heap stays bounded.
 */
@SpringBootTest(classes = Application.class)
@ViewPackages(packages = "org.rnnplayground")
class TextInputLimitsViewTest extends SpringBrowserlessTest {

    private static final String TIME_MACHINE = "The Time Machine";

    @Autowired
    private TextProperties properties;

    private static void await(TextView view, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as("the page says: " + view.message.getText())
                    .isLessThan(deadline);
            Thread.sleep(20);
            MockVaadin.clientRoundtrip(); // runs the ui.access tasks of the background threads
        }
    }

    /** Waits until the page has shown a text or a message and is no longer busy. */
    private static void awaitIdle(TextView view) throws InterruptedException {
        MockVaadin.clientRoundtrip();
        await(view, () -> !view.progress.isVisible());
    }

    private TextView openWithTheTimeMachine() throws InterruptedException {
        TextView view = navigate(TextView.class);
        await(view, () -> TIME_MACHINE.equals(view.currentName.getText()) && !view.progress.isVisible());
        return view;
    }

    private static void upload(TextView view, String name, byte[] bytes) throws IOException, InterruptedException {
        view.sources.receive(UI.getCurrent(), name, bytes.length, new ByteArrayInputStream(bytes));
        awaitIdle(view);
    }

    /** Pastes a text (as the browser would send it, past the paste guard) and clicks "Use this text". */
    private void paste(TextView view, String text) throws InterruptedException {
        view.sources.paste.setValue(text);
        ComponentUtil.fireEvent(view.sources.usePaste, new ClickEvent<>(view.sources.usePaste));
        awaitIdle(view);
    }

    private static void assertRefusedAndKept(TextView view, String messagePart) {
        assertThat(view.message.getText()).contains(messagePart).contains("the current text stays loaded");
        assertThat(view.message.getClassNames()).contains("message-error");
        assertThat(view.currentName.getText()).isEqualTo(TIME_MACHINE);
        assertThat(view.corpusLength.getText()).isEqualTo("170,580");
    }

    /** The HTML of the token spans shown now. */
    static String spansHtml(TextView view) {
        return ((Html) view.tokens.spans.getChildren().findFirst().orElseThrow()).getInnerHtml();
    }

    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Asserts that the page shown is within the panel's limits, whatever the text. */
    private static void assertBoundedPage(TextView view) {
        TokenPage page = view.tokens.page();
        assertThat(page).isNotNull();
        TokenPage.Limits limits = TokenPanel.LIMITS;
        assertThat(page.numTokens()).isPositive().isLessThanOrEqualTo(limits.maxTokens());
        String html = spansHtml(view);
        assertThat(count(html, "class=\"tok[ \"]")).isEqualTo(page.numTokens());
        // a span is about 150 characters of markup and tooltip around at most maxTokenChars of token
        // (each escaped to at most 6 characters, twice: shown and in the tooltip)
        assertThat(html.length())
                .isLessThan(limits.maxTokens() * 200 + 2 * 6 * limits.maxChars() + limits.maxLines() * 200);
    }

    @Test
    void badFilesAreExplainedAndTheTextStays() throws Exception {
        TextView view = openWithTheTimeMachine();

        upload(view, "empty.txt", new byte[0]);
        assertRefusedAndKept(view, "empty.txt is empty");

        upload(view, "photo.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        assertRefusedAndKept(view, "looks like a binary file");

        upload(view, "latin1.txt", "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e".getBytes(StandardCharsets.ISO_8859_1));
        assertRefusedAndKept(view, "latin1.txt is not valid UTF-8");

        upload(view, "gbk.txt", "床前明月光，疑是地上霜。".getBytes(Charset.forName("GBK")));
        assertRefusedAndKept(view, "gbk.txt is not valid UTF-8");

        // the page still answers: a small paste becomes the text
        paste(view, "abc abc abd");
        assertThat(view.currentName.getText()).isEqualTo("Pasted text");
        assertThat(view.corpusLength.getText()).isEqualTo("11");
    }

    /** An input stream of {@code size} letters that counts what is read, without holding them. */
    private static final class Letters extends InputStream {
        private final long size;
        private long read;

        Letters(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read < size ? 'a' + (int) (read++ % 26) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ('a' + (read + i) % 26);
            }
            read += n;
            return n;
        }
    }

    @Test
    void anUploadOverTheLimitIsRefusedBeforeItIsReadWhole() throws Exception {
        TextView view = openWithTheTimeMachine();
        long thirtyMb = 30L * 1024 * 1024;
        long max = properties.maxUploadBytes();
        assertThat(thirtyMb).isGreaterThan(max);

        // the browser announced 30 MB: refused without reading a byte
        Letters announced = new Letters(thirtyMb);
        boolean accepted = view.sources.receive(UI.getCurrent(), "big.txt", thirtyMb, announced);
        awaitIdle(view);
        assertThat(accepted).isFalse();
        assertThat(announced.read).isZero();
        assertRefusedAndKept(view, "big.txt is 30,720 KB, more than the limit of 20,480 KB");

        // no size announced: reading stops right after the limit
        Letters unannounced = new Letters(thirtyMb);
        assertThat(view.sources.receive(UI.getCurrent(), "stream.txt", -1, unannounced))
                .isFalse();
        awaitIdle(view);
        assertThat(unannounced.read).isGreaterThan(max).isLessThanOrEqualTo(max + 64 * 1024);
        assertRefusedAndKept(view, "stream.txt is larger than the limit of 20,480 KB");
    }

    @Test
    void pastesHaveTheUploadLimitAndVaadinsRequestLimitIsAboveIt() throws Exception {
        TextView view = openWithTheTimeMachine();
        long max = properties.maxUploadBytes();
        assertThat(view.sources.paste.getMaxLength()).isEqualTo((int) max);
        long requestLimit =
                VaadinService.getCurrent().getDeploymentConfiguration().getMaxRequestBodySize();
        assertThat(requestLimit).isGreaterThanOrEqualTo(RequestLimitCheck.neededFor(max));
        assertThat(view.sources.paste.getHelperText()).contains("20.0 MB");

        // over the limit (the browser would not send it; the server checks anyway)
        // a client that ignores the maxlength and the paste guard: the server still refuses it
        paste(view, AdversarialTexts.prose((int) max + 1024, 7));
        assertRefusedAndKept(view, "Pasted text is 20,481 KB, more than the limit of 20,480 KB");

        // 12 MB is within it: processed and shown one bounded page at a time
        String twelveMb = AdversarialTexts.prose(12 * 1024 * 1024, 8);
        paste(view, twelveMb);
        assertThat(view.currentName.getText()).isEqualTo("Pasted text");
        assertThat(view.tokens.range.getText()).startsWith("Lines 0–");
        assertBoundedPage(view);
    }

    @Test
    void rightToLeftScriptsAndEmojiRender() throws Exception {
        TextView view = openWithTheTimeMachine();
        view.cleaning.setValue(CleaningMode.UNICODE);
        awaitIdle(view);
        upload(view, "rtl.txt", "שלום עולם 😀\nمرحبا بالعالم 🎉👍🏽\n".getBytes(StandardCharsets.UTF_8));
        assertThat(view.currentName.getText()).isEqualTo("rtl.txt");
        String html = spansHtml(view);
        assertThat(html).contains(">ש<", ">م<", "dir=\"auto\"");
        // emoji are not letters: cleaning turns them into a space, and no half of one is left
        assertThat(html.chars().filter(c -> Character.isSurrogate((char) c))).isEmpty();
        assertThat(view.corpusLength.getText())
                .isEqualTo(String.valueOf("שלום עולם".length() + "مرحبا بالعالم".length()));
    }

    /** Uploads a generated text with a tokenizer, asserting a bounded page and bounded retained heap. */
    private void assertRendersWithinBounds(
            TextView view, String name, String text, TokenizerKind kind, long heapBytesPerChar) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        view.tokenizer.setValue(kind); // re-processes the current text first: not counted
        awaitIdle(view);
        long before = AdversarialTexts.settledHeap();
        upload(view, name, bytes);
        assertThat(view.currentName.getText()).as(view.message.getText()).isEqualTo(name);
        assertBoundedPage(view);
        view.tokens.showNext();
        assertBoundedPage(view);
        long retained = AdversarialTexts.settledHeap() - before;
        assertThat(retained)
                .as("heap kept for %s (%d bytes) with %s tokens", name, bytes.length, kind)
                .isLessThan(heapBytesPerChar * bytes.length);
    }

    @Test
    void giantShapesRenderABoundedPageWithinBoundedMemory() throws Exception {
        TextView view = openWithTheTimeMachine();
        // Kept per text: the raw string (1-2 bytes a char), the cleaned lines (1-2), the token ids
        // and the corpus (4 each per token, at most one token per char), the line starts (4 per
        // line); with char tokens that is under 16 bytes a char. Word tokens add the vocabulary:
        // a string and two map entries per distinct word (about 150 bytes for a 6-letter word).
        assertRendersWithinBounds(
                view, "line.txt", AdversarialTexts.singleLine(5 * 1024 * 1024, 1), TokenizerKind.CHAR, 24);
        assertRendersWithinBounds(view, "one.txt", AdversarialTexts.repeated('a', 1024 * 1024), TokenizerKind.WORD, 24);
        assertRendersWithinBounds(
                view, "one-char.txt", AdversarialTexts.repeated('a', 1024 * 1024), TokenizerKind.CHAR, 24);
        assertRendersWithinBounds(view, "words.txt", AdversarialTexts.distinctWords(1_000_000), TokenizerKind.WORD, 60);
        assertThat(view.vocabSize.getText()).isEqualTo("1,000,001");
    }
}
