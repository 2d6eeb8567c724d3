package io.jenkins.plugins.eks2aks.clusters;

import io.fabric8.kubernetes.client.OAuthTokenProvider;

import java.time.Clock;
import java.time.Duration;

/**
 * The bearer token fabric8 sends to an EKS API server: generated on first use and generated again before it
 * expires, so a long inventory (tens of thousands of objects) never fails half way with 401 Unauthorized.
 * fabric8 asks before every request; this answers from the cache while the token has a minute left.
 */
public final class EksTokenSource implements OAuthTokenProvider {

    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final EksTokenGenerator generator;
    private final String clusterName;
    private final Clock clock;
    private EksToken current;

    public EksTokenSource(EksTokenGenerator generator, String clusterName, Clock clock) {
        this.generator = generator;
        this.clusterName = clusterName;
        this.clock = clock;
    }

    @Override
    public synchronized String getToken() {
        if (current == null || !clock.instant().isBefore(current.expiresAt().minus(MARGIN))) {
            current = generator.generate(clusterName);
        }
        return current.value();
    }
}
