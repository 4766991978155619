package org.rnnplayground.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnplayground.Application;
import org.rnnplayground.admin.SessionTracker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The instructor's sign-in, the headers every response carries and which requests open a session,
 * over real HTTP against the packaged app (production mode). Each test signs in from its own
 * client address (X-Forwarded-For, trusted from the loopback proxy), so each has its own allowance.
 */
@SpringBootTest(
        classes = Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "server.forward-headers-strategy=native",
            "playground.admin.password=" + WebSecurityIT.PASSWORD
        })
@ExtendWith(OutputCaptureExtension.class)
class WebSecurityIT {

    /** The same as the browser tests', so that both run against one app. */
    static final String PASSWORD = "instructor-secret";

    @Autowired
    WebServerApplicationContext server;

    @Autowired
    SessionTracker tracker;

    @LocalServerPort
    int port;

    /** One visitor: their own cookies, redirects not followed. */
    private final class Visitor {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        final String address;

        Visitor(String address) {
            this.address = address;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(
                    request(path)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "text/html")
                    .header("X-Forwarded-For", address);
        }

        HttpResponse<String> signIn(String password) throws Exception {
            return post("/login", "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }

    private static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    @Test
    void theAdminPageSendsAVisitorToSignInWithoutOpeningASession() throws Exception {
        Visitor visitor = new Visitor("10.0.0.1");
        HttpResponse<String> r = visitor.get("/admin");
        assertEquals(302, r.statusCode());
        assertTrue(location(r).endsWith("/login"), location(r));
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void theSixthWrongPasswordIsRefusedUncheckedAndLogged(CapturedOutput log) throws Exception {
        Visitor attacker = new Visitor("10.0.0.2");
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> r = attacker.signIn("wrong " + i);
            assertTrue(location(r).endsWith("/login?error"), "attempt " + i + ": " + location(r));
        }
        // now even the right password is refused: it is not checked
        HttpResponse<String> sixth = attacker.signIn(PASSWORD);
        assertTrue(location(sixth).endsWith("/login?throttled"), location(sixth));
        assertEquals(null, attacker.sessionId(), "failed and refused attempts open no session");
        List<String> signInLines = log.getOut()
                .lines()
                .filter(l -> l.contains("AdminSignIn") && l.contains("10.0.0.2"))
                .toList();
        assertEquals(5, signInLines.stream().filter(l -> l.contains("failed")).count(), signInLines.toString());
        assertEquals(
                1,
                signInLines.stream()
                        .filter(l -> l.contains("refused unchecked"))
                        .count());
        assertTrue(signInLines.stream().noneMatch(l -> l.contains(PASSWORD) || l.contains("wrong 1")));

        // another address still signs in, and that is logged too
        HttpResponse<String> other = new Visitor("10.0.0.3").signIn(PASSWORD);
        assertTrue(location(other).endsWith("/admin"), location(other));
        assertTrue(log.getOut().contains("Admin signed in from 10.0.0.3"));
    }

    @Test
    void signingInGivesThePlantedSessionANewId() throws Exception {
        Visitor instructor = new Visitor("10.0.0.4");
        instructor.get("/login");
        String planted = instructor.sessionId();
        assertTrue(planted != null, "the sign-in page opens a session");

        HttpResponse<String> r = instructor.signIn(PASSWORD);
        assertTrue(location(r).endsWith("/admin"), location(r));
        assertNotEquals(planted, instructor.sessionId());
        assertEquals(200, instructor.get("/admin").statusCode());
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Visitor instructor = new Visitor("10.0.0.5");
        instructor.signIn(PASSWORD);
        HttpResponse<String> admin = instructor.get("/admin");
        assertEquals(200, admin.statusCode());
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(admin.body());
        assertTrue(csrf.find(), "the page carries Spring Security's CSRF token");

        HttpResponse<String> out = instructor.post("/logout", "_csrf=" + csrf.group(1));
        assertEquals(302, out.statusCode());
        HttpResponse<String> again = instructor.get("/admin");
        assertEquals(302, again.statusCode());
        assertTrue(location(again).endsWith("/login"));
    }

    @Test
    void signingOutNeedsTheCsrfToken() throws Exception {
        Visitor instructor = new Visitor("10.0.0.6");
        instructor.signIn(PASSWORD);
        // a cross-site form cannot sign the instructor out: without the token the request is refused
        assertEquals(403, instructor.post("/logout", "").statusCode());
        assertEquals(200, instructor.get("/admin").statusCode());
    }

    private static void assertSecurityHeaders(HttpResponse<String> r) {
        assertEquals(
                WebSecurity.CONTENT_SECURITY_POLICY,
                r.headers().firstValue("Content-Security-Policy").orElse(""),
                r.uri().toString());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals(
                "strict-origin-when-cross-origin",
                r.headers().firstValue("Referrer-Policy").orElse(null));
    }

    @Test
    void pagesAndMissingPagesCarryTheSecurityHeaders() throws Exception {
        Visitor visitor = new Visitor("10.0.1.1");
        HttpResponse<String> page = visitor.get("/text");
        assertEquals(200, page.statusCode());
        assertSecurityHeaders(page);
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);

        HttpResponse<String> missing = visitor.get("/no-such-page");
        assertEquals(404, missing.statusCode());
        assertSecurityHeaders(missing);
        assertTrue(missing.body().contains("Page not found"), missing.body());

        assertSecurityHeaders(visitor.get("/login"));
        assertSecurityHeaders(visitor.get("/styles.css"));
    }

    private int openSessions() {
        var tomcat = ((TomcatWebServer) server.getWebServer()).getTomcat();
        return ((Context) tomcat.getHost().findChildren()[0]).getManager().getActiveSessions();
    }

    @Test
    void missingPagesAndFilesOpenNoSession() throws Exception {
        int sessionsBefore = openSessions();
        int listedBefore = tracker.count();
        List<String> paths = List.of(
                "/no-such-page",
                "/a/b/c",
                "/favicon.ico",
                "/VAADIN/build/missing.js",
                "/VAADIN/build/",
                "/styles.css",
                "/admin");
        for (int i = 0; i < 500; i++) {
            Visitor anonymous = new Visitor("10.0.2." + (i % 250));
            HttpResponse<String> r = anonymous.get(paths.get(i % paths.size()) + (i % 2 == 0 ? "" : "?n=" + i));
            assertTrue(r.headers().firstValue("Set-Cookie").isEmpty(), r.uri() + " set a cookie");
        }
        assertEquals(sessionsBefore, openSessions());
        assertEquals(listedBefore, tracker.count());

        // a page request opens a session, but one whose page never loaded (no script ran, no UI) is
        // not listed on the admin page
        HttpResponse<String> page = new Visitor("10.0.3.1").get("/statistics");
        assertFalse(page.headers().firstValue("Set-Cookie").isEmpty());
        assertEquals(sessionsBefore + 1, openSessions());
        assertEquals(listedBefore, tracker.count());
    }
}
