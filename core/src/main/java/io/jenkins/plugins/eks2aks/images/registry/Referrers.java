package io.jenkins.plugins.eks2aks.images.registry;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v2/<name>/referrers/<digest>} (OCI distribution 1.1), with the referrers tag schema as fallback for
 * registries without that API: an index tagged {@code sha256-<hex>} lists what refers to the manifest.
 */
public final class Referrers {

    private final RegistryHttp http;
    private final Manifests manifests;

    Referrers(RegistryHttp http, Manifests manifests) {
        this.http = http;
        this.manifests = manifests;
    }

    /**
     * The index of manifests referring to {@code digest}.
     *
     * @return empty when nothing refers to it
     */
    public Optional<Listing> list(String repository, String digest, Runnable onRetry) throws InterruptedException {
        RegistryCall call = RegistryCall.of("GET", "/v2/" + repository + "/referrers/" + digest,
                Set.of(RegistryCall.scope(repository, false)), onRetry).withHeaders(Map.of("Accept", MediaTypes.OCI_INDEX));
        byte[] body = null;
        try (RegistryResponse response = http.send(call)) {
            if (response.status() == 200 && response.header("Content-Type").orElse("").startsWith(MediaTypes.OCI_INDEX)) {
                body = response.bytes();
            }
        } catch (IOException e) {
            throw new RegistryException(http.describe(call) + " failed while reading the referrers: " + RegistryHttp.oneLine(e), 0, e);
        }
        if (body != null) {
            ManifestContent index = new ManifestContent(MediaTypes.OCI_INDEX, Digests.sha256(body), body);
            return index.children().isEmpty() ? Optional.empty() : Optional.of(new Listing(index, true));
        }
        // 404 (or a registry that answers something else there): no referrers API; use the tag schema.
        return manifests.get(repository, Digests.referrersTag(digest), onRetry)
                .filter(ManifestContent::isIndex)
                .map(index -> new Listing(index, false));
    }

    /**
     * @param index     the referrers, as an OCI image index
     * @param fromApi   true when the referrers API answered; false when it came from the tag schema (then the index is
     *                  a real manifest that can be copied as it is)
     */
    public record Listing(ManifestContent index, boolean fromApi) {
    }
}
