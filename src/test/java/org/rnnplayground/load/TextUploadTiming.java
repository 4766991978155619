package org.rnnplayground.load;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.browser.Chromium;
import org.rnnplayground.text.CleaningMode;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TextPipeline;
import org.rnnplayground.text.TokenizerKind;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A measurement, not a test of speed ({@code ./mvnw -B verify -Pload -Dit.test=TextUploadTiming}):
 * uploads large generated texts (or those whose label contains one of {@code -Dtiming.cases=BPE;Chinese}) on the Text page and reports, per text and tokenizer, the time from
 * choosing the file until the page shows the text's first tokens, and until it shows the full
 * counts (the vocabulary size), with the bytes the server sent the browser meanwhile. Each text is
 * uploaded twice, the first time to warm the JVM up; the report gives both. Writes {@code
 * target/text-timing-report.md}. Other sessions may share the machine's cores: read the figures as
 * what one user saw on this machine at that time.
 */
@SpringBootTest(
        classes = Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1"})
class TextUploadTiming {

    private static final int MB = 1_000_000;

    @LocalServerPort
    int port;

    /** One text to upload, the tokenizer to choose first, and what the page must show at the end. */
    private record Case(String label, String file, String text, TokenizerKind kind, String firstToken) {}

    /** Distinct made-up words (base-26 counters: a, b, ..., z, ba, bb, ...), 16 to a line, or all on one line. */
    static String distinctWords(int bytes, boolean oneLine) {
        StringBuilder text = new StringBuilder(bytes + 16);
        for (int i = 1; text.length() < bytes - 8; i++) {
            text.append(word(i));
            text.append(!oneLine && i % 16 == 0 ? '\n' : ' ');
        }
        return text.toString();
    }

    /** {@code i} written in base 26 with the digits a..z, most significant first. */
    static String word(int i) {
        StringBuilder w = new StringBuilder();
        for (int v = i; v > 0; v /= 26) {
            w.append((char) ('a' + v % 26));
        }
        return w.reverse().toString();
    }

    /** Seeded pseudo-random Han characters in lines of 40, each ending with a full stop. */
    static String chinese(int bytes) {
        Random random = new Random(1);
        StringBuilder text = new StringBuilder(bytes / 3 + 64);
        while (text.length() * 3 < bytes - 64) {
            for (int k = 0; k < 40; k++) {
                text.append((char) (0x4E00 + random.nextInt(3000)));
            }
            text.append("。\n");
        }
        return text.toString();
    }

    private static String choiceLabel(TokenizerKind kind) {
        return switch (kind) {
            case CHAR -> "Characters";
            case WORD -> "Words";
            case BPE -> "Byte-pair encoding";
        };
    }

    @Test
    void uploadToFirstPageAndToFullCounts() throws Exception {
        String words6 = distinctWords(6 * MB, false);
        String words20 = distinctWords(20 * MB, false);
        String line20 = distinctWords(20 * MB, true);
        String zh6 = chinese(6 * MB);
        List<Case> cases = List.of(
                new Case("6 MB, distinct words, word tokens", "words6.txt", words6, TokenizerKind.WORD, "b"),
                new Case("20 MB, distinct words, word tokens", "words20.txt", words20, TokenizerKind.WORD, "b"),
                new Case("20 MB on one line, word tokens", "line20.txt", line20, TokenizerKind.WORD, "b"),
                new Case("20 MB on one line, char tokens", "line20c.txt", line20, TokenizerKind.CHAR, "b"),
                new Case("6 MB, distinct words, BPE 200 merges", "bpe6.txt", words6, TokenizerKind.BPE, null),
                new Case("6 MB Chinese, char tokens", "zh6.txt", zh6, TokenizerKind.CHAR, zh6.substring(0, 1)));

        StringBuilder report = new StringBuilder();
        report.append("# Text page: upload to first page and to full counts\n\n");
        report.append(String.format(
                Locale.ROOT,
                "%d processors, java %s; times in ms from choosing the file (cold = first upload of that text"
                        + " in this JVM, warm = the second, of a text one word longer so that no cached result is used), measured in the browser from the moment it starts sending the"
                        + " file; KB = what the server sent the browser until the full counts showed; whole round ="
                        + " from the test handing the file to the browser (includes Playwright's own transfer)\n\n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version()));
        report.append("| text | bytes | first tokens cold | full counts cold | first tokens warm | full counts warm"
                + " | KB sent (warm) | whole round warm |\n|---|---|---|---|---|---|---|---|\n");
        try (Playwright playwright = Chromium.playwright();
                Browser browser = Chromium.launch(playwright)) {
            String only = System.getProperty("timing.cases", ""); // e.g. "BPE;Chinese": labels containing one
            for (Case c : cases) {
                if (!only.isBlank() && java.util.Arrays.stream(only.split(";")).noneMatch(c.label()::contains)) {
                    continue;
                }
                long[] cold = measure(browser, c, c.text());
                // another text of the same shape (one word more at the end), so no cached result is reused
                long[] warm = measure(browser, c, c.text() + (c.text().charAt(0) >= 0x4E00 ? "龘" : " zzqzzqzzq"));
                String row = String.format(
                        Locale.ROOT,
                        "| %s | %,d | %d | %d | %d | %d | %,d | %d |%n",
                        c.label(),
                        c.text().getBytes(StandardCharsets.UTF_8).length,
                        cold[0],
                        cold[1],
                        warm[0],
                        warm[1],
                        warm[2] / 1024,
                        warm[3]);
                System.out.print(row);
                report.append(row);
            }
        }
        Files.writeString(Path.of("target", "text-timing-report.md"), report);
        System.out.println(report);
    }

    /**
     * @return {ms to first tokens, ms to full counts, bytes received, ms of the whole round including
     *     the test's own transfer of the file into the browser} for one upload by a fresh user; the
     *     first two are measured in the browser, from the moment it starts sending the file
     */
    private long[] measure(Browser browser, Case c, String text) {
        TextOptions options = c.kind() == TokenizerKind.BPE
                ? new TextOptions(CleaningMode.BOOK, true, TokenizerKind.BPE, 200, 0)
                : new TextOptions(CleaningMode.BOOK, true, c.kind(), 0, 0);
        if (text.charAt(0) >= 0x4E00) {
            options = new TextOptions(CleaningMode.UNICODE, true, c.kind(), 0, 0); // the page switches to it
        }
        String vocabSize = String.format(
                Locale.US, "%,d", TextPipeline.process(text, options).vocabSize());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1400, 1000))) {
            context.setDefaultTimeout(180_000);
            Page page = context.newPage();
            AtomicLong received = new AtomicLong();
            AtomicReference<Request> upload = new AtomicReference<>();
            page.onWebSocket(ws -> ws.onFrameReceived(
                    f -> received.addAndGet(f.text() != null ? f.text().length() : f.binary().length)));
            page.onRequest(r -> {
                if ("POST".equals(r.method()) && !r.url().contains("v-r=")) {
                    upload.set(r);
                }
            });
            page.onResponse(r -> {
                if (r.url().contains("v-r=uidl")) {
                    try {
                        received.addAndGet(r.body().length);
                    } catch (RuntimeException ignored) {
                        // the page moved on; the size is not needed
                    }
                }
            });
            page.navigate("http://127.0.0.1:" + port + "/text");
            page.locator("#vocab-size")
                    .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^28$")))
                    .waitFor();
            if (c.kind() != TokenizerKind.CHAR) {
                page.locator("#tokenizer").click();
                page.locator("vaadin-select-item")
                        .getByText(choiceLabel(c.kind()), new Locator.GetByTextOptions().setExact(true))
                        .click();
                page.locator("#text-progress")
                        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
                page.waitForTimeout(500);
            }
            page.locator("vaadin-tab").getByText("Upload").click();
            // the browser notes when it first shows the text's tokens and when its vocabulary size
            page.evaluate(
                    "([file, vocab, first]) => { window.__seen = {}; const seen = window.__seen;"
                            + " const check = () => { const name = document.querySelector('#current-text-name');"
                            + "  const tok = document.querySelector('#token-spans .tok');"
                            + "  if (!seen.first && name && name.textContent === file && tok"
                            + "      && (first == null || tok.textContent === first)) seen.first = Date.now();"
                            + "  const v = document.querySelector('#vocab-size');"
                            + "  if (!seen.full && name && name.textContent === file && v && v.textContent === vocab)"
                            + "      seen.full = Date.now(); };"
                            + " new MutationObserver(check).observe(document.body,"
                            + "  {subtree: true, childList: true, characterData: true}); }",
                    java.util.Arrays.asList(c.file(), vocabSize, c.firstToken()));
            received.set(0);
            long t0 = System.nanoTime();
            page.locator("#upload input[type=file]").setInputFiles(new FilePayload(c.file(), "text/plain", bytes));
            try {
                page.waitForFunction("() => window.__seen.first && window.__seen.full");
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        c.label() + ": expected vocabulary " + vocabSize + "; the page shows text "
                                + page.locator("#current-text-name").textContent() + ", vocabulary "
                                + page.locator("#vocab-size").textContent() + ", message "
                                + page.locator("#text-message").textContent(),
                        e);
            }
            page.locator("#vocab-grid vaadin-grid-cell-content").first().waitFor();
            long round = (System.nanoTime() - t0) / 1_000_000;
            double sent = upload.get().timing().startTime; // ms since the epoch, the browser's clock
            double first = ((Number) page.evaluate("() => window.__seen.first")).doubleValue();
            double full = ((Number) page.evaluate("() => window.__seen.full")).doubleValue();
            return new long[] {Math.round(first - sent), Math.round(full - sent), received.get(), round};
        }
    }
}
