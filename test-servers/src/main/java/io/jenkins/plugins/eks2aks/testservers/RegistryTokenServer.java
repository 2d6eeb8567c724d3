package io.jenkins.plugins.eks2aks.testservers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The token endpoint of the Docker registry token-auth flow, the flow ECR-style and ACR/Docker Hub clients follow:
 * the registry answers 401 with {@code WWW-Authenticate: Bearer realm=...,service=...,scope=...}, the client asks
 * this endpoint for a token with Basic credentials, and retries with {@code Authorization: Bearer}.
 *
 * <p>It runs in the test JVM (JDK HttpServer) so tests can count tokens and see granted scopes. Tokens are RS256 JWTs
 * whose header carries the signing certificate in {@code x5c}; the registry trusts them because the same
 * self-signed certificate is its {@code rootcertbundle}. A valid user gets exactly the scopes it asked for; anything
 * else gets 401.
 */
final class RegistryTokenServer implements AutoCloseable {
    static final String PATH = "/oauth2/token";
    private static final long TOKEN_LIFETIME_SECONDS = 300;

    private final String issuer;
    private final String service;
    private final String username;
    private final String password;
    private final PrivateKey signingKey;
    private final String certificateBase64;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger requestsRejected = new AtomicInteger();
    private final List<String> scopesGranted = new CopyOnWriteArrayList<>();
    private final List<String> grants = new CopyOnWriteArrayList<>();
    // What 'docker login' keeps as identitytoken: an OAuth2 refresh token standing for the user.
    private final String refreshToken = "identity-" + UUID.randomUUID();

    /**
     * Makes a key and self-signed certificate with openssl in {@code dir} ({@code cert.pem} is what the registry
     * must trust) and starts listening on an ephemeral loopback port.
     */
    RegistryTokenServer(Path dir, String issuer, String service, String username, String password) throws Exception {
        this.issuer = issuer;
        this.service = service;
        this.username = username;
        this.password = password;
        Path key = dir.resolve("token-key.pem");
        Path cert = certificateFile(dir);
        Processes.runChecked(List.of(TestServerInstall.openssl().toString(), "req", "-x509", "-newkey", "rsa:2048",
                "-nodes", "-subj", "/CN=" + issuer, "-days", "7", "-keyout", key.toString(), "-out", cert.toString()), dir);
        this.signingKey = readPkcs8RsaKey(key);
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(cert)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        this.certificateBase64 = Base64.getEncoder().encodeToString(certificate.getEncoded());

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "registry-token-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
        server.start();
    }

    static Path certificateFile(Path dir) {
        return dir.resolve("token-cert.pem");
    }

    URI realm() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    int requestsRejected() {
        return requestsRejected.get();
    }

    String refreshToken() {
        return refreshToken;
    }

    /** How each token was asked for: {@code basic} (GET), {@code password} or {@code refresh_token} (POST). */
    List<String> grants() {
        return List.copyOf(grants);
    }

