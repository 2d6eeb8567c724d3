package io.jenkins.plugins.eks2aks.images.acr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.auth.RegistryCredentials;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Registry credentials for an ACR from an Entra ID (AAD) access token, the exchange {@code az acr login} does: POST
 * the AAD token to {@code /oauth2/exchange}, get an ACR refresh token, and use it as the password of the fixed user
 * {@code 00000000-0000-0000-0000-000000000000} in the registry's Bearer token flow. The refresh token is kept until
 * shortly before its {@code exp} and exchanged again then.
 */
public final class AcrEntraCredentials implements CredentialsProvider {

    /** The user name ACR expects with a refresh token. */
    public static final String REFRESH_TOKEN_USER = "00000000-0000-0000-0000-000000000000";
    private static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);
    private static final Duration ASSUMED_LIFETIME = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String loginServer;
    private final String tenantId;
    private final Supplier<String> aadAccessToken;
    private final HttpClient http;
    private final String scheme;
    private final Clock clock;
    private RegistryCredentials current;
    private Instant expiresAt = Instant.MIN;

    /**
     * @param loginServer    e.g. {@code contoso.azurecr.io}
     * @param tenantId       the Entra tenant, or null
     * @param aadAccessToken an access token for {@code https://management.azure.com/.default} (or the ACR audience),
     *                       fetched by the edge's Azure credential each time it is called
     * @param plainHttp      for test registries only
     */
    public AcrEntraCredentials(String loginServer, String tenantId, Supplier<String> aadAccessToken, HttpClient http,
                               boolean plainHttp, Clock clock) {
        this.loginServer = loginServer;
        this.tenantId = tenantId;
        this.aadAccessToken = aadAccessToken;
        this.http = http;
        this.scheme = plainHttp ? "http://" : "https://";
        this.clock = clock;
    }

    @Override
    public synchronized Optional<RegistryCredentials> credentialsFor(String host) {
        if (!loginServer.equals(host)) {
            return Optional.empty();
        }
        if (current == null || !clock.instant().isBefore(expiresAt.minus(REFRESH_BEFORE))) {
            String refreshToken = exchange();
            current = new RegistryCredentials(REFRESH_TOKEN_USER, refreshToken);
            expiresAt = expiry(refreshToken);
        }
        return Optional.of(current);
    }

    private String exchange() {
        String form = "grant_type=access_token&service=" + encode(loginServer)
                + (tenantId == null ? "" : "&tenant=" + encode(tenantId))
                + "&access_token=" + encode(aadAccessToken.get());
        HttpRequest request = HttpRequest.newBuilder(URI.create(scheme + loginServer + "/oauth2/exchange"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new MigrationException("ACR " + loginServer + " refused the Entra ID token exchange (HTTP "
                        + response.statusCode() + "); check that the identity has AcrPush/AcrPull on the registry");
            }
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                // Not the parser's message: it quotes the body, and a body that is not JSON may be a bare token.
                throw new MigrationException("ACR " + loginServer + " answered the token exchange with a body that is not JSON");
            }
            String token = body == null ? "" : body.path("refresh_token").asText("");
            if (token.isEmpty()) {
                throw new MigrationException("ACR " + loginServer + " answered the token exchange without a refresh_token");
            }
            return token;
        } catch (IOException e) {
            throw new MigrationException("ACR token exchange with " + loginServer + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("ACR token exchange with " + loginServer + " was interrupted", e);
        }
    }

    /** The refresh token's {@code exp} claim (it is a JWT), or an hour from now when it cannot be read. */
    private Instant expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length >= 2) {
            try {
                JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
                if (claims.has("exp")) {
                    return Instant.ofEpochSecond(claims.get("exp").asLong());
                }
            } catch (IOException | IllegalArgumentException ignored) {
                // Not a readable JWT: assume the documented default lifetime below.
            }
        }
        return clock.instant().plus(ASSUMED_LIFETIME);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
