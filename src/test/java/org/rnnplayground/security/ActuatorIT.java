package org.rnnplayground.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operations endpoints over real HTTP: health and its probes open to anyone, without details
 * and without a session; Prometheus metrics only for the instructor; nothing else exposed. Same
 * properties as {@link WebSecurityIT}, so both run against one app.
 */
@SpringBootTest(
        classes = Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "server.forward-headers-strategy=native",
            "playground.admin.password=" + WebSecurityIT.PASSWORD
        })
class ActuatorIT {

    @LocalServerPort
    int port;

    @Autowired
    HealthEndpointGroups healthGroups;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String basicAuth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                // its own client address, so the sign-in allowance of other tests is not touched
                .header("X-Forwarded-For", "198.51.100.14");
        if (basicAuth != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAndItsProbesAreOpenWithoutDetailsOrSession() throws Exception {
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(path, null);

            assertEquals(200, response.statusCode(), path);
            assertTrue(response.body().contains("\"status\":\"UP\""), path + ": " + response.body());
            assertTrue(
                    !response.body().contains("components") && !response.body().contains("details"), path);
            assertTrue(response.headers().allValues("Set-Cookie").isEmpty(), path + " opened a session");
        }
    }

    @Test
    void readinessIncludesTheDatabaseAndLivenessDoesNot() {
        assertTrue(healthGroups.get("readiness").isMember("db"));
        assertTrue(healthGroups.get("readiness").isMember("readinessState"));
        assertTrue(!healthGroups.get("liveness").isMember("db"), "a database outage must not restart the app");
    }

    @Test
    void prometheusIsForTheInstructorOnly() throws Exception {
        assertEquals(401, get("/actuator/prometheus", null).statusCode());
        assertEquals(401, get("/actuator/prometheus", "admin:wrong").statusCode());

        HttpResponse<String> signedIn = get("/actuator/prometheus", "admin:" + WebSecurityIT.PASSWORD);

        assertEquals(200, signedIn.statusCode());
        assertTrue(signedIn.body().contains("jvm_memory_used_bytes"), "JVM metrics");
        assertTrue(signedIn.body().contains("hikaricp_connections"), "the store's connection pool");
        for (String series : new String[] {
            "rnn_runs_queued",
            "rnn_runs_running",
            "rnn_runs_finished",
            "rnn_runs_tokens_per_second",
            "rnn_runs_queue_wait_seconds_count"
        }) {
            assertTrue(signedIn.body().contains("\n" + series + " "), "the training runtime's " + series);
        }
        assertTrue(signedIn.headers().allValues("Set-Cookie").isEmpty(), "no session for a scraper");
    }

    @Test
    void otherEndpointsAreNotExposed() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump"}) {
            assertNotEquals(200, get(path, "admin:" + WebSecurityIT.PASSWORD).statusCode(), path);
        }
    }
}
