package org.rnnplayground.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Debian's Chromium for the browser and load tests ({@code CHROMIUM} overrides the path). */
public final class Chromium {

    private Chromium() {}

    /** The Chromium binary: {@code CHROMIUM}, else Debian's. */
    static Path path() {
        String override = System.getenv("CHROMIUM");
        Path path = Path.of(override != null && !override.isBlank() ? override : "/usr/bin/chromium");
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(
                    "Chromium not found at " + path + ": apt-get install chromium, or set CHROMIUM to its binary");
        }
        return path;
    }

    /** Playwright that never downloads a browser. */
    public static Playwright playwright() {
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** A headless Chromium without background networking (this machine's network is closed). */
    public static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(path())
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }
}
