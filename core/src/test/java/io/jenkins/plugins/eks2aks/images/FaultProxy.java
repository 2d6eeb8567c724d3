package io.jenkins.plugins.eks2aks.images;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback HTTP proxy in front of a real registry that injects faults into chosen requests (5xx, connection
 * resets, 429 with Retry-After, slow answers, altered bodies) and records every request, so tests can count uploads
 * and see how many ran at once. Everything else is passed through unchanged.
 */
final class FaultProxy implements AutoCloseable {

    /** A request as the proxy saw it. */
    record Seen(String method, String path, String query, long atMillis, int status) {
        boolean isUploadOf(String digest) {
            return method.equals("PUT") && query != null && query.contains("digest=" + digest.replace(":", "%3A"));
        }
    }

    enum Kind { STATUS_500, STATUS_503, RESET, TOO_MANY_REQUESTS, SLOW, CORRUPT_BODY }

    private record Fault(Kind kind, Predicate<HttpExchange> matches, AtomicInteger remaining, long millis) {
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "transfer-encoding", "keep-alive", "date");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String upstream;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger uploadsInFlight = new AtomicInteger();
    private final AtomicInteger maxUploadsInFlight = new AtomicInteger();
    private volatile long uploadDelayMillis;

    FaultProxy(String upstreamBaseUrl) throws IOException {
        this.upstream = upstreamBaseUrl;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Applies {@code kind} to the next {@code times} requests that match. */
    FaultProxy inject(Kind kind, int times, Predicate<HttpExchange> matches) {
        return inject(kind, times, matches, 0);
    }

    FaultProxy inject(Kind kind, int times, Predicate<HttpExchange> matches, long millis) {
        faults.add(new Fault(kind, matches, new AtomicInteger(times), millis));
        return this;
    }

    /** Holds every blob upload request (PUT, PATCH) this long, to make parallel uploads overlap. */
    void delayUploads(long millis) {
        uploadDelayMillis = millis;
    }

    static Predicate<HttpExchange> request(String method, String pathPart) {
        return e -> e.getRequestMethod().equals(method) && e.getRequestURI().getPath().contains(pathPart);
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    long count(Predicate<Seen> filter) {
        return seen.stream().filter(filter).count();
    }

    int maxUploadsInFlight() {
        return maxUploadsInFlight.get();
    }

    void reset() {
        faults.clear();
        seen.clear();
        maxUploadsInFlight.set(0);
        uploadDelayMillis = 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        boolean upload = (method.equals("PUT") || method.equals("PATCH")) && uri.getPath().contains("/blobs/uploads/");
        try (exchange) {
            Fault fault = faults.stream().filter(f -> f.matches().test(exchange) && f.remaining().getAndUpdate(n -> Math.max(n - 1, 0)) > 0)
                    .findFirst().orElse(null);
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (fault != null) {
                switch (fault.kind()) {
                    case STATUS_500, STATUS_503 -> {
                        record(method, uri, fault.kind() == Kind.STATUS_500 ? 500 : 503);
                        send(exchange, fault.kind() == Kind.STATUS_500 ? 500 : 503, new byte[0]);
                        return;
                    }
                    case TOO_MANY_REQUESTS -> {
                        record(method, uri, 429);
                        exchange.getResponseHeaders().add("Retry-After", String.valueOf(fault.millis() / 1000));
                        send(exchange, 429, "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\"}]}".getBytes());
                        return;
                    }
                    case RESET -> {
                        record(method, uri, 0);
                        // An exception out of the handler makes the server drop the connection without an answer.
                        throw new IOException("injected connection reset");
                    }
                    case SLOW -> sleep(fault.millis());
                    default -> { }
                }
            }
            if (upload) {
                int now = uploadsInFlight.incrementAndGet();
                maxUploadsInFlight.accumulateAndGet(now, Math::max);
                sleep(uploadDelayMillis);
            }
            HttpResponse<byte[]> response;
            try {
                HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstream + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.equalsIgnoreCase("host")) {
                        values.forEach(v -> forward.header(name, v));
                    }
                });
                response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } finally {
                if (upload) {
                    uploadsInFlight.decrementAndGet();
                }
            }
            record(method, uri, response.statusCode());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] answer = response.body();
            if (fault != null && fault.kind() == Kind.CORRUPT_BODY && answer.length > 0) {
                answer = java.util.Arrays.copyOf(answer, answer.length + 1);
                answer[answer.length - 1] = '\n';
            }
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(response.statusCode(), -1);
            } else {
                send(exchange, response.statusCode(), answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void record(String method, URI uri, int status) {
        seen.add(new Seen(method, uri.getPath(), uri.getRawQuery(), System.currentTimeMillis(), status));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
