package io.jenkins.plugins.eks2aks.storage.blob;

import io.jenkins.plugins.eks2aks.storage.source.SourceObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a copied blob records about the source object it came from, in its metadata: ETag (or a local file's
 * modification time), size and modification time. A re-run compares these with the source listing, so an unchanged
 * object costs no transfer and no request of its own.
 */
public final class SourceMetadata {

    /** Metadata names must be C# identifiers; Azure keeps them in lower case. */
    public static final String VERSION = "eks2aks_source_version";
    public static final String SIZE = "eks2aks_source_size";
    public static final String MTIME = "eks2aks_source_mtime";

    private SourceMetadata() {
    }

    public static Map<String, String> of(SourceObject object) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(VERSION, object.version());
        metadata.put(SIZE, Long.toString(object.size()));
        metadata.put(MTIME, object.lastModified().toString());
        return metadata;
    }

    /** Whether {@code blob} is a complete copy of this version of {@code object}. */
    public static boolean isCopyOf(ExistingBlob blob, SourceObject object) {
        return blob.size() == object.size()
                && object.version().equals(blob.metadata().get(VERSION))
                && Long.toString(object.size()).equals(blob.metadata().get(SIZE));
    }
}
