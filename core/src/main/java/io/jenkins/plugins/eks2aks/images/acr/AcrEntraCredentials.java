package io.jenkins.plugins.eks2aks.images.acr;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.auth.RegistryCredentials;
import io.jenkins.plugins.eks2aks.images.registry.HttpTransport;
import io.jenkins.plugins.eks2aks.images.registry.JsonValues;
import io.jenkins.plugins.eks2aks.images.registry.RegistryResponse;
import io.jenkins.plugins.eks2aks.images.registry.RequestBody;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
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

    private final String loginServer;
    private final String tenantId;
    private final Supplier<String> aadAccessToken;
    private final HttpTransport http;
    private final String scheme;
    private final Clock clock;
    private RegistryCredentials current;
    private Instant expiresAt = Instant.MIN;

    /**
     * @param loginServer    e.g. {@code contoso.azurecr.io}
     * @param tenantId       the Entra tenant, or null
     * @param aadAccessToken an access token for {@code https://management.azure.com/.default} (or the ACR audience),
     *                       fetched by the edge's Azure credential each time it is called
     * @param http           the registry transport (its proxies and timeouts apply to the exchange as well)
     * @param plainHttp      for test registries only
     */
    public AcrEntraCredentials(String loginServer, String tenantId, Supplier<String> aadAccessToken, HttpTransport http,
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
        Map<String, String> headers = Map.of("Content-Type", "application/x-www-form-urlencoded");
        try (RegistryResponse response = http.send("POST", URI.create(scheme + loginServer + "/oauth2/exchange"), headers,
                RequestBody.of(form.getBytes(StandardCharsets.UTF_8)))) {
            if (response.status() != 200) {
                throw new MigrationException("ACR " + loginServer + " refused the Entra ID token exchange (HTTP "
                        + response.status() + "); check that the identity has AcrPush/AcrPull on the registry");
            }
            byte[] bytes = response.bytes();
            Map<String, Object> body;
            try {
                body = JsonValues.object(bytes);
            } catch (IOException e) {
                // Not the parser's message: it quotes the body, and a body that is not JSON may be a bare token.
                throw new MigrationException("ACR " + loginServer + " answered the token exchange with a body that is not JSON");
            }
            String token = JsonValues.text(body, "refresh_token", "");
            if (token.isEmpty()) {
                throw new MigrationException("ACR " + loginServer + " answered the token exchange without a refresh_token");
            }
            return token;
        } catch (IOException e) {
            if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
                throw new MigrationException("ACR token exchange with " + loginServer + " was interrupted", e);
            }
            throw new MigrationException("ACR token exchange with " + loginServer + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** The refresh token's {@code exp} claim (it is a JWT), or an hour from now when it cannot be read. */
    private Instant expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length >= 2) {
            try {
                long exp = JsonValues.number(JsonValues.object(Base64.getUrlDecoder().decode(parts[1])), "exp", -1);
                if (exp >= 0) {
                    return Instant.ofEpochSecond(exp);
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
