package io.jenkins.plugins.eks2aks.images.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The ECR API on loopback, answering in the real shapes (AWS JSON 1.1 protocol: POST / with {@code X-Amz-Target};
 * timestamps in epoch seconds), so the real SDK client can be pointed at it:
 * <ul>
 *   <li>{@code GetAuthorizationToken}: a token for the user and password given;</li>
 *   <li>{@code DescribeRepositories} and {@code DescribeImages} over the repositories the test adds, in pages of
 *       {@link #pageSize(int)} with an opaque {@code nextToken}, honouring {@code filter.tagStatus}, answering
 *       {@code RepositoryNotFoundException} and, for denied repositories, {@code AccessDeniedException} as ECR does.</li>
 * </ul>
 */
public final class EcrStandIn implements AutoCloseable {

    /** The registry id (account) of the stand-in's repositories. */
    public static final String ACCOUNT = "123456789012";
    private static final String PREFIX = "AmazonEC2ContainerRegistry_V20150921.";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An image in a repository.
     *
     * @param digest   its manifest digest
     * @param pushedAt when it was pushed
     * @param tags     its tags; none for an untagged image
     */
    public record Image(String digest, Instant pushedAt, List<String> tags) {
        public Image(String digest, Instant pushedAt, String... tags) {
            this(digest, pushedAt, List.of(tags));
        }
    }

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final String user;
    private final String password;
    private final Clock clock;
    private final Duration lifetime;
    // In the order added, not sorted: ECR does not promise an order either.
    private final Map<String, List<Image>> repositories = new LinkedHashMap<>();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final List<Call> received = new CopyOnWriteArrayList<>();
    private volatile int pageSize = 100;
    private volatile boolean rejectCredentials;
    private volatile String proxyEndpoint;

    public EcrStandIn(String user, String password, Clock clock, Duration lifetime) throws IOException {
        this.user = user;
        this.password = password;
        this.clock = clock;
        this.lifetime = lifetime;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            try (exchange) {
                String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
                byte[] request = exchange.getRequestBody().readAllBytes();
                Answer answer = answer(target.startsWith(PREFIX) ? target.substring(PREFIX.length()) : target,
                        request.length == 0 ? JSON.createObjectNode() : JSON.readTree(request));
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(answer.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    /** A stand-in serving only the ECR API's listing calls (no registry behind the tokens). */
    public static EcrStandIn catalog() throws IOException {
        return new EcrStandIn("AWS", "unused", Clock.systemUTC(), Duration.ofHours(12));
    }

    private record Answer(int status, String body) {
    }

    private record Call(String operation, JsonNode body) {
    }

    private Answer answer(String operation, JsonNode request) throws IOException {
        received.add(new Call(operation, request));
        if (rejectCredentials) {
            // What ECR answers a request signed with an access key it does not know.
            return error("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        return switch (operation) {
            case "GetAuthorizationToken" -> token();
            case "DescribeRepositories" -> describeRepositories(request);
            case "DescribeImages" -> describeImages(request);
            default -> error("UnknownOperationException", "unknown operation " + operation);
        };
    }

    private Answer token() {
        calls.incrementAndGet();
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        long expiresAt = clock.instant().plus(lifetime).getEpochSecond();
        return new Answer(200, "{\"authorizationData\":[{\"authorizationToken\":\"" + token + "\",\"expiresAt\":" + expiresAt
                + ",\"proxyEndpoint\":\"" + (proxyEndpoint != null ? proxyEndpoint : "https://" + ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com")
                + "\"}]}");
    }

    private Answer describeRepositories(JsonNode request) throws IOException {
        List<ObjectNode> all = new ArrayList<>();
        synchronized (repositories) {
            for (String name : repositories.keySet()) {
                ObjectNode r = JSON.createObjectNode();
                r.put("repositoryArn", "arn:aws:ecr:us-east-1:" + ACCOUNT + ":repository/" + name);
                r.put("registryId", ACCOUNT);
                r.put("repositoryName", name);
                r.put("repositoryUri", ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/" + name);
                r.put("createdAt", new BigDecimal("1700000000.000"));
                r.put("imageTagMutability", "MUTABLE");
                r.putObject("imageScanningConfiguration").put("scanOnPush", false);
                r.putObject("encryptionConfiguration").put("encryptionType", "AES256");
                all.add(r);
            }
        }
        return page(request, "repositories", all);
    }

    private Answer describeImages(JsonNode request) throws IOException {
        String name = request.path("repositoryName").asText();
        List<Image> images;
        synchronized (repositories) {
            images = repositories.get(name);
        }
        if (images == null) {
            return error("RepositoryNotFoundException", "The repository with name '" + name
                    + "' does not exist in the registry with id '" + ACCOUNT + "'");
        }
        if (denied.contains(name)) {
            return error("AccessDeniedException", "User: arn:aws:iam::" + ACCOUNT + ":user/ci is not authorized to perform: "
                    + "ecr:DescribeImages on resource: arn:aws:ecr:us-east-1:" + ACCOUNT + ":repository/" + name);
        }
        String status = request.path("filter").path("tagStatus").asText("ANY");
        Predicate<Image> wanted = switch (status) {
            case "TAGGED" -> i -> !i.tags().isEmpty();
            case "UNTAGGED" -> i -> i.tags().isEmpty();
            default -> i -> true;
        };
        List<ObjectNode> details = new ArrayList<>();
        for (Image image : images) {
            if (!wanted.test(image)) {
                continue;
            }
            ObjectNode d = JSON.createObjectNode();
            d.put("registryId", ACCOUNT);
            d.put("repositoryName", name);
            d.put("imageDigest", image.digest());
            if (!image.tags().isEmpty()) {
                ArrayNode tags = d.putArray("imageTags");
                image.tags().forEach(tags::add);
            }
            d.put("imageSizeInBytes", 31_457_280);
            // Epoch seconds with milliseconds, as ECR sends them.
            d.put("imagePushedAt", BigDecimal.valueOf(image.pushedAt().toEpochMilli()).movePointLeft(3));
            d.put("imageManifestMediaType", "application/vnd.docker.distribution.manifest.v2+json");
            d.put("artifactMediaType", "application/vnd.docker.container.image.v1+json");
            details.add(d);
        }
        return page(request, "imageDetails", details);
    }

    /** One page of {@code items} from the request's nextToken, with the next token when more remain. */
    private Answer page(JsonNode request, String field, List<ObjectNode> items) throws IOException {
        int from = 0;
        if (request.hasNonNull("nextToken")) {
            String token = new String(Base64.getDecoder().decode(request.get("nextToken").asText()), StandardCharsets.UTF_8);
            if (!token.startsWith("offset:")) {
                return error("InvalidParameterException", "Invalid parameter at 'nextToken' failed to satisfy constraint");
            }
            from = Integer.parseInt(token.substring("offset:".length()));
        }
        int size = request.path("maxResults").asInt(pageSize);
        int to = Math.min(items.size(), from + size);
        ObjectNode body = JSON.createObjectNode();
        body.putArray(field).addAll(items.subList(Math.min(from, to), to));
        if (to < items.size()) {
            body.put("nextToken", Base64.getEncoder().encodeToString(("offset:" + to).getBytes(StandardCharsets.UTF_8)));
        }
        return new Answer(200, JSON.writeValueAsString(body));
    }

    private static Answer error(String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", type);
        body.put("message", message);
        return new Answer(400, JSON.writeValueAsString(body));
    }

    /** Adds (or replaces) a repository with these images. */
    public EcrStandIn repository(String name, Image... images) {
        synchronized (repositories) {
            repositories.put(name, List.of(images));
        }
        return this;
    }

    /** Answers DescribeImages on {@code name} with AccessDeniedException. */
    /**
     * The {@code proxyEndpoint} tokens are answered with: where the registry behind them is reached (a private ECR
     * endpoint's address; here a local registry's {@code http://127.0.0.1:PORT}) instead of the account's ECR host.
     */
    public EcrStandIn proxyEndpoint(String url) {
        this.proxyEndpoint = url;
        return this;
    }

    public EcrStandIn deny(String name) {
        denied.add(name);
        return this;
    }

    /** Answers every call with UnrecognizedClientException, as for an unknown access key. */
    public EcrStandIn rejectCredentials() {
        rejectCredentials = true;
        return this;
    }

    /** Items per page when the request does not say (ECR's default is 100). */
    public EcrStandIn pageSize(int size) {
        pageSize = size;
        return this;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** GetAuthorizationToken calls. */
    public int calls() {
        return calls.get();
    }

    /** How many requests named {@code operation} ({@code DescribeImages}, …). */
    public long calls(String operation) {
        return received.stream().filter(c -> c.operation().equals(operation)).count();
    }

    /** The JSON bodies of the requests named {@code operation}, in order. */
    public List<JsonNode> requests(String operation) {
        return received.stream().filter(c -> c.operation().equals(operation)).map(Call::body).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
