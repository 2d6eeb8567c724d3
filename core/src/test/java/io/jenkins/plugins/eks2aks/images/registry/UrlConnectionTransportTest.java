package io.jenkins.plugins.eks2aks.images.registry;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transport's edge cases, against a loopback HTTP server that records what arrived. */
class UrlConnectionTransportTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final UrlConnectionTransport transport = new UrlConnectionTransport(Duration.ofSeconds(5), Duration.ofSeconds(5));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body.length + " "
                    + exchange.getRequestHeaders().getFirst("Content-Length"));
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/protected")) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://127.0.0.1/token\",service=\"test\"");
                exchange.sendResponseHeaders(401, -1);
            } else if (path.startsWith("/echo")) {
                exchange.getResponseHeaders().add("Docker-Content-Digest", "sha256:abc");
                exchange.sendResponseHeaders(201, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void anEmptyPostStatesContentLengthZero() throws Exception {
        try (RegistryResponse r = transport.send("POST", uri("/echo/uploads/"), Map.of(), null)) {
            assertEquals(201, r.status());
        }
        assertEquals("POST /echo/uploads/ 0 0", received.get(0));
    }

    @Test
    void aStreamedBodyIsSentWithItsLengthAndTheResponseHeadersAreReadCaseInsensitively() throws Exception {
        byte[] blob = "layer bytes".repeat(50_000).getBytes(StandardCharsets.UTF_8);
        try (RegistryResponse r = transport.send("PUT", uri("/echo/blob"), Map.of("Content-Type", "application/octet-stream"),
                RequestBody.of(new ByteArrayInputStream(blob), blob.length))) {
            assertEquals(201, r.status());
            assertEquals("sha256:abc", r.header("docker-content-digest").orElseThrow());
            assertArrayEquals(blob, r.bytes());
        }
        assertEquals("PUT /echo/blob " + blob.length + " " + blob.length, received.get(0));
    }

    @Test
    void aChallengeToAStreamedBodyComesBackAsA401WithItsHeader() throws Exception {
        byte[] blob = new byte[100_000];
        try (RegistryResponse r = transport.send("PUT", uri("/protected/blob"), Map.of(),
                RequestBody.of(new ByteArrayInputStream(blob), blob.length))) {
            assertEquals(401, r.status());
            assertTrue(r.header("WWW-Authenticate").orElseThrow().startsWith("Bearer realm="));
        }
    }

    @Test
    void aStreamThatFailsAtItsEndNeverCompletesTheRequest() throws Exception {
        byte[] blob = new byte[600_000];
        InputStream failsAtEnd = new InputStream() {
            private int position;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position == blob.length) {
                    throw new VerifyingInputStream.BlobVerificationException("blob does not match its digest");
                }
                int n = Math.min(len, blob.length - position);
                position += n;
                return n;
            }
        };
        IOException e = assertThrows(IOException.class, () -> transport.send("PUT", uri("/echo/blob"), Map.of(),
                RequestBody.of(failsAtEnd, blob.length)));
        assertTrue(e instanceof VerifyingInputStream.BlobVerificationException, String.valueOf(e));
        Thread.sleep(200);
        assertTrue(received.stream().noneMatch(line -> line.startsWith("PUT /echo/blob " + blob.length)),
                "the server must never receive the whole body: " + received);
    }

    @Test
    void patchGoesThroughTheJdkClient() throws Exception {
        try (RegistryResponse r = transport.send("PATCH", uri("/echo/chunk"), Map.of("Content-Range", "0-2"),
                RequestBody.of(new byte[]{1, 2, 3}))) {
            assertEquals(201, r.status());
            assertArrayEquals(new byte[]{1, 2, 3}, r.bytes());
        }
        assertEquals("PATCH /echo/chunk 3 3", received.get(0));
    }

    @Test
    void aHeadOfSomethingMissingIsA404WithoutABody() throws Exception {
        try (RegistryResponse r = transport.send("HEAD", uri("/missing"), Map.of(), null)) {
            assertEquals(404, r.status());
            assertEquals(0, r.bytes().length);
        }
    }
}
