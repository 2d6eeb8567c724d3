package io.jenkins.plugins.eks2aks.images.select;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.util.List;
import java.util.Objects;

/**
 * Sends private ECR registries to the ECR API and every other registry (ECR Public, Docker Hub, a plain OCI
 * registry) to a fallback catalog. Without a fallback those registries cannot be listed, and the message says to
 * name their images explicitly.
 */
public final class RoutingCatalog implements RegistryCatalog {

    private final RegistryCatalog ecr;
    private final RegistryCatalog fallback;

    /**
     * @param ecr      the catalog for private ECR registries (an {@link EcrCatalog})
     * @param fallback the catalog for every other registry, or null when they cannot be listed
     */
    public RoutingCatalog(RegistryCatalog ecr, RegistryCatalog fallback) {
        this.ecr = Objects.requireNonNull(ecr, "ecr");
        this.fallback = fallback;
    }

    @Override
    public List<String> repositories(String registry, String prefix) throws InterruptedException {
        return route(registry).repositories(registry, prefix);
    }

    @Override
    public List<TagInfo> tags(String registry, String repository) throws InterruptedException {
        return route(registry).tags(registry, repository);
    }

    @Override
    public java.time.Instant pushed(String registry, String repository, String tag) throws InterruptedException {
        return route(registry).pushed(registry, repository, tag);
    }

    private RegistryCatalog route(String registry) {
        if (EcrCatalog.handles(registry)) {
            return ecr;
        }
        if (fallback == null) {
            throw new MigrationException("the repositories of " + registry
                    + " cannot be listed (only private ECR registries can): give its images as explicit references");
        }
        return fallback;
    }
}
