package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnplayground.corpus.TestCorpora;

/**
 * The server is killed (kill -9) while a learner's run trains, and started again on the same data
 * folder: the run resumes from its last checkpoint by itself, the learner's browser reloads and finds
 * the run with its history and the note that it resumed, and the run ends with every epoch's
 * perplexity equal, to the last digit, to that of the same run never interrupted. The server runs
 * in a JVM of its own (the packaged jar), so that the kill is real.
 */
class CrashRestartIT {

    /** Epochs of the run: the kill comes after the first checkpoint (epoch 10), well before the end. */
    private static final int EPOCHS = 60;

    private static final Pattern EPOCH = Pattern.compile("epoch (\\d+) of");

    @TempDir
    Path data;

    private Process server;
    private Playwright playwright;

    /** A server JVM that has just started serves its first pages slowly: assertions wait longer. */
    @BeforeEach
    void patientAssertions() {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterEach
    void tearDown() {
        PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        if (server != null) {
            server.destroyForcibly();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void aRunKilledWithTheServerResumesAndTheLearnerFindsItWithItsHistory() throws Exception {
        TestCorpora.require(TestCorpora.TIME_MACHINE);
        int port = freePort();
        server = startServer(port);
        playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright);
        BrowserContext learner = browser.newContext(
                new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1400, 1000));
        learner.setDefaultTimeout(30_000);
        Page page = learner.newPage();
        String train = "http://127.0.0.1:" + port + "/train";

        page.navigate(train);
        assertThat(page.locator("#train-text")).containsText("The Time Machine");
        fillForm(page);
        page.locator("#start-run").click();
        // past the checkpoint at epoch 10 (the journal writes it in the background), far from the end
        page.waitForFunction(
                "() => { const s = document.querySelector('#run-status');"
                        + " return !!s && /epoch (1[5-9]|[2-5]\\d) of/.test(s.textContent); }",
                null,
                new Page.WaitForFunctionOptions().setTimeout(120_000));

        server.destroyForcibly(); // SIGKILL: no shutdown hook, no last checkpoint
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server is gone");
        assertThat(page.locator("#server-gone")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(page.locator("#stop-run")).isHidden();

        server = startServer(port);
        // the page notices that the server answers again and reloads itself, from what the server kept
        assertThat(page.locator("#server-gone")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(60_000));
        assertThat(page.locator("#runs-grid vaadin-grid-cell-content").getByText(Pattern.compile("^r1$")))
                .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
        assertThat(page.locator("#run-status")).containsText("Resumed from epoch 10 after a server restart");
        Matcher resumedAt = EPOCH.matcher(page.locator("#run-status").textContent());
        assertTrue(
                !resumedAt.find() || Integer.parseInt(resumedAt.group(1)) >= 10,
                "it goes on from its checkpoint, not from the start: "
                        + page.locator("#run-status").textContent());
        assertThat(page.locator("#run-status"))
                .containsText(
                        "Finished after " + EPOCHS + " epochs",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(180_000));

        // the same run again, never interrupted, on the restarted server
        fillForm(page);
        page.locator("#start-run").click();
        assertThat(page.locator("#runs-grid vaadin-grid-cell-content").getByText(Pattern.compile("^r2$")))
                .hasCount(1);
        assertThat(page.locator("#run-status"))
                .containsText(
                        "Finished after " + EPOCHS + " epochs",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(180_000));
        browser.close();

        server.destroy(); // SIGTERM: a graceful shutdown, which releases the database file
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server shuts down");
        List<List<Double>> perplexities = storedPerplexities();
        assertEquals(2, perplexities.size(), "two runs are stored");
        assertEquals(
                EPOCHS, perplexities.get(0).size(), "every epoch of the resumed run, once: " + perplexities.get(0));
        assertEquals(
                perplexities.get(1),
                perplexities.get(0),
                "the resumed run's perplexities equal the uninterrupted run's, to the last digit");
    }

    /**
     * Hidden 256 on 30,000 tokens: on a quiet machine the kill comes seconds before the run would end
     * (at 10,000 tokens it once ended first).
     */
    private static void fillForm(Page page) {
        BrowserTest.fillIn(page, "num-hiddens", "256");
        BrowserTest.fillIn(page, "max-tokens", "30000");
        BrowserTest.fillIn(page, "epochs", Integer.toString(EPOCHS));
    }

    /** Per stored run, in launch order, the perplexity of each epoch in order. */
    private List<List<Double>> storedPerplexities() throws SQLException {
        String url = "jdbc:h2:file:" + data.resolve("store").resolve("playground");
        try (Connection db = DriverManager.getConnection(url, "", "")) {
            List<UUID> runs = new ArrayList<>();
            try (ResultSet r = db.createStatement().executeQuery("SELECT id FROM runs ORDER BY created_at")) {
                while (r.next()) {
                    runs.add(r.getObject(1, UUID.class));
                }
            }
            List<List<Double>> out = new ArrayList<>();
            for (UUID run : runs) {
                try (PreparedStatement q =
                        db.prepareStatement("SELECT perplexity FROM run_epochs WHERE run_id = ? ORDER BY epoch")) {
                    q.setObject(1, run);
                    List<Double> values = new ArrayList<>();
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            values.add(r.getDouble(1));
                        }
                    }
                    out.add(values);
                }
            }
            return out;
        }
    }

    /** The packaged app in a JVM of its own, on the test's data folder; returns once it is ready. */
    private Process startServer(int port) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = data.resolve("server-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(
                        java,
                        "-jar",
                        Path.of("target", "rnn-playground.jar").toString(),
                        "--server.address=127.0.0.1",
                        "--server.port=" + port,
                        "--playground.store.folder=" + data.resolve("store"),
                        "--playground.corpus.cache=" + TestCorpora.cacheDir().toAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), () -> "the server stopped while starting:\n" + tail(log));
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        p.destroyForcibly();
        throw new AssertionError("the server did not become ready in 120 s:\n" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
