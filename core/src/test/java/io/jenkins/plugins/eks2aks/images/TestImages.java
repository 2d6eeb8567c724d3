package io.jenkins.plugins.eks2aks.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds images in a registry through the registry API, the way a build tool pushes them: layers and config as
 * blobs, then the manifest; indexes after their platform manifests; referrers with the OCI tag-schema index that
 * clients write on registries without the referrers API (docker-registry 2.8 is one).
 */
final class TestImages {

    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

    /** A pushed manifest: its digest, bytes, media type and the blobs it (and its children) need. */
    record Pushed(String digest, byte[] manifest, String mediaType, List<String> blobs, long blobBytes) {
        long size() {
            return manifest.length;
        }
    }

    private final RegistryApi api;

    TestImages(RegistryApi api) {
        this.api = api;
    }

    /** Deterministic pseudo-random bytes: distinct seeds give distinct layers. */
    static byte[] layer(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A single-platform image (Docker schema 2 or OCI) with these layers, tagged when {@code tag} is not null. */
    Pushed image(String repository, String tag, boolean oci, String platform, byte[]... layers) throws IOException, InterruptedException {
        return image(repository, tag, null, oci, platform, layers);
    }

    /** The same, with the config's {@code created} time (what "newest" reads where a tag list has no times). */
    Pushed image(String repository, String tag, java.time.Instant created, boolean oci, String platform, byte[]... layers)
            throws IOException, InterruptedException {
        String[] p = platform.split("/");
        byte[] config = ("{" + (created == null ? "" : "\"created\":\"" + created + "\",")
                + "\"architecture\":\"" + p[1] + "\",\"os\":\"" + p[0] + "\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},"
                + "\"config\":{\"Labels\":{\"seed\":\"" + repository + tag + layers.length + "\"}}}").getBytes(StandardCharsets.UTF_8);
        List<String> blobs = new ArrayList<>();
        String configDigest = api.pushBlob(repository, config);
        blobs.add(configDigest);
        long blobBytes = config.length;
        StringBuilder layerJson = new StringBuilder();
        String layerType = oci ? "application/vnd.oci.image.layer.v1.tar+gzip" : "application/vnd.docker.image.rootfs.diff.tar.gzip";
        for (byte[] layer : layers) {
            String d = api.pushBlob(repository, layer);
            blobs.add(d);
            blobBytes += layer.length;
            layerJson.append(layerJson.length() == 0 ? "" : ",")
                    .append("{\"mediaType\":\"").append(layerType).append("\",\"size\":").append(layer.length)
                    .append(",\"digest\":\"").append(d).append("\"}");
        }
        String mediaType = oci ? OCI_MANIFEST : DOCKER_MANIFEST;
        String configType = oci ? "application/vnd.oci.image.config.v1+json" : "application/vnd.docker.container.image.v1+json";
        // Indented, with a trailing newline: a copy that re-serialises JSON would change these bytes and the digest.
        byte[] manifest = ("{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"" + mediaType + "\",\n   \"config\": {\"mediaType\":\""
                + configType + "\",\"size\":" + config.length + ",\"digest\":\"" + configDigest + "\"},\n   \"layers\": ["
                + layerJson + "]\n}\n").getBytes(StandardCharsets.UTF_8);
        String digest = RegistryApi.sha256(manifest);
        api.putManifest(repository, tag != null ? tag : digest, mediaType, manifest);
        return new Pushed(digest, manifest, mediaType, blobs, blobBytes);
    }

    /** A multi-platform image: an OCI index or a Docker manifest list over one image per platform. */
    Pushed index(String repository, String tag, boolean oci, List<String> platforms, int layerSize, long seed)
            throws IOException, InterruptedException {
        StringBuilder entries = new StringBuilder();
        List<String> blobs = new ArrayList<>();
        long blobBytes = 0;
        int i = 0;
        for (String platform : platforms) {
            Pushed child = image(repository, null, oci, platform, layer(layerSize, seed + i), layer(layerSize, seed + 100 + i));
            i++;
            blobs.addAll(child.blobs());
            blobBytes += child.blobBytes();
            String[] p = platform.split("/");
            entries.append(entries.length() == 0 ? "" : ",").append("{\"mediaType\":\"").append(child.mediaType())
                    .append("\",\"size\":").append(child.size()).append(",\"digest\":\"").append(child.digest())
                    .append("\",\"platform\":{\"architecture\":\"").append(p[1]).append("\",\"os\":\"").append(p[0]).append("\"")
                    .append(p.length > 2 ? ",\"variant\":\"" + p[2] + "\"" : "").append("}}");
        }
        String mediaType = oci ? OCI_INDEX : DOCKER_LIST;
        byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\",\"manifests\":[" + entries + "]}")
                .getBytes(StandardCharsets.UTF_8);
        api.putManifest(repository, tag, mediaType, index);
        return new Pushed(RegistryApi.sha256(index), index, mediaType, blobs, blobBytes);
    }

    /**
     * An artifact (an SBOM, say) that refers to {@code subject}, plus the tag-schema index {@code sha256-<hex>} listing
     * it, as oras writes on a registry without the referrers API.
     */
    Pushed referrer(String repository, Pushed subject, String artifactType, byte[] content) throws IOException, InterruptedException {
        Pushed artifact = artifact(repository, subject, artifactType, content, null);
        byte[] manifest = artifact.manifest();
        String digest = artifact.digest();
        byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":[{\"mediaType\":\"" + OCI_MANIFEST
                + "\",\"artifactType\":\"" + artifactType + "\",\"size\":" + manifest.length + ",\"digest\":\"" + digest + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        api.putManifest(repository, subject.digest().replace(':', '-'), OCI_INDEX, index);
        return artifact;
    }

    /**
     * An artifact that refers to {@code subject}, pushed by digest and nothing else, as a client pushes it to a
     * registry with the referrers API (which indexes it from the {@code subject}).
     *
     * @param annotations the manifest's annotations (as the referrers API must list them), or null for none
     */
    Pushed artifact(String repository, Pushed subject, String artifactType, byte[] content, String annotations)
            throws IOException, InterruptedException {
        String empty = api.pushBlob(repository, "{}".getBytes(StandardCharsets.UTF_8));
        String blob = api.pushBlob(repository, content);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"artifactType\":\"" + artifactType + "\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"size\":2,\"digest\":\"" + empty + "\"},"
                + "\"layers\":[{\"mediaType\":\"application/spdx+json\",\"size\":" + content.length + ",\"digest\":\"" + blob + "\"}],"
                + "\"subject\":{\"mediaType\":\"" + subject.mediaType() + "\",\"size\":" + subject.size() + ",\"digest\":\"" + subject.digest() + "\"}"
                + (annotations == null ? "" : ",\"annotations\":" + annotations) + "}")
                .getBytes(StandardCharsets.UTF_8);
        String digest = RegistryApi.sha256(manifest);
        api.putManifest(repository, digest, OCI_MANIFEST, manifest);
        return new Pushed(digest, manifest, OCI_MANIFEST, List.of(empty, blob), 2 + content.length);
    }
}
