package io.jenkins.plugins.eks2aks.images.registry;

/**
 * A content descriptor from a manifest: what a manifest points at.
 *
 * @param mediaType     the content's media type
 * @param digest        its sha256 digest
 * @param size          its size in bytes, or -1 when the manifest omits it
 * @param platform      {@code os/architecture[/variant]} for an index entry, else null
 * @param foreign       true for non-distributable layers (Windows base layers) that registries do not store
 */
public record Descriptor(String mediaType, String digest, long size, String platform, boolean foreign) {
}
