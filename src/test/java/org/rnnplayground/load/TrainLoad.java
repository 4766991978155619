package org.rnnplayground.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.browser.Chromium;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Load test, not part of the default test run ({@code ./mvnw -B verify -Pload}): 30 browser
 * sessions, each with the Train page open and a small run queued, two training slots. Measures the
 * time from clicking Start to the first chart point for runs that get a free slot, how quickly a
 * page answers while the others train, and server heap per session. Writes
 * {@code target/load-report.md}.
 */
@SpringBootTest(
        classes = Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "playground.training.slots=2"})
class TrainLoad {

    private static final int SESSIONS = Integer.getInteger("load.sessions", 30);

    @LocalServerPort
    int port;

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void fill(Page p, String id, String value) {
        p.locator("#" + id + " input").fill(value);
    }

    @Test
    void thirtySessionsWithQueuedRuns() throws Exception {
        StringBuilder report = new StringBuilder("# Load test: " + SESSIONS + " sessions, 2 training slots\n\n");
        try (Playwright playwright = Chromium.playwright();
                Browser browser = Chromium.launch(playwright)) {
            String url = "http://127.0.0.1:" + port + "/train";
            long heapBefore = heapAfterGc();
            List<Page> pages = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                BrowserContext c = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
                c.setDefaultTimeout(120_000);
                Page p = c.newPage();
                p.navigate(url);
                p.waitForSelector("#train-text:has-text('The Time Machine')");
                pages.add(p);
            }
            long heapOpen = heapAfterGc();
            report.append(String.format(
                    "- server heap per open session (Train page, text loaded, after GC): %.2f MB%n",
                    (heapOpen - heapBefore) / 1e6 / SESSIONS));

            long[] clicked = new long[SESSIONS];
            for (int i = 0; i < SESSIONS; i++) {
                Page p = pages.get(i);
                fill(p, "num-hiddens", "64");
                fill(p, "max-tokens", "2000");
                fill(p, "batch-size", "8");
                fill(p, "epochs", i < 2 ? "400" : "40");
                fill(p, "sample-every", "0");
            }
            // The first two runs get the free slots: time each from its click to its first point.
            for (int i = 0; i < 2; i++) {
                Page p = pages.get(i);
                clicked[i] = System.nanoTime();
                p.locator("#start-run").click();
                p.waitForFunction(
                        "() => Number(document.querySelector('#ppl-chart')?.getAttribute('data-points') || 0) > 0");
                report.append(String.format(
                        "- run %d (free slot, %d sessions open): click to first perplexity point %.0f ms%n",
                        i + 1, SESSIONS, (System.nanoTime() - clicked[i]) / 1e6));
            }
            // Everyone else queues behind the two busy slots.
            for (int i = 2; i < SESSIONS; i++) {
                clicked[i] = System.nanoTime();
                pages.get(i).locator("#start-run").click();
            }
            // Responsiveness while two runs train and 28 wait: a round trip (toggle the log axis).
            List<Long> roundTrips = new ArrayList<>();
            for (int i = 2; i < Math.min(SESSIONS, 12); i++) {
                Page p = pages.get(i);
                long t0 = System.nanoTime();
                p.locator("#ppl-log").click();
                p.waitForFunction("() => !document.documentElement.hasAttribute('data-vaadin-busy')"
                        + " && document.querySelector('#ppl-log').hasAttribute('checked')");
                roundTrips.add((System.nanoTime() - t0) / 1_000_000);
            }
            roundTrips.sort(Long::compare);
            report.append(String.format(
                    "- page round trip while 2 runs train (10 pages): median %d ms, max %d ms%n",
                    roundTrips.get(roundTrips.size() / 2), roundTrips.getLast()));
            long heapRuns = heapAfterGc();
            report.append(String.format(
                    "- server heap per session with its run queued or running: %.2f MB%n",
                    (heapRuns - heapBefore) / 1e6 / SESSIONS));
            // A queued run that later gets a slot: the third session's.
            Page third = pages.get(2);
            third.waitForFunction(
                    "() => Number(document.querySelector('#ppl-chart')?.getAttribute('data-points') || 0) > 0",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(600_000));
            report.append(String.format(
                    "- run 3 (queued behind two runs of 400 epochs): click to first perplexity point %.0f ms%n",
                    (System.nanoTime() - clicked[2]) / 1e6));
            for (Page p : pages) {
                p.context().close();
            }
        }
        Files.writeString(Path.of("target", "load-report.md"), report);
        System.out.println(report);
        assertTrue(report.length() > 0);
    }
}
