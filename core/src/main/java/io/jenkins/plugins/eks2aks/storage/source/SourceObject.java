package io.jenkins.plugins.eks2aks.storage.source;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One object of the source as its listing describes it.
 *
 * @param name         the key below the source prefix, with {@code /} separators; the blob gets the same name below
 *                     the destination prefix
 * @param size         bytes
 * @param etag         the S3 ETag without quotes, or null for a local file
 * @param lastModified when it last changed
 */
public record SourceObject(String name, long size, String etag, Instant lastModified) {

    public SourceObject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lastModified, "lastModified");
        etag = etag == null ? null : etag.replace("\"", "");
    }

    /**
     * The content's MD5 as hex when the ETag is one: S3 gives a single-part upload's MD5 as its ETag; a multipart ETag
     * carries a {@code -N} suffix and says nothing about the bytes.
     */
    public String md5Hex() {
        return etag != null && etag.matches("[0-9a-fA-F]{32}") ? etag.toLowerCase(Locale.ROOT) : null;
    }

    /** What identifies this version of the object: the ETag, or the modification time of a local file. */
    public String version() {
        return etag != null ? etag : Long.toString(lastModified.toEpochMilli());
    }
}
