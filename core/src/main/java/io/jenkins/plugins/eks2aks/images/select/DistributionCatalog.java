package io.jenkins.plugins.eks2aks.images.select;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.images.registry.Descriptor;
import io.jenkins.plugins.eks2aks.images.registry.JsonValues;
import io.jenkins.plugins.eks2aks.images.registry.ManifestContent;
import io.jenkins.plugins.eks2aks.images.registry.MediaTypes;
import io.jenkins.plugins.eks2aks.images.registry.Registry;
import io.jenkins.plugins.eks2aks.images.registry.RegistryClients;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Any OCI distribution registry (ECR Public, Docker Hub, Harbor, ACR, a plain registry): repositories from
 * {@code /v2/_catalog}, tags from {@code /v2/<name>/tags/list}. The tag list carries no times, so "newest" reads
 * the {@code created} time from each candidate image's config (for an index, its first platform's).
 */
public final class DistributionCatalog implements RegistryCatalog {

    private static final Runnable NO_COUNT = () -> { };
    // An image config is a few KiB; a "config" larger than this is not one worth reading for a date.
    private static final int MAX_CONFIG = 4 * 1024 * 1024;

    private final RegistryClients clients;

    /** @param clients reaches the source registries with their credentials */
    public DistributionCatalog(RegistryClients clients) {
        this.clients = clients;
    }

    @Override
    public List<String> repositories(String registry, String prefix) throws InterruptedException {
        return clients.source(registry).catalog().repositories(NO_COUNT).stream().filter(r -> r.startsWith(prefix)).toList();
    }

    @Override
    public List<TagInfo> tags(String registry, String repository) throws InterruptedException {
        List<String> tags = clients.source(registry).catalog().tags(repository, NO_COUNT)
                .orElseThrow(() -> new MigrationException("repository " + registry + "/" + repository + " does not exist"));
        return tags.stream().map(t -> new TagInfo(t, null)).toList();
    }

    @Override
    public Instant pushed(String registry, String repository, String tag) throws InterruptedException {
        Registry source = clients.source(registry);
        Optional<ManifestContent> manifest = source.manifests().get(repository, tag, NO_COUNT);
        if (manifest.isPresent() && manifest.get().isIndex()) {
            List<Descriptor> platforms = manifest.get().children();
            manifest = platforms.isEmpty() ? Optional.empty() : source.manifests().get(repository, platforms.get(0).digest(), NO_COUNT);
        }
        Optional<Descriptor> config = manifest.flatMap(m -> m.children().stream().findFirst())
                .filter(d -> MediaTypes.isConfig(d.mediaType()) && d.size() <= MAX_CONFIG);
        if (config.isEmpty()) {
            return null;
        }
        try (InputStream in = source.blobs().open(repository, config.get().digest(), NO_COUNT)) {
            String created = JsonValues.text(JsonValues.object(in.readNBytes(MAX_CONFIG)), "created", null);
            return created == null ? null : Instant.parse(created);
        } catch (IOException | DateTimeParseException e) {
            return null; // no usable date: the tag sorts with the undated ones
        }
    }
}
