package io.jenkins.plugins.eks2aks.standins;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server standing in for the AKS side's health endpoint ({@code /healthz}) and a monitoring query
 * ({@code /error-rate}, one number): healthy for the first {@link #failAfter} requests, then answering 503 (or a
 * high error rate), as a service does that breaks once real traffic reaches it.
 */
public final class HealthTarget implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int failAfter = Integer.MAX_VALUE;
    private volatile long delayMillis;

    public HealthTarget() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            int n = requests.incrementAndGet();
            boolean healthy = n <= failAfter;
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            boolean rate = exchange.getRequestURI().getPath().equals("/error-rate");
            int status = rate || healthy ? 200 : 503;
            byte[] body = (rate ? (healthy ? "0.002" : "0.31") : healthy ? "ok" : "upstream connect error").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** From request {@code n + 1} on, unhealthy. */
    public HealthTarget failAfter(int n) {
        failAfter = n;
        return this;
    }

    /** Every answer takes this long. */
    public HealthTarget delay(long millis) {
        delayMillis = millis;
        return this;
    }

    public URI health() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/healthz");
    }

    public URI errorRate() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/error-rate");
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
