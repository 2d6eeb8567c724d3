package io.jenkins.plugins.eks2aks.images.registry;

import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.auth.RegistryCredentials;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authentication to one registry, the way docker and skopeo do it: the first 401 tells the scheme. Basic sends the
 * credentials on every request (ECR, htpasswd registries). Bearer fetches a token for the request's scopes from the
 * challenge's realm with the credentials (or anonymously), caches it until shortly before it expires, and fetches a
 * new one when it runs out or a registry rejects it (ACR, Docker Hub, token-auth registries).
 *
 * <p>Once the realm is known, tokens for new scopes are fetched before the request, not after a 401, which saves a
 * round trip per repository. Thread-safe.
 */
final class RegistryAuth {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    // Refresh a little before expiry: a token that expires in flight costs a failed request.
    private static final Duration EARLY_REFRESH = Duration.ofSeconds(10);
    // The Docker token spec: without expires_in a token lasts 60 seconds.
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);

    private final String host;
    private final CredentialsProvider credentials;
    private final HttpTransport http;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private volatile String scheme;
    private volatile String realm;
    private volatile String service;

    RegistryAuth(String host, CredentialsProvider credentials, HttpTransport http, Clock clock) {
        this.host = host;
        this.credentials = credentials;
        this.http = http;
        this.clock = clock;
    }

    /** The Authorization header for a request needing {@code scopes}, when the scheme is already known. */
    Optional<String> authorization(Set<String> scopes) throws IOException, InterruptedException {
        if ("basic".equals(scheme)) {
            return credentials.credentialsFor(host).filter(c -> !c.isIdentityToken()).map(RegistryAuth::basic);
        }
        if ("bearer".equals(scheme)) {
            return Optional.of("Bearer " + token(scopes, false));
        }
        return Optional.empty();
    }

    /**
     * Learns from a 401's {@code WWW-Authenticate}. True when the request is worth repeating with
     * {@link #authorization(Set)}: the scheme was new, or a cached token was stale and a fresh one was fetched.
     *
     * @param sentAuthorization the header the rejected request carried, or null
     */
    boolean onChallenge(String challenge, Set<String> scopes, String sentAuthorization)
            throws IOException, InterruptedException {
        if (challenge == null) {
            return false;
        }
        String lower = challenge.trim().toLowerCase();
        if (lower.startsWith("basic")) {
            boolean sentBasic = sentAuthorization != null && sentAuthorization.startsWith("Basic ");
            scheme = "basic";
            if (credentials.credentialsFor(host).isEmpty()) {
                throw new RegistryException(host + " requires credentials and none were given for it", 401);
            }
            if (credentials.credentialsFor(host).get().isIdentityToken()) {
                throw new RegistryException(host + " asks for Basic auth, and its credentials are an identity token (a refresh "
                        + "token for Bearer auth): give a user and password for it", 401);
            }
            return !sentBasic;
        }
        if (lower.startsWith("bearer")) {
            Map<String, String> params = parameters(challenge);
            realm = params.get("realm");
            service = params.get("service");
            scheme = "bearer";
            if (realm == null) {
                throw new RegistryException(host + " sent a Bearer challenge without a realm", 401);
            }
            Set<String> wanted = new TreeSet<>(scopes);
            if (params.get("scope") != null && !params.get("scope").isBlank()) {
                wanted.addAll(Set.of(params.get("scope").trim().split("\\s+")));
            }
            boolean sentBearer = sentAuthorization != null && sentAuthorization.startsWith("Bearer ");
            token(wanted, sentBearer);
            if (!wanted.equals(new TreeSet<>(scopes))) {
                // The registry wants more than the caller declared; remember it for this scope set.
                tokens.put(key(scopes), tokens.get(key(wanted)));
            }
            return true;
        }
        return false;
    }

    private synchronized String token(Set<String> scopes, boolean forceNew) throws IOException, InterruptedException {
        String key = key(scopes);
        Token cached = tokens.get(key);
        Instant now = clock.instant();
        if (!forceNew && cached != null && now.isBefore(cached.expiresAt().minus(EARLY_REFRESH))) {
            return cached.value();
        }
        StringBuilder query = new StringBuilder();
        if (service != null) {
            query.append("service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
        }
        for (String scope : new TreeSet<>(scopes)) {
            query.append(query.length() == 0 ? "" : "&").append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        Optional<RegistryCredentials> creds = credentials.credentialsFor(host);
        boolean refresh = creds.isPresent() && creds.get().isIdentityToken();
        Map<String, Object> body;
        try (RegistryResponse response = refresh ? refreshTokenGrant(creds.get(), scopes) : http.send("GET",
                URI.create(realm + (realm.contains("?") ? "&" : "?") + query),
                creds.map(c -> Map.of("Authorization", basic(c))).orElse(Map.of()), null)) {
            if (response.status() == 401 || response.status() == 403) {
                throw new RegistryException(host + ": the token endpoint rejected the "
                        + (refresh ? "identity token" : creds.isPresent() ? "credentials for user " + creds.get().username() : "anonymous request")
                        + " (HTTP " + response.status() + ")", 401);
            }
            if (response.status() != 200) {
                throw new RegistryException(host + ": the token endpoint answered HTTP " + response.status(), response.status());
            }
            body = JsonValues.object(response.bytes());
        }
        String value = JsonValues.text(body, "token", JsonValues.text(body, "access_token", ""));
        if (value.isEmpty()) {
            throw new RegistryException(host + ": the token endpoint answered without a token", 502);
        }
        long expiresIn = JsonValues.number(body, "expires_in", -1);
        Duration lifetime = expiresIn > 0 ? Duration.ofSeconds(expiresIn) : DEFAULT_TOKEN_LIFETIME;
        tokens.put(key, new Token(value, now.plus(lifetime)));
        return value;
    }

    /**
     * The OAuth2 refresh-token grant of the Docker token spec (what docker does with an identity token): POST to the
     * realm with the form {@code grant_type=refresh_token}, the service, the scopes space-separated, a client id.
     */
    private RegistryResponse refreshTokenGrant(RegistryCredentials identity, Set<String> scopes) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder("grant_type=refresh_token&client_id=eks2aks&refresh_token=")
                .append(URLEncoder.encode(identity.password(), StandardCharsets.UTF_8));
        if (service != null) {
            form.append("&service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
        }
        if (!scopes.isEmpty()) {
            form.append("&scope=").append(URLEncoder.encode(String.join(" ", new TreeSet<>(scopes)), StandardCharsets.UTF_8));
        }
        return http.send("POST", URI.create(realm), Map.of("Content-Type", "application/x-www-form-urlencoded"),
                RequestBody.of(form.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String key(Set<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }

    static Map<String, String> parameters(String challenge) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1).toLowerCase(), m.group(2));
        }
        return params;
    }

    static String basic(RegistryCredentials c) {
        return "Basic " + Base64.getEncoder().encodeToString((c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
    }

    private record Token(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }
}
