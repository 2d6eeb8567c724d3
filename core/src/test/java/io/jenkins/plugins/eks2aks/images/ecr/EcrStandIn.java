package io.jenkins.plugins.eks2aks.images.ecr;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ECR API's {@code GetAuthorizationToken} on loopback, answering in the real shape (AWS JSON 1.1 protocol:
 * POST / with {@code X-Amz-Target}; {@code expiresAt} in epoch seconds), so the real SDK client can be pointed at it.
 */
public final class EcrStandIn implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final String user;
    private final String password;
    private final Clock clock;
    private final Duration lifetime;

    public EcrStandIn(String user, String password, Clock clock, Duration lifetime) throws IOException {
        this.user = user;
        this.password = password;
        this.clock = clock;
        this.lifetime = lifetime;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            try (exchange) {
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                exchange.getRequestBody().readAllBytes();
                byte[] body;
                int status;
                if ("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken".equals(target)) {
                    calls.incrementAndGet();
                    String token = Base64.getEncoder().encodeToString((this.user + ":" + this.password).getBytes(StandardCharsets.UTF_8));
                    long expiresAt = this.clock.instant().plus(this.lifetime).getEpochSecond();
                    body = ("{\"authorizationData\":[{\"authorizationToken\":\"" + token + "\",\"expiresAt\":" + expiresAt
                            + ",\"proxyEndpoint\":\"https://123456789012.dkr.ecr.us-east-1.amazonaws.com\"}]}").getBytes(StandardCharsets.UTF_8);
                    status = 200;
                } else {
                    body = "{\"__type\":\"UnknownOperationException\"}".getBytes(StandardCharsets.UTF_8);
                    status = 400;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
