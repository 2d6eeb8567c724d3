package io.jenkins.plugins.eks2aks.images.registry;

import java.net.URI;
import java.util.Optional;

/**
 * Where a registry host is reached when its cloud says so: ECR's GetAuthorizationToken answers, with each token, the
 * {@code proxyEndpoint} to use it at ({@code https://<account>.dkr.ecr.<region>.amazonaws.com} on AWS itself, the
 * address a private or local ECR endpoint gives otherwise). Hosts it has nothing for are reached at their own name.
 */
@FunctionalInterface
public interface RegistryEndpoints {

    /** Every host at its own name. */
    RegistryEndpoints NONE = host -> Optional.empty();

    /** @return the scheme and authority to send {@code host}'s requests to, or empty for {@code https://host} */
    Optional<URI> endpoint(String host);
}
