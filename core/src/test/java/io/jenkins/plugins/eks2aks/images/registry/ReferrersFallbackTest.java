package io.jenkins.plugins.eks2aks.images.registry;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the referrers API is not there the tag schema is read instead; when it is there but refuses or fails, that is
 * an error: falling back would report "no signatures" for an image that has them.
 */
class ReferrersFallbackTest {

    private static final String SUBJECT = "sha256:" + "a".repeat(64);
    private HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();

    private Referrers referrers(int apiStatus) throws IOException {
        return referrers(apiStatus, null);
    }

    private Referrers referrers(int apiStatus, String contentType) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            int status = exchange.getRequestURI().getPath().contains("/referrers/") ? apiStatus : 404;
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        RegistryHttp http = new RegistryHttp("127.0.0.1:" + server.getAddress().getPort(), true,
                new UrlConnectionTransport(Duration.ofSeconds(5), Duration.ofSeconds(5)), CredentialsProvider.ANONYMOUS,
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2)), Clock.systemUTC());
        return new Referrers(http, new Manifests(http));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest(name = "HTTP {0}: no API, the tag schema is read")
    @ValueSource(ints = {400, 404, 405, 501})
    void aRegistryWithoutTheApiFallsBackToTheTagSchema(int status) throws Exception {
        assertTrue(referrers(status).list("app", SUBJECT, () -> { }).isEmpty());
        assertEquals(List.of("/v2/app/referrers/" + SUBJECT, "/v2/app/manifests/sha256-" + "a".repeat(64)), paths);
    }

    @ParameterizedTest(name = "HTTP {0}: the registry is not asked for its API again")
    @ValueSource(ints = {400, 404, 405, 501})
    void aRegistryWithoutTheApiIsRememberedAsSuch(int status) throws Exception {
        Referrers r = referrers(status, "text/plain; charset=utf-8");
        assertTrue(r.list("app", SUBJECT, () -> { }).isEmpty());
        assertTrue(r.list("other", SUBJECT, () -> { }).isEmpty());
        assertEquals(List.of("/v2/app/referrers/" + SUBJECT, "/v2/app/manifests/sha256-" + "a".repeat(64),
                "/v2/other/manifests/sha256-" + "a".repeat(64)), paths);
    }

    @Test
    void aRegistryErrorDocumentSaysNothingAboutOtherRepositories() throws Exception {
        Referrers r = referrers(404, "application/json");
        r.list("app", SUBJECT, () -> { });
        r.list("other", SUBJECT, () -> { });
        assertEquals(4, paths.size(), "the API is asked again for another repository: " + paths);
        assertTrue(paths.contains("/v2/other/referrers/" + SUBJECT), paths.toString());
    }

    @Test
    void aRefusalIsAnErrorNotAnEmptyList() throws Exception {
        RegistryException e = assertThrows(RegistryException.class, () -> referrers(403).list("app", SUBJECT, () -> { }));
        assertTrue(e.getMessage().startsWith("GET 127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("/v2/app/referrers/" + SUBJECT + " answered HTTP 403"), e.getMessage());
        assertEquals(1, paths.size(), "no fallback to the tag schema: " + paths);
    }

    @Test
    void aServerErrorThatOutlastsTheRetriesIsAnError() throws Exception {
        RegistryException e = assertThrows(RegistryException.class, () -> referrers(503).list("app", SUBJECT, () -> { }));
        assertTrue(e.getMessage().contains("answered HTTP 503"), e.getMessage());
        assertEquals(2, paths.size(), "retried once, then failed without the tag schema: " + paths);
    }
}
