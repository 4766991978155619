package org.rnnplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.rnnplayground.Application;
import org.rnnplayground.corpus.TestCorpora;
import org.rnnplayground.training.RunRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the app on a random loopback port, driven by Playwright in Debian's
 * Chromium ({@code CHROMIUM} overrides the binary's path). Each test gets a fresh browser context,
 * that is a fresh user.
 */
@SpringBootTest(
        classes = Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "server.forward-headers-strategy=native",
            "playground.admin.password=" + BrowserTest.ADMIN_PASSWORD
        })
public abstract class BrowserTest {

    /** The page opens on the default text, The Time Machine: downloaded into the cache if needed. */
    @BeforeAll
    static void theDefaultTextIsAvailable() {
        TestCorpora.require(TestCorpora.TIME_MACHINE);
    }

    /** The admin password the app under test is started with. */
    static final String ADMIN_PASSWORD = "instructor-secret";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openContext() {
        context = newUser("en-US");
        page = context.newPage();
    }

    /**
     * Reports of the browser that the Content-Security-Policy blocked something, from every page of
     * every user of a test; the policy must let every page work, so a test fails on any.
     */
    private final List<String> cspViolations = new CopyOnWriteArrayList<>();

    /** A fresh browser context: a separate user with its own session. */
    protected BrowserContext newUser(String locale) {
        BrowserContext c = browser.newContext(
                new Browser.NewContextOptions().setLocale(locale).setViewportSize(1400, 1000));
        c.setDefaultTimeout(20_000);
        c.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI));");
        c.onConsoleMessage(m -> {
            if (m.text().contains("CSP violation") || m.text().contains("Content Security Policy")) {
                cspViolations.add(m.text());
            }
        });
        return c;
    }

    @Autowired
    private RunRegistry runs;

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
        // Runs outlive their pages by design; stop them so that tests do not wait on each other's slots.
        runs.all().forEach(r -> runs.stopAny(r.id()));
        assertTrue(cspViolations.isEmpty(), "the Content-Security-Policy blocked: " + cspViolations);
    }

    /** Fills the sign-in form of {@code admin} as the instructor with {@code password} and sends it. */
    protected static void signIn(Page admin, String password) {
        admin.locator("#vaadinLoginUsername input").fill("admin");
        admin.locator("#vaadinLoginPassword input").fill(password);
        admin.locator("#vaadinLoginPassword input").press("Enter");
    }

    /** Opens the admin page for a new instructor, signing in on the way. */
    protected Page signedInAdmin(BrowserContext instructor) {
        Page admin = instructor.newPage();
        admin.navigate(url("admin"));
        signIn(admin, ADMIN_PASSWORD);
        assertThat(admin.locator("#admin-dashboard")).isVisible();
        return admin;
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + "/" + path;
    }

    /** Types {@code value} into the field with this id, leaves it (Tab) and waits for the server's answer. */
    protected void fillIn(String id, String value) {
        fillIn(page, id, value);
    }

    /** As {@link #fillIn(String, String)} on another page, such as a second user's. */
    protected static void fillIn(Page p, String id, String value) {
        p.locator("#" + id + " input").fill(value);
        p.locator("#" + id + " input").press("Tab");
        awaitServer(p);
    }

    /**
     * Opens the Train page on the default text and trains a tiny run (16 hidden units, 2,000 tokens,
     * 2 epochs) until it says it finished.
     */
    protected void trainATinyRun() {
        open("train");
        assertThat(page.locator("#train-text")).containsText("The Time Machine");
        fillIn("num-hiddens", "16");
        fillIn("max-tokens", "2000");
        fillIn("epochs", "2");
        page.locator("#start-run").click();
        assertThat(page.locator("#run-status")).containsText("Finished");
    }

    /** Opens a page and waits until Vaadin has rendered its view. */
    protected void open(String path) {
        page.navigate(url(path));
        page.waitForSelector("#page-title");
    }

    /**
     * Waits until the Vaadin client has no request in flight, so that the next action works on what
     * the server answered (a preset's values, say) rather than racing it.
     */
    protected void awaitServer() {
        awaitServer(page);
    }

    /** As {@link #awaitServer()} for another page, such as a second user's. */
    protected static void awaitServer(Page page) {
        page.waitForFunction("() => { const c = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                + " return !!c && Object.values(c).every(x => !x.isActive || !x.isActive()); }");
    }

    /** Saves a screenshot under target/screenshots, for people to look at. */
    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }

    /** Number of canvas pixels of a chart that are not background (transparent or white). */
    protected int paintedPixels(String chartSelector) {
        Object n = page.evaluate(
                "sel => { const c = document.querySelector(sel).shadowRoot.querySelector('canvas');"
                        + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                        + " for (let i = 0; i < d.length; i += 4) {"
                        + "   if (d[i + 3] > 0 && !(d[i] > 250 && d[i + 1] > 250 && d[i + 2] > 250)) n++; }"
                        + " return n; }",
                chartSelector);
        return ((Number) n).intValue();
    }

    /** Points a chart has drawn, as its element reports them. */
    protected int chartPoints(String chartSelector) {
        String v = page.getAttribute(chartSelector, "data-points");
        return v == null ? 0 : Integer.parseInt(v);
    }

    /**
     * Pairs (field whose error message, field whose label or input it covers) among the visible
     * fields with these ids, once the messages have appeared; empty when every message stays in its
     * own field's space.
     */
    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> coveringMessages(String... fieldIds) {
        // Lumo reveals an error message by animating its height: measure once that has ended
        page.waitForFunction("() => [...document.querySelectorAll('[invalid]')].every(f => !f.shadowRoot"
                + " || f.shadowRoot.getAnimations().length === 0)");
        return (List<Map<String, Object>>) page.evaluate(
                "ids => { const fields = ids.map(id => document.getElementById(id))"
                        + "   .filter(f => f && f.offsetParent !== null);"
                        + " const hit = (a, b) => a.width > 0 && a.height > 0 && b.width > 0 && b.height > 0"
                        + "   && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;"
                        + " const out = [];"
                        + " for (const f of fields) { const err = f.querySelector('[slot=error-message]');"
                        + "   if (!err || !f.hasAttribute('invalid')) continue; const e = err.getBoundingClientRect();"
                        + "   for (const g of fields) { if (g === f) continue;"
                        + "     for (const part of [g.querySelector('[slot=label]'), g.querySelector('input'),"
                        + "         g.shadowRoot && g.shadowRoot.querySelector('[part=input-field]')]) {"
                        + "       if (part && hit(e, part.getBoundingClientRect()))"
                        + "         out.push({message: f.id, covers: g.id}); } } }"
                        + " return out; }",
                List.of(fieldIds));
    }
}
