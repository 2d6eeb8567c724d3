package io.jenkins.plugins.eks2aks.images.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isIndex() {
        return MediaTypes.isIndex(mediaType);
    }

    /** For an index: its manifests (every platform). For an image: its config and layers. */
    public List<Descriptor> children() {
        JsonNode root = json();
        List<Descriptor> out = new ArrayList<>();
        if (isIndex()) {
            for (JsonNode m : root.path("manifests")) {
                out.add(descriptor(m));
            }
        } else {
            if (root.has("config")) {
                out.add(descriptor(root.get("config")));
            }
            for (JsonNode layer : root.path("layers")) {
                out.add(descriptor(layer));
            }
            // OCI artifact manifests (a short-lived draft) list their content as "blobs".
            for (JsonNode blob : root.path("blobs")) {
                out.add(descriptor(blob));
            }
        }
        return out;
    }

    /** The manifest this one refers to (OCI 1.1 {@code subject}), for referrers. */
    public Optional<Descriptor> subject() {
        JsonNode subject = json().path("subject");
        return subject.isObject() ? Optional.of(descriptor(subject)) : Optional.empty();
    }

    private JsonNode json() {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new MigrationException("manifest " + digest + " is not valid JSON: " + RegistryHttp.oneLine(e), e);
        }
    }

    /** The media type from the document itself, for registries that answer with a generic Content-Type. */
    static String declaredMediaType(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            return root.path("mediaType").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Descriptor descriptor(JsonNode d) {
        String mediaType = d.path("mediaType").asText("");
        JsonNode p = d.path("platform");
        String platform = null;
        if (p.isObject()) {
            platform = p.path("os").asText("?") + "/" + p.path("architecture").asText("?")
                    + (p.hasNonNull("variant") ? "/" + p.get("variant").asText() : "");
        }
        boolean foreign = mediaType.contains("foreign") || mediaType.contains("nondistributable");
        return new Descriptor(mediaType, d.path("digest").asText(), d.path("size").asLong(-1), platform, foreign);
    }

    @Override
    public String toString() {
        return "ManifestContent[" + mediaType + " " + digest + ", " + bytes.length + " bytes]";
    }
}
