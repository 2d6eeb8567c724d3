package io.jenkins.plugins.eks2aks.images.registry;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A manifest exactly as the registry served it: the bytes are what the digest covers, so they are copied as they are,
 * never re-serialised. The parsed view only finds what the manifest points at.
 *
 * @param mediaType the media type (Content-Type of the response, else the document's {@code mediaType})
 * @param digest    sha256 of {@code bytes}
 * @param bytes     the raw manifest
 */
public record ManifestContent(String mediaType, String digest, byte[] bytes) {

    public boolean isIndex() {
        return MediaTypes.isIndex(mediaType);
    }

    /** For an index: its manifests (every platform). For an image: its config and layers. */
    public List<Descriptor> children() {
        Map<String, Object> root = json();
        List<Descriptor> out = new ArrayList<>();
        if (isIndex()) {
            for (Map<String, Object> m : JsonValues.objects(root, "manifests")) {
                out.add(descriptor(m));
            }
        } else {
            Map<String, Object> config = JsonValues.child(root, "config");
            if (config != null) {
                out.add(descriptor(config));
            }
            for (Map<String, Object> layer : JsonValues.objects(root, "layers")) {
                out.add(descriptor(layer));
            }
            // OCI artifact manifests (a short-lived draft) list their content as "blobs".
            for (Map<String, Object> blob : JsonValues.objects(root, "blobs")) {
                out.add(descriptor(blob));
            }
        }
        return out;
    }

    /** The manifest this one refers to (OCI 1.1 {@code subject}), for referrers. */
    public Optional<Descriptor> subject() {
        return Optional.ofNullable(JsonValues.child(json(), "subject")).map(ManifestContent::descriptor);
    }

    private Map<String, Object> json() {
        try {
            return JsonValues.object(bytes);
        } catch (IOException e) {
            throw new MigrationException("manifest " + digest + " is not valid JSON: " + RegistryHttp.oneLine(e), e);
        }
    }

    /** The media type from the document itself, for registries that answer with a generic Content-Type. */
    static String declaredMediaType(byte[] bytes) {
        try {
            return JsonValues.text(JsonValues.object(bytes), "mediaType", null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Descriptor descriptor(Map<String, Object> d) {
        String mediaType = JsonValues.text(d, "mediaType", "");
        Map<String, Object> p = JsonValues.child(d, "platform");
        String platform = null;
        if (p != null) {
            String variant = JsonValues.text(p, "variant", null);
            platform = JsonValues.text(p, "os", "?") + "/" + JsonValues.text(p, "architecture", "?") + (variant != null ? "/" + variant : "");
        }
        boolean foreign = mediaType.contains("foreign") || mediaType.contains("nondistributable");
        return new Descriptor(mediaType, JsonValues.text(d, "digest", ""), JsonValues.number(d, "size", -1), platform, foreign);
    }

    @Override
    public String toString() {
        return "ManifestContent[" + mediaType + " " + digest + ", " + bytes.length + " bytes]";
    }
}