    List<String> scopesGranted() {
        return Collections.unmodifiableList(new ArrayList<>(scopesGranted));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // GET with Basic credentials is the classic flow (docker, skopeo); POST with a form is the OAuth2 variant.
            List<String[]> params = new ArrayList<>(parseQuery(exchange.getRequestURI().getRawQuery()));
            String user = null;
            String secret = null;
            if ("POST".equals(exchange.getRequestMethod())) {
                List<String[]> form = parseQuery(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                params.addAll(form);
                if ("password".equals(first(form, "grant_type"))) {
                    user = first(form, "username");
                    secret = first(form, "password");
                } else if ("refresh_token".equals(first(form, "grant_type"))) {
                    if (!refreshToken.equals(first(form, "refresh_token"))) {
                        reject(exchange, 401, "UNAUTHORIZED", "invalid refresh token");
                        return;
                    }
                    user = username;
                    secret = password;
                }
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                reject(exchange, 405, "UNSUPPORTED", "use GET or POST");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (user == null && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon >= 0) {
                    user = decoded.substring(0, colon);
                    secret = decoded.substring(colon + 1);
                }
            }
            if (!username.equals(user) || !password.equals(secret)) {
                reject(exchange, 401, "UNAUTHORIZED", "authentication required: wrong or missing credentials");
                return;
            }
            String requestedService = first(params, "service");
            if (requestedService != null && !service.equals(requestedService)) {
                reject(exchange, 400, "DENIED", "unknown service " + requestedService);
                return;
            }
            List<String> scopes = new ArrayList<>();
            for (String[] param : params) {
                if (param[0].equals("scope")) {
                    for (String scope : param[1].trim().split("\\s+")) {
                        if (!scope.isEmpty()) {
                            scopes.add(scope);
                        }
                    }
                }
            }
            String token = issueToken(user, scopes);
            tokensIssued.incrementAndGet();
            grants.add("POST".equals(exchange.getRequestMethod()) ? first(params, "grant_type") : "basic");
            scopesGranted.addAll(scopes);
            String body = "{\"token\":" + Json.string(token) + ",\"access_token\":" + Json.string(token)
                    + ",\"expires_in\":" + TOKEN_LIFETIME_SECONDS + ",\"issued_at\":" + Json.string(Instant.now().toString()) + "}";
            send(exchange, 200, body);
        } catch (RuntimeException | IOException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private String issueToken(String subject, List<String> scopes) {
        StringBuilder access = new StringBuilder("[");
        for (String scope : scopes) {
            // type:name:actions, where the name itself may contain ':' (a registry host with port) but not the ends.
            int firstColon = scope.indexOf(':');
            int lastColon = scope.lastIndexOf(':');
            if (firstColon < 0 || lastColon == firstColon) {
                continue;
            }
            StringBuilder actions = new StringBuilder("[");
            for (String action : scope.substring(lastColon + 1).split(",")) {
                if (!action.isEmpty()) {
                    actions.append(actions.length() > 1 ? "," : "").append(Json.string(action));
                }
            }
            actions.append(']');
            access.append(access.length() > 1 ? "," : "")
                    .append("{\"type\":").append(Json.string(scope.substring(0, firstColon)))
                    .append(",\"name\":").append(Json.string(scope.substring(firstColon + 1, lastColon)))
                    .append(",\"actions\":").append(actions).append('}');
        }
        access.append(']');
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5c\":[" + Json.string(certificateBase64) + "]}";
        String claims = "{\"iss\":" + Json.string(issuer)
                + ",\"sub\":" + Json.string(subject)
                + ",\"aud\":" + Json.string(service)
                + ",\"exp\":" + (now + TOKEN_LIFETIME_SECONDS)
                + ",\"nbf\":" + (now - 10) // small leeway: the registry compares against its own clock
                + ",\"iat\":" + now
                + ",\"jti\":" + Json.string(UUID.randomUUID().toString())
                + ",\"access\":" + access + "}";
        Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64Url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signingKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign a registry token", e);
        }
    }

    private void reject(HttpExchange exchange, int status, String code, String message) throws IOException {
        requestsRejected.incrementAndGet();
        if (status == 401) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"" + service + " token endpoint\"");
        }
        send(exchange, status, "{\"errors\":[{\"code\":" + Json.string(code) + ",\"message\":" + Json.string(message) + "}]}");
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static List<String[]> parseQuery(String raw) {
        List<String[]> result = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            result.add(new String[] {URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)});
        }
        return result;
    }

    private static String first(List<String[]> params, String name) {
        return params.stream().filter(p -> p[0].equals(name)).map(p -> p[1]).findFirst().orElse(null);
    }

    private static PrivateKey readPkcs8RsaKey(Path pem) throws Exception {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalStateException("openssl wrote a key that is not PKCS#8 (" + pem + "); OpenSSL 1.1 or later is needed");
        }
        String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
