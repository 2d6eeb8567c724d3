package io.jenkins.plugins.eks2aks.images.ecr;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AwsAuthentication;
import io.jenkins.plugins.eks2aks.clusters.CloudAuthenticationException;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.auth.RegistryCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Credentials for an ECR registry from {@code GetAuthorizationToken}: user {@code AWS}, a password valid 12 hours.
 * The token is kept and fetched again when less than {@link #refreshBefore} of it is left, so a long run (a batch of
 * imports, a big copy) never presents an expired one. One provider per account and region (one {@link EcrClient}).
 */
public final class EcrCredentials implements CredentialsProvider {

    private final EcrClient ecr;
    private final Predicate<String> hosts;
    private final Clock clock;
    private final Duration refreshBefore;
    private final String credentialsSource;
    private Token current;
    private CloudAuthenticationException refused;
    private int tokensFetched;

    /**
     * @param ecr           a client for the registry's account and region, built at the edge
     * @param hosts         which registry hosts this provider answers for (the client's registry)
     * @param refreshBefore fetch a new token when the current one expires within this
     */
    public EcrCredentials(EcrClient ecr, Predicate<String> hosts, Clock clock, Duration refreshBefore) {
        this(ecr, hosts, clock, refreshBefore, "the ECR client's AWS credentials");
    }

    /** @param credentialsSource where the client's AWS credentials come from, for the message when AWS refuses them */
    public EcrCredentials(EcrClient ecr, Predicate<String> hosts, Clock clock, Duration refreshBefore, String credentialsSource) {
        this.ecr = ecr;
        this.hosts = hosts;
        this.clock = clock;
        this.refreshBefore = refreshBefore;
        this.credentialsSource = credentialsSource;
    }

    /** Answers for {@code host} only, refreshing 30 minutes before the 12-hour expiry. */
    public static EcrCredentials forHost(EcrClient ecr, String host) {
        return new EcrCredentials(ecr, host::equals, Clock.systemUTC(), Duration.ofMinutes(30));
    }

    /** As {@link #forHost(EcrClient, String)}, naming where the AWS credentials come from when AWS refuses them. */
    public static EcrCredentials forHost(EcrClient ecr, String host, String credentialsSource) {
        return new EcrCredentials(ecr, host::equals, Clock.systemUTC(), Duration.ofMinutes(30), credentialsSource);
    }

    @Override
    public synchronized Optional<RegistryCredentials> credentialsFor(String host) {
        if (!hosts.test(host)) {
            return Optional.empty();
        }
        if (refused != null) {
            // AWS refused these credentials: asking again for every image would only repeat the refusal.
            throw new CloudAuthenticationException(refused.getMessage(), refused.getCause());
        }
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.expiresAt().minus(refreshBefore))) {
            current = fetch(host);
        }
        return Optional.of(current.credentials());
    }

    /** How many tokens were fetched so far (for tests and reports: refreshes are visible). */
    public synchronized int tokensFetched() {
        return tokensFetched;
    }

    private Token fetch(String host) {
        GetAuthorizationTokenResponse response;
        try {
            response = ecr.getAuthorizationToken();
        } catch (AwsServiceException e) {
            var refusal = AwsAuthentication.refusal(e, credentialsSource, AwsAuthentication.authority("ECR", ecr));
            if (refusal.isPresent()) {
                refused = refusal.get();
                throw refused;
            }
            throw new MigrationException("ECR GetAuthorizationToken for " + host + " failed: "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
        } catch (SdkException e) {
            throw new MigrationException("ECR GetAuthorizationToken for " + host + " failed: "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
        }
        if (!response.hasAuthorizationData() || response.authorizationData().isEmpty()) {
            throw new MigrationException("ECR GetAuthorizationToken for " + host + " returned no authorization data");
        }
        AuthorizationData data = response.authorizationData().get(0);
        String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new MigrationException("ECR GetAuthorizationToken for " + host + " returned a token that is not user:password");
        }
        tokensFetched++;
        Instant expiresAt = data.expiresAt() != null ? data.expiresAt() : clock.instant().plus(Duration.ofHours(12));
        return new Token(new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)), expiresAt,
                proxyEndpoint(data.proxyEndpoint()));
    }

    /**
     * Where ECR says to use the token ({@code proxyEndpoint}): on AWS the registry's own address; behind a private or
     * local ECR endpoint, that endpoint's. Empty for {@code host}'s own name, or when ECR names none.
     */
    public synchronized Optional<URI> endpoint(String host) {
        if (!hosts.test(host)) {
            return Optional.empty();
        }
        credentialsFor(host);
        return Optional.ofNullable(current.proxyEndpoint()).filter(u -> !host.equalsIgnoreCase(u.getRawAuthority()));
    }

    private static URI proxyEndpoint(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(text.trim());
            return uri.getScheme() != null && uri.getRawAuthority() != null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null; // an endpoint that does not parse is not followed; the host's own name is used
        }
    }

    private record Token(RegistryCredentials credentials, Instant expiresAt, URI proxyEndpoint) {
    }
}
