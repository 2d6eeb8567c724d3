package io.jenkins.plugins.eks2aks.images.auth;

import java.util.Map;
import java.util.Optional;

/**
 * Credentials for a registry host, looked up on every authentication so a provider can refresh short-lived ones
 * (ECR tokens last 12 hours, ACR refresh tokens about 3). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CredentialsProvider {

    /** No credentials anywhere: anonymous access, and anonymous Bearer tokens where a registry hands them out. */
    CredentialsProvider ANONYMOUS = host -> Optional.empty();

    /** @param host registry host with port when there is one, e.g. {@code 127.0.0.1:5000} */
    Optional<RegistryCredentials> credentialsFor(String host);

    /** The same credentials for every host. */
    static CredentialsProvider fixed(RegistryCredentials credentials) {
        return host -> Optional.of(credentials);
    }

    /** Per-host credentials; hosts not in the map are anonymous. */
    static CredentialsProvider perHost(Map<String, RegistryCredentials> credentials) {
        Map<String, RegistryCredentials> copy = Map.copyOf(credentials);
        return host -> Optional.ofNullable(copy.get(host));
    }

    /** This provider, then {@code other} for the hosts this one has nothing for. */
    default CredentialsProvider orElse(CredentialsProvider other) {
        return host -> credentialsFor(host).or(() -> other.credentialsFor(host));
    }
}
