package io.jenkins.plugins.eks2aks.storage.blob;

import java.util.Map;

/**
 * A blob already in the destination, as one listing page describes it (with its metadata, so deciding what to skip
 * costs no request per blob).
 *
 * @param name       the name below the destination prefix
 * @param size       bytes
 * @param contentMd5 the stored Content-MD5 as hex, or null
 * @param metadata   the blob's metadata, keys in lower case
 */
public record ExistingBlob(String name, long size, String contentMd5, Map<String, String> metadata) {

    public ExistingBlob {
        metadata = Map.copyOf(metadata);
    }
}
