package io.jenkins.plugins.eks2aks.images.acr;

import io.jenkins.plugins.eks2aks.images.registry.Descriptor;
import io.jenkins.plugins.eks2aks.images.registry.ManifestContent;

import java.util.List;
import java.util.Optional;

/**
 * The documented limits of ACR import (container-registry-import-images.md): at most 50 manifests in one image, and
 * at most 2 GiB per layer from a public registry. An image over either is copied by the agent instead.
 */
public final class AcrImportLimits {

    public static final int MAX_MANIFESTS = 50;
    public static final long MAX_PUBLIC_LAYER_BYTES = 2L * 1024 * 1024 * 1024;

    private AcrImportLimits() {
    }

    /**
     * Why {@code root} cannot be imported, or empty when it can.
     *
     * @param platformManifests the manifests an index lists (empty for a single-platform image)
     * @param publicSource      whether the source is a public registry (the layer limit applies only then)
     */
    public static Optional<String> exceeded(ManifestContent root, List<ManifestContent> platformManifests, boolean publicSource) {
        int manifests = 1 + (root.isIndex() ? root.children().size() : 0);
        if (manifests > MAX_MANIFESTS) {
            return Optional.of("ACR import takes at most " + MAX_MANIFESTS + " manifests per image and this one has " + manifests
                    + "; copied by the agent instead");
        }
        if (publicSource) {
            List<ManifestContent> images = root.isIndex() ? platformManifests : List.of(root);
            for (ManifestContent image : images) {
                for (Descriptor layer : image.children()) {
                    if (layer.size() > MAX_PUBLIC_LAYER_BYTES) {
                        return Optional.of("ACR import takes layers of at most 2 GiB from public registries and layer "
                                + layer.digest() + " has " + layer.size() + " bytes; copied by the agent instead");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Registries ACR reaches without credentials; the 2 GiB layer limit applies to these. */
    public static boolean isPublicRegistry(String host) {
        return host.equals("public.ecr.aws") || host.equals("docker.io") || host.equals("registry-1.docker.io")
                || host.equals("mcr.microsoft.com") || host.equals("ghcr.io") || host.equals("quay.io");
    }
}
