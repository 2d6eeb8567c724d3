package io.jenkins.plugins.eks2aks.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry with the OCI distribution 1.1 referrers API, for tests: a loopback front for a real docker-registry
 * (2.8 has no referrers API) that passes every request through and adds what 1.1 adds.
 * <ul>
 *     <li>{@code PUT /v2/<name>/manifests/<reference>} of a manifest with a {@code subject}: stored by the registry
 *     behind, then indexed here, and answered with {@code OCI-Subject: <subject digest>}.</li>
 *     <li>{@code GET /v2/<name>/referrers/<digest>}: an OCI image index ({@code application/vnd.oci.image.index.v1+json})
 *     of the manifests indexed for that subject, each descriptor with {@code artifactType} (the manifest's, else its
 *     config's media type) and the manifest's {@code annotations}; {@code ?artifactType=} filters (and says so in
 *     {@code OCI-Filters-Applied}); an unknown subject is an empty index, an invalid digest a 400. With a page size,
 *     longer lists come in pages linked by {@code Link: <...>; rel="next"}.</li>
 * </ul>
 * It knows only the manifests pushed through it, which is how a registry that just enabled the API behaves too.
 * Every request is recorded.
 */
final class ReferrersStandIn implements AutoCloseable {

    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

    /** A request as the stand-in saw it, with the status it answered. */
    record Seen(String method, String path, String query, int status) {
    }

    private static final Pattern REFERRERS = Pattern.compile("^/v2/(.+)/referrers/([^/]+)$");
    private static final Pattern MANIFEST = Pattern.compile("^/v2/(.+)/manifests/([^/]+)$");
    private static final Pattern SHA256 = Pattern.compile("^sha256:[a-f0-9]{64}$");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "transfer-encoding", "keep-alive", "date");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "referrers-stand-in");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String upstream;
    private final int pageSize;
    // repository -> subject digest -> referrer digest -> descriptor, in push order
    private final Map<String, Map<String, Map<String, ObjectNode>>> referrers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    /** Without pagination. */
    ReferrersStandIn(String upstreamBaseUrl) throws IOException {
        this(upstreamBaseUrl, Integer.MAX_VALUE);
    }

    /** @param pageSize at most this many descriptors per referrers answer */
    ReferrersStandIn(String upstreamBaseUrl, int pageSize) throws IOException {
        this.upstream = upstreamBaseUrl;
        this.pageSize = pageSize;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://" + hostPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    long count(Predicate<Seen> filter) {
        return seen.stream().filter(filter).count();
    }

    void resetSeen() {
        seen.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            Matcher referrersPath = REFERRERS.matcher(uri.getPath());
            if (referrersPath.matches() && (method.equals("GET") || method.equals("HEAD"))) {
                listReferrers(exchange, referrersPath.group(1), referrersPath.group(2), query(uri.getRawQuery()));
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpResponse<byte[]> response = forward(exchange, body);
            Matcher manifestPath = MANIFEST.matcher(uri.getPath());
            if (method.equals("PUT") && manifestPath.matches() && response.statusCode() == 201) {
                String subject = index(manifestPath.group(1), exchange.getRequestHeaders().getFirst("Content-Type"), body);
                if (subject != null) {
                    exchange.getResponseHeaders().add("OCI-Subject", subject);
                }
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            record(exchange, response.statusCode());
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(response.statusCode(), -1);
            } else {
                send(exchange, response.statusCode(), response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (RuntimeException | IOException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI uri = exchange.getRequestURI();
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstream + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .method(exchange.getRequestMethod(),
                        body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.equalsIgnoreCase("host")) {
                values.forEach(v -> forward.header(name, v));
            }
        });
        return client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Indexes a stored manifest that has a subject; returns the subject's digest, or null when it has none. */
    private String index(String repository, String contentType, byte[] manifest) {
        JsonNode root;
        try {
            root = JSON.readTree(manifest);
        } catch (IOException e) {
            return null;
        }
        JsonNode subject = root.path("subject");
        if (!subject.isObject() || !subject.path("digest").isTextual()) {
            return null;
        }
        ObjectNode descriptor = JSON.createObjectNode();
        String mediaType = root.path("mediaType").asText(contentType == null ? "" : contentType.split(";")[0].trim());
        descriptor.put("mediaType", mediaType);
        String digest = RegistryApi.sha256(manifest);
        descriptor.put("digest", digest);
        descriptor.put("size", manifest.length);
        // The spec: the manifest's artifactType, else its config's media type.
        String artifactType = root.path("artifactType").asText("");
        if (artifactType.isEmpty()) {
            artifactType = root.path("config").path("mediaType").asText("");
        }
        if (!artifactType.isEmpty()) {
            descriptor.put("artifactType", artifactType);
        }
        if (root.path("annotations").isObject()) {
            descriptor.set("annotations", root.get("annotations").deepCopy());
        }
        String subjectDigest = subject.get("digest").asText();
        referrers.computeIfAbsent(repository, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(subjectDigest, s -> java.util.Collections.synchronizedMap(new LinkedHashMap<>()))
                .put(digest, descriptor);
        return subjectDigest;
    }

    private void listReferrers(HttpExchange exchange, String repository, String digest, Map<String, String> query) throws IOException {
        if (!SHA256.matcher(digest).matches()) {
            byte[] error = "{\"errors\":[{\"code\":\"DIGEST_INVALID\",\"message\":\"provided digest did not match uploaded content\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            record(exchange, 400);
            send(exchange, 400, error);
            return;
        }
        List<ObjectNode> all;
        Map<String, ObjectNode> known = referrers.getOrDefault(repository, Map.of()).getOrDefault(digest, Map.of());
        synchronized (known) {
            all = new ArrayList<>(known.values());
        }
        String artifactType = query.get("artifactType");
        if (artifactType != null) {
            all.removeIf(d -> !artifactType.equals(d.path("artifactType").asText()));
            exchange.getResponseHeaders().add("OCI-Filters-Applied", "artifactType");
        }
        int from = query.containsKey("page") ? Integer.parseInt(query.get("page")) * pageSize : 0;
        int to = (int) Math.min((long) from + pageSize, all.size());
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", OCI_INDEX);
        ArrayNode manifests = index.putArray("manifests");
        for (ObjectNode d : all.subList(Math.min(from, all.size()), to)) {
            manifests.add(d);
        }
        if (to < all.size()) {
            int next = from / pageSize + 1;
            exchange.getResponseHeaders().add("Link", "</v2/" + repository + "/referrers/" + digest + "?page=" + next
                    + (artifactType == null ? "" : "&artifactType=" + artifactType) + ">; rel=\"next\"");
        }
        byte[] bytes = JSON.writeValueAsBytes(index);
        exchange.getResponseHeaders().add("Content-Type", OCI_INDEX);
        record(exchange, 200);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
        } else {
            send(exchange, 200, bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private void record(HttpExchange exchange, int status) {
        URI uri = exchange.getRequestURI();
        seen.add(new Seen(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), status));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
