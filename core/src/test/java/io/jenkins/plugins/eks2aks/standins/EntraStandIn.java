package io.jenkins.plugins.eks2aks.standins;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Entra ID's token endpoint on loopback over HTTPS, in its real shapes: {@code POST /{tenant}/oauth2/v2.0/token} with
 * the client-credentials form answers {@code {"token_type":"Bearer","expires_in":…,"access_token":…}} for the right
 * client secret and {@code 401 invalid_client} with {@code AADSTS7000215} (and the trace lines that follow it) for a
 * wrong one. Every request is recorded, and {@link #httpClient()} refuses any host but this one, so a test sees
 * whether the SDK asked {@code login.microsoftonline.com} (instance discovery) first.
 */
public final class EntraStandIn implements AutoCloseable {

    /** One request: method, path, and the form fields of a POST. */
    public record Request(String method, String path, Map<String, String> form) {
    }

    private final LocalTls tls = new LocalTls();
    private final HttpsServer server;
    private final String tenant;
    private final String clientId;
    private final String clientSecret;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> elsewhere = Collections.synchronizedList(new ArrayList<>());
    private volatile java.security.PublicKey certificateKey;

    public EntraStandIn(String tenant, String clientId, String clientSecret) {
        this.tenant = tenant;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        server = tls.server();
        server.createContext("/", this::handle);
        server.start();
    }

    /** The authority host, for {@code AZURE_AUTHORITY_HOST}: {@code https://localhost:PORT/}. */
    public String authorityHost() {
        return "https://localhost:" + server.getAddress().getPort() + "/";
    }

    /** An Azure HTTP client for the credential: trusts this stand-in, and fails (recording it) any request to another host. */
    public HttpClient httpClient() {
        HttpClient local = tls.httpClient();
        return new HttpClient() {
            @Override
            public Mono<HttpResponse> send(HttpRequest request) {
                URI url = URI.create(request.getUrl().toString());
                if (!"localhost".equals(url.getHost()) || url.getPort() != server.getAddress().getPort()) {
                    elsewhere.add(url.toString());
                    return Mono.error(new IOException("no network to " + url.getHost() + " in this test"));
                }
                return local.send(request);
            }
        };
    }

    /**
     * Registers a certificate on the app, as its "Certificates & secrets" page does: a client assertion (a JWT for this
     * token endpoint, issued by and about the client) signed with the certificate's key then gets a token.
     */
    public EntraStandIn acceptCertificate(java.security.cert.X509Certificate certificate) {
        certificateKey = certificate.getPublicKey();
        return this;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Token requests received. */
    public long tokenRequests() {
        return requests().stream().filter(r -> r.path().endsWith("/oauth2/v2.0/token")).count();
    }

    /** Requests the SDK tried to send to any other host (instance discovery goes to login.microsoftonline.com). */
    public List<String> requestsElsewhere() {
        synchronized (elsewhere) {
            return List.copyOf(elsewhere);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(new Request(exchange.getRequestMethod(), path, form));
        if (exchange.getRequestMethod().equals("POST") && path.equals("/" + tenant + "/oauth2/v2.0/token")) {
            boolean signedIn = form.containsKey("client_assertion") ? assertionValid(form, path)
                    : clientSecret.equals(form.get("client_secret"));
            if (clientId.equals(form.get("client_id")) && signedIn && "client_credentials".equals(form.get("grant_type"))) {
                send(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"entra-"
                        + UUID.randomUUID() + "\"}");
            } else {
                String trace = UUID.randomUUID().toString();
                send(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided. "
                        + "Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret "
                        + "added to app '" + form.get("client_id") + "'.\\r\\nTrace ID: " + trace + "\\r\\nCorrelation ID: " + trace
                        + "\\r\\nTimestamp: 2026-12-05 07:30:00Z\",\"error_codes\":[7000215],\"timestamp\":\"2026-12-05 07:30:00Z\","
                        + "\"trace_id\":\"" + trace + "\",\"correlation_id\":\"" + trace + "\","
                        + "\"error_uri\":\"" + authorityHost() + "error?code=7000215\"}");
            }
            return;
        }
        send(exchange, 404, "{\"error\":\"not_found\",\"error_description\":\"AADSTS90002: Tenant or endpoint not found: " + path + "\"}");
    }

    /** A client assertion: a JWT signed RS256 or PS256 by the registered certificate, for this client and endpoint. */
    private boolean assertionValid(Map<String, String> form, String path) {
        if (certificateKey == null || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
            return false;
        }
        String[] parts = form.get("client_assertion").split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            java.util.Base64.Decoder url = java.util.Base64.getUrlDecoder();
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var header = json.readTree(url.decode(parts[0]));
            var claims = json.readTree(url.decode(parts[1]));
            java.security.Signature signature;
            if ("PS256".equals(header.path("alg").asText())) {
                signature = java.security.Signature.getInstance("RSASSA-PSS");
                signature.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                        java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
            } else if ("RS256".equals(header.path("alg").asText())) {
                signature = java.security.Signature.getInstance("SHA256withRSA");
            } else {
                return false;
            }
            signature.initVerify(certificateKey);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(url.decode(parts[2])) && clientId.equals(claims.path("iss").asText())
                    && clientId.equals(claims.path("sub").asText()) && claims.path("aud").asText().endsWith(path)
                    && claims.path("exp").asLong() > System.currentTimeMillis() / 1000;
        } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        tls.close();
    }
}
