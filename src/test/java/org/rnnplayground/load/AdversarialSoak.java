package org.rnnplayground.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.rnnplayground.browser.Chromium;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Soak, not part of the default test run ({@code ./mvnw -B verify -Pload}): 30 adversarial users
 * for {@code soak.minutes} (10 by default) against the app with its default limits. Round after
 * round each user does one hostile thing: uploads a 5 MB text on one line, asks the Shapes page for
 * the largest model, launches the largest run the budget allows (and one it does not), generates,
 * while a thread sends 404s and wrong admin passwords. Measures page response times and the
 * server's peak memory (VmHWM of this JVM, which holds the server), and checks that it still
 * answers. Writes {@code target/soak-report.md}.
 */
@SpringBootTest(
        classes = Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "playground.admin.password=soak-secret"})
class AdversarialSoak {

    private static final int USERS = Integer.getInteger("soak.users", 30);
    private static final double MINUTES = Double.parseDouble(System.getProperty("soak.minutes", "10"));

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://127.0.0.1:" + port + "/" + path;
    }

    /** Peak resident memory of this process, from /proc/self/status (VmHWM), in MB. */
    private static long peakRssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static void fill(Page p, String id, String value) {
        p.locator("#" + id + " input").fill(value);
        p.locator("#" + id + " input").press("Tab");
    }

    /** Opens a page and returns the milliseconds until its view rendered. */
    private long open(Page p, String path) {
        long t0 = System.nanoTime();
        p.navigate(url(path));
        p.waitForSelector("#page-title");
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void thirtyAdversarialUsersForTenMinutes() throws Exception {
        byte[] oneLine = "abcdefghij klmnopqrst ".repeat(5_000_000 / 22).getBytes(StandardCharsets.UTF_8);
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong spam = new AtomicLong();
        AtomicLong spamFailures = new AtomicLong();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Thread spammer = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                try {
                    HttpResponse<Void> r = http.send(
                            HttpRequest.newBuilder(URI.create(url("no-such-page-" + spam.get())))
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 404) {
                        spamFailures.incrementAndGet();
                    }
                    http.send(
                            HttpRequest.newBuilder(URI.create(url("login")))
                                    .timeout(Duration.ofSeconds(20))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=guess" + spam))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    spam.addAndGet(2);
                    Thread.sleep(50);
                } catch (Exception e) {
                    spamFailures.incrementAndGet();
                }
            }
        });

        List<Long> pageTimes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long maxHeap = 0;
        int rounds = 0;
        try (Playwright playwright = Chromium.playwright();
                Browser browser = Chromium.launch(playwright)) {
            List<Page> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                BrowserContext c = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
                c.setDefaultTimeout(60_000);
                users.add(c.newPage());
            }
            long end = System.nanoTime() + (long) (MINUTES * 60e9);
            while (System.nanoTime() < end) {
                for (int i = 0; i < USERS && System.nanoTime() < end; i++) {
                    Page p = users.get(i);
                    int action = (rounds + i) % 4;
                    try {
                        switch (action) {
                            case 0 -> { // a 5 MB text on one line
                                pageTimes.add(open(p, "text"));
                                p.locator("vaadin-tab").getByText("Upload").click();
                                p.locator("#upload input[type=file]")
                                        .setInputFiles(new FilePayload("line.txt", "text/plain", oneLine));
                                p.waitForSelector("#current-text-name:has-text('line.txt')");
                            }
                            case 1 -> { // the largest model the Shapes page offers, and one beyond it
                                pageTimes.add(open(p, "shapes"));
                                fill(p, "shapes-num-hiddens", "4096");
                                fill(p, "shapes-num-hiddens", "1024");
                            }
                            case 2 -> { // the largest run the budget allows, and one it refuses
                                pageTimes.add(open(p, "train"));
                                fill(p, "num-hiddens", "4096");
                                p.locator("#start-run").click();
                                fill(p, "num-hiddens", "1024");
                                fill(p, "max-tokens", "0");
                                fill(p, "epochs", "3");
                                p.locator("#start-run").click();
                            }
                            default -> { // generation from whatever run this user has
                                pageTimes.add(open(p, "train"));
                                if (p.locator("#gen-run").isEnabled()) {
                                    fill(p, "gen-length", "2000");
                                    p.locator("#gen-run").click();
                                }
                            }
                        }
                    } catch (RuntimeException e) {
                        failures.add("user " + i + " action " + action + ": "
                                + e.getMessage().lines().findFirst().orElse(""));
                    }
                    maxHeap = Math.max(
                            maxHeap,
                            ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed());
                }
                rounds++;
            }
            for (Page p : users) {
                p.context().close();
            }
        } finally {
            done.set(true);
            spammer.join(30_000);
        }

        HttpResponse<String> alive = http.send(
                HttpRequest.newBuilder(URI.create(url("text"))).build(), HttpResponse.BodyHandlers.ofString());
        pageTimes.sort(Long::compare);
        StringBuilder report = new StringBuilder();
        report.append(
                String.format("# Soak: %d adversarial users, %.1f minutes, %d rounds%n%n", USERS, MINUTES, rounds));
        report.append(String.format(
                "- page opens: %d, median %d ms, 90th percentile %d ms, max %d ms%n",
                pageTimes.size(),
                pageTimes.get(pageTimes.size() / 2),
                pageTimes.get((int) (pageTimes.size() * 0.9)),
                pageTimes.getLast()));
        report.append(String.format("- peak RSS of the server's JVM (VmHWM): %d MB%n", peakRssMb()));
        report.append(String.format("- largest heap seen between actions: %d MB%n", maxHeap / (1024 * 1024)));
        report.append(String.format(
                "- 404s and wrong admin passwords sent: %d, unexpected answers: %d%n", spam.get(), spamFailures.get()));
        report.append(String.format("- actions that failed in the browser: %d%n", failures.size()));
        failures.stream().limit(20).forEach(f -> report.append("  - ").append(f).append('\n'));
        report.append(String.format("- the server answers afterwards: HTTP %d%n", alive.statusCode()));
        Files.writeString(Path.of("target", "soak-report.md"), report);
        System.out.println(report);
        assertEquals(200, alive.statusCode(), "the server still answers");
        assertTrue(failures.size() <= pageTimes.size() / 10, "at most one action in ten fails:\n" + report);
    }
}
