package io.jenkins.plugins.eks2aks.images.registry;

import java.util.Set;

/** The manifest media types a registry copy must handle, Docker's and OCI's. */
public final class MediaTypes {

    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    /** Docker schema 1 (signed): still served by old registries; copied as-is, it has no separate blobs list here. */
    public static final String DOCKER_MANIFEST_V1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    /** What a manifest GET accepts: every type, so the registry never converts (and re-digests) a manifest. */
    public static final String ACCEPT = String.join(", ", OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST,
            DOCKER_MANIFEST_V1_SIGNED);

    private static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);

    private MediaTypes() {
    }

    public static boolean isIndex(String mediaType) {
        return INDEXES.contains(mediaType);
    }

    /** An image config (Docker's or OCI's), the blob that says when and for which platform an image was built. */
    public static boolean isConfig(String mediaType) {
        return "application/vnd.docker.container.image.v1+json".equals(mediaType) || "application/vnd.oci.image.config.v1+json".equals(mediaType);
    }
}
