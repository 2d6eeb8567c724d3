package io.jenkins.plugins.eks2aks.images.registry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry transport keeps {@code parallel} connections per host open and reuses them, whatever the JVM-wide
 * {@code http.maxConnections} (5 by default) says. A keep-alive HTTP/1.1 server on loopback counts the connections it
 * accepts.
 */
class PooledTransportTest {

    private final AtomicInteger accepted = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();

    private URI start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serverThreads.submit(() -> {
            while (!server.isClosed()) {
                Socket s = server.accept();
                accepted.incrementAndGet();
                serverThreads.submit(() -> serve(s));
            }
            return null;
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Answers every request on the connection: 404 with a JSON body for /missing, else 200 "ok", after 5 ms. */
    private Void serve(Socket s) throws Exception {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                String requestLine = line;
                int length = 0;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                char[] body = new char[length];
                for (int read = 0; read < length; ) {
                    read += in.read(body, read, length - read);
                }
                requests.add(requestLine + " " + length);
                Thread.sleep(5);
                boolean missing = requestLine.contains("/missing");
                String content = missing ? "{\"errors\":[]}" : "ok";
                String head = requestLine.startsWith("HEAD") ? "" : content;
                out.write(((missing ? "HTTP/1.1 404 Not Found" : "HTTP/1.1 200 OK") + "\r\nContent-Type: "
                        + (missing ? "application/json" : "text/plain") + "\r\nContent-Length: " + content.length() + "\r\n\r\n" + head)
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }
        return null;
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        serverThreads.shutdownNow();
    }

    @Test
    void parallelRequestsReuseParallelConnections() throws Exception {
        URI base = start();
        int parallel = 8;
        ExecutorService clients = Executors.newFixedThreadPool(parallel);
        try (PooledTransport transport = new PooledTransport(parallel, Duration.ofSeconds(5), Duration.ofSeconds(5))) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < parallel; t++) {
                done.add(clients.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String path = i % 3 == 0 ? "/v2/missing" : "/v2/app/manifests/" + i;
                        String method = i % 2 == 0 ? "HEAD" : "GET";
                        try (RegistryResponse r = transport.send(method, base.resolve(path), Map.of("Accept", "x"), null)) {
                            assertEquals(path.contains("missing") ? 404 : 200, r.status());
                            if (method.equals("GET") && !path.contains("missing")) {
                                assertArrayEquals("ok".getBytes(StandardCharsets.UTF_8), r.bytes());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(200, requests.size());
        assertTrue(accepted.get() <= parallel, "200 requests, " + parallel + " at a time, over " + accepted.get() + " connections");
        assertTrue(accepted.get() > 5, "more than the JDK's 5 kept connections were open at once: " + accepted.get());
    }

    @Test
    void bodiesAndEmptyPostsStateTheirLength() throws Exception {
        URI base = start();
        try (PooledTransport transport = new PooledTransport(2, Duration.ofSeconds(5), Duration.ofSeconds(5))) {
            transport.send("POST", base.resolve("/v2/app/blobs/uploads/"), Map.of(), null).close();
            transport.send("PATCH", base.resolve("/v2/app/blobs/uploads/1"), Map.of(), RequestBody.of(new byte[3])).close();
            transport.send("PUT", base.resolve("/v2/app/manifests/1"), Map.of(), RequestBody.of(new byte[7])).close();
        }
        assertEquals(List.of("POST /v2/app/blobs/uploads/ HTTP/1.1 0", "PATCH /v2/app/blobs/uploads/1 HTTP/1.1 3",
                "PUT /v2/app/manifests/1 HTTP/1.1 7"), requests);
        assertEquals(1, accepted.get(), "one connection for all three");
    }
}
