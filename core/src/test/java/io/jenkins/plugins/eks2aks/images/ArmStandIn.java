package io.jenkins.plugins.eks2aks.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Azure Resource Manager's {@code Registries.importImage} on loopback, with the real response shapes: 202 Accepted
 * with {@code Azure-AsyncOperation} and {@code Location}, an operation status resource ({@code InProgress},
 * {@code Succeeded}, {@code Failed} with an error), 404 {@code ResourceNotFound} for an unknown registry. The import
 * itself is done for real by {@code skopeo copy --all} from the source to the target registry, with the credentials
 * the request carried.
 */
final class ArmStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService imports = Executors.newCachedThreadPool();
    private final String registryName;
    private final String targetHostPort;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Future<String>> operations = new ConcurrentHashMap<>();
    private final Set<String> failFirstFor = ConcurrentHashMap.newKeySet();
    private final Map<String, String[]> failAlways = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();

    ArmStandIn(String registryName, String targetHostPort) throws IOException {
        this.registryName = registryName;
        this.targetHostPort = targetHostPort;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The first import of this source image ends Failed (an ACR-side hiccup). */
    void failFirstImportOf(String sourceImage) {
        failFirstFor.add(sourceImage);
    }

    /** Every import of this source image ends Failed with this ARM error (as ACR reports a refused import). */
    void failEveryImportOf(String sourceImage, String code, String message) {
        failAlways.put(sourceImage, new String[] {code, message});
    }

    /** The imports asked for this source image ({@code repo@digest}). */
    long importsOf(String sourceImage) {
        return requests.stream().filter(r -> r.path("source").path("sourceImage").asText().equals(sourceImage)).count();
    }

    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    int maxRunning() {
        return maxRunning.get();
    }

    int polls() {
        return polls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("POST") && path.endsWith("/importImage")) {
                String[] parts = path.split("/");
                String name = parts[parts.length - 2];
                if (!name.equals(registryName)) {
                    send(exchange, 404, "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource "
                            + "'Microsoft.ContainerRegistry/registries/" + name + "' under resource group '" + parts[4] + "' was not found.\"}}");
                    return;
                }
                JsonNode request = JSON.readTree(body);
                requests.add(request);
                String id = UUID.randomUUID().toString();
                operations.put(id, imports.submit(() -> runImport(request)));
                String base = endpoint() + "subscriptions/sub/providers/Microsoft.ContainerRegistry/locations/eastus/operations/" + id;
                exchange.getResponseHeaders().add("Azure-AsyncOperation", base + "?api-version=2023-07-01");
                exchange.getResponseHeaders().add("Location", base + "/results?api-version=2023-07-01");
                send(exchange, 202, "");
                return;
            }
            if (exchange.getRequestMethod().equals("GET") && path.contains("/operations/")) {
                polls.incrementAndGet();
                String id = path.substring(path.indexOf("/operations/") + 12).replace("/results", "");
                Future<String> op = operations.get(id);
                if (path.endsWith("/results")) {
                    send(exchange, 204, "");
                } else if (!op.isDone()) {
                    send(exchange, 200, "{\"status\":\"InProgress\"}");
                } else {
                    String failure;
                    try {
                        failure = op.get();
                    } catch (Exception e) {
                        failure = "ImportFailed\n" + e;
                    }
                    String[] error = failure == null ? null : failure.split("\n", 2);
                    send(exchange, 200, failure == null ? "{\"status\":\"Succeeded\"}"
                            : "{\"status\":\"Failed\",\"error\":{\"code\":" + JSON.writeValueAsString(error[0]) + ",\"message\":"
                            + JSON.writeValueAsString(error[1]) + "}}");
                }
                return;
            }
            send(exchange, 400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"unexpected " + path + "\"}}");
        }
    }

    /** Copies with skopeo, as ACR would pull; returns null on success, else the failure's code, a newline and its message. */
    private String runImport(JsonNode request) throws Exception {
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
            Thread.sleep(300); // imports take a while; this makes parallel polling visible
            JsonNode source = request.path("source");
            String image = source.path("sourceImage").asText();
            if (failFirstFor.remove(image)) {
                return "ImportFailed\nOperation timed out pulling " + image;
            }
            String[] refused = failAlways.get(image);
            if (refused != null) {
                return refused[0] + "\n" + refused[1];
            }
            String target = request.path("targetTags").path(0).asText(null);
            String destination = target != null ? target : request.path("untaggedTargetRepositories").path(0).asText();
            Process p = new ProcessBuilder("skopeo", "copy", "--all", "--preserve-digests", "--src-tls-verify=false", "--dest-tls-verify=false",
                    "--src-creds", source.path("credentials").path("username").asText() + ":" + source.path("credentials").path("password").asText(),
                    "docker://" + source.path("registryUri").asText() + "/" + image, "docker://" + targetHostPort + "/" + destination)
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? null : "ImportFailed\n" + output.strip();
        } finally {
            running.decrementAndGet();
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        imports.shutdownNow();
    }
}
