package io.jenkins.plugins.eks2aks.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ACR login server on loopback, as far as authentication goes, with ACR's token endpoints in their real shapes:
 * <ul>
 *     <li>{@code POST /oauth2/exchange}, form {@code grant_type=access_token&service=<login server>[&tenant=..]
 *     &access_token=<Entra ID token>} → {@code {"refresh_token": "<JWT>"}} (an unsigned JWT whose {@code exp} the
 *     test chooses);</li>
 *     <li>{@code /oauth2/token}: {@code POST} form {@code grant_type=refresh_token&service&scope&refresh_token}, or
 *     {@code GET ?service&scope} with Basic {@code 00000000-0000-0000-0000-000000000000:<refresh token>} (what docker
 *     sends) → {@code {"access_token": "..."}}.</li>
 * </ul>
 * With a token-auth docker-registry behind it, it is the whole registry: {@code /v2/} is passed through, the
 * registry's Bearer challenge is rewritten to name this server's realm and service (as ACR's does), and access tokens
 * are the real registry's, fetched from its token server for the scopes asked. Without one, access tokens are
 * unsigned JWTs. Every exchange and token request is recorded.
 */
final class AcrStandIn implements AutoCloseable {

    static final String REFRESH_TOKEN_USER = "00000000-0000-0000-0000-000000000000";

    /** A request to /oauth2/exchange or /oauth2/token: method, form (or query) fields, Basic user, Content-Type. */
    record TokenRequest(String path, String method, Map<String, List<String>> fields, String basicUser, String basicPassword,
                        String contentType) {
        String field(String name) {
            List<String> values = fields.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** How /oauth2/exchange answers. */
    enum ExchangeMode { JWT, OPAQUE, NOT_JSON, NO_REFRESH_TOKEN }

    private static final Pattern REALM = Pattern.compile("realm=\"[^\"]*\"");
    private static final Pattern SERVICE = Pattern.compile("service=\"[^\"]*\"");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "transfer-encoding", "keep-alive", "date");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "acr-stand-in");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String aadToken;
    private final Clock clock;
    private final Duration refreshLifetime;
    private final DockerRegistry registry;
    private final Map<String, Instant> refreshTokens = new ConcurrentHashMap<>();
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private volatile ExchangeMode exchangeMode = ExchangeMode.JWT;
    private volatile String secretInErrors = "";

    /**
     * @param aadToken        the Entra ID access token the exchange accepts
     * @param refreshLifetime the refresh tokens' lifetime ({@code exp} = issue time on {@code clock} + this)
     * @param registry        a token-auth docker-registry to front, or null for the token endpoints only
     */
    AcrStandIn(String aadToken, Clock clock, Duration refreshLifetime, DockerRegistry registry) throws IOException {
        this.aadToken = aadToken;
        this.clock = clock;
        this.refreshLifetime = refreshLifetime;
        this.registry = registry;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The login server, {@code 127.0.0.1:PORT}: the {@code service} of the exchange and of the challenge. */
    String loginServer() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    void exchangeMode(ExchangeMode mode) {
        this.exchangeMode = mode;
    }

    /** Puts {@code secret} into error bodies, as a careless server might echo what it was sent. */
    void echoInErrors(String secret) {
        this.secretInErrors = secret;
    }

    List<TokenRequest> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The refresh tokens issued so far, oldest first. */
    List<String> refreshTokensIssued() {
        return List.copyOf(issued);
    }

    /** An unsigned JWT (alg none) with these claims. */
    static String jwt(Map<String, Object> claims) {
        try {
            return B64URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + B64URL.encodeToString(JSON.writeValueAsBytes(claims)) + ".";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/oauth2/exchange")) {
                exchange(exchange);
            } else if (path.equals("/oauth2/token")) {
                token(exchange);
            } else if (path.startsWith("/v2/") && registry != null) {
                proxy(exchange);
            } else {
                send(exchange, 404, "application/json", "{\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"not here\"}]}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (RuntimeException | IOException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private void exchange(HttpExchange exchange) throws IOException {
        TokenRequest request = record(exchange, "/oauth2/exchange");
        if (!exchange.getRequestMethod().equals("POST")) {
            send(exchange, 405, "application/json", error("UNSUPPORTED", "use POST"));
            return;
        }
        if (!"access_token".equals(request.field("grant_type")) || !loginServer().equals(request.field("service"))
                || !aadToken.equals(request.field("access_token"))) {
            send(exchange, 401, "application/json", error("UNAUTHORIZED", "the access token is invalid " + secretInErrors));
            return;
        }
        Instant now = clock.instant();
        Instant exp = now.plus(refreshLifetime);
        String token = exchangeMode == ExchangeMode.OPAQUE ? "opaque-" + UUID.randomUUID()
                : exchangeMode == ExchangeMode.NOT_JSON ? "bareRefreshToken" + UUID.randomUUID().toString().replace("-", "")
                : jwt(Map.of("jti", UUID.randomUUID().toString(), "sub", "identity", "aud", loginServer(), "iat", now.getEpochSecond(),
                "exp", exp.getEpochSecond(), "grant_type", "refresh_token", "tenant", String.valueOf(request.field("tenant"))));
        refreshTokens.put(token, exp);
        issued.add(token);
        switch (exchangeMode) {
            case NOT_JSON -> send(exchange, 200, "text/plain", token);
            case NO_REFRESH_TOKEN -> send(exchange, 200, "application/json", "{\"access_token\":\"" + token + "\"}");
            default -> send(exchange, 200, "application/json", "{\"refresh_token\":\"" + token + "\"}");
        }
    }

    private void token(HttpExchange exchange) throws IOException, InterruptedException {
        TokenRequest request = record(exchange, "/oauth2/token");
        String refreshToken;
        if (exchange.getRequestMethod().equals("POST")) {
            refreshToken = "refresh_token".equals(request.field("grant_type")) ? request.field("refresh_token") : null;
        } else {
            refreshToken = REFRESH_TOKEN_USER.equals(request.basicUser()) ? request.basicPassword() : null;
        }
        Instant exp = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (exp == null || !clock.instant().isBefore(exp) || !loginServer().equals(request.field("service"))) {
            send(exchange, 401, "application/json", error("UNAUTHORIZED", "authentication required " + secretInErrors));
            return;
        }
        List<String> scopes = new ArrayList<>();
        for (String scope : request.fields().getOrDefault("scope", List.of())) {
            scopes.addAll(List.of(scope.trim().split("\\s+")));
        }
        String access;
        if (registry != null) {
            StringBuilder query = new StringBuilder("service=" + URLEncoder.encode(registry.tokenService(), StandardCharsets.UTF_8));
            for (String scope : scopes) {
                query.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
            }
            HttpResponse<String> real = client.send(HttpRequest.newBuilder(URI.create(registry.tokenRealm().orElseThrow() + "?" + query))
                    .header("Authorization", basic(registry.username(), registry.password())).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (real.statusCode() != 200) {
                send(exchange, 502, "application/json", error("UPSTREAM", "the registry's token server answered " + real.statusCode()));
                return;
            }
            access = JSON.readTree(real.body()).path("token").asText();
        } else {
            access = jwt(Map.of("access", scopes, "exp", clock.instant().plus(Duration.ofMinutes(75)).getEpochSecond()));
        }
        send(exchange, 200, "application/json", "{\"access_token\":\"" + access + "\"}");
    }

    /** Passes /v2/ through; a Bearer challenge is rewritten to send clients to this server's token endpoint. */
    private void proxy(HttpExchange exchange) throws IOException, InterruptedException {
        URI uri = exchange.getRequestURI();
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(registry.baseUrl() + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.equalsIgnoreCase("host")) {
                values.forEach(v -> forward.header(name, v));
            }
        });
        HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                for (String v : values) {
                    if (name.equalsIgnoreCase("WWW-Authenticate")) {
                        v = SERVICE.matcher(REALM.matcher(v).replaceFirst(Matcher.quoteReplacement(
                                "realm=\"http://" + loginServer() + "/oauth2/token\""))).replaceFirst(Matcher.quoteReplacement(
                                "service=\"" + loginServer() + "\""));
                    }
                    exchange.getResponseHeaders().add(name, v);
                }
            }
        });
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(response.statusCode(), -1);
        } else {
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    private TokenRequest record(HttpExchange exchange, String path) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        parse(exchange.getRequestURI().getRawQuery(), fields);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (exchange.getRequestMethod().equals("POST")) {
            parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), fields);
        }
        String user = null;
        String password = null;
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            user = decoded.substring(0, Math.max(colon, 0));
            password = colon < 0 ? "" : decoded.substring(colon + 1);
        }
        TokenRequest request = new TokenRequest(path, exchange.getRequestMethod(), fields, user, password, contentType);
        requests.add(request);
        return request;
    }

    private static void parse(String raw, Map<String, List<String>> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String error(String code, String message) {
        try {
            return "{\"errors\":[{\"code\":" + JSON.writeValueAsString(code) + ",\"message\":" + JSON.writeValueAsString(message) + "}]}";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
