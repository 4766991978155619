package org.rnnplayground.load;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Debian's Chromium for the load tests, as the browser tests start it ({@code CHROMIUM} overrides the path). */
final class Chromium {

    private Chromium() {}

    /** Playwright that never downloads a browser. */
    static Playwright playwright() {
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** A headless Chromium without background networking (this machine's network is closed). */
    static Browser launch(Playwright playwright) {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(chromium))
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
