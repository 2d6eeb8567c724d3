package io.jenkins.plugins.eks2aks.images;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to one image.
 *
 * @param source          the reference as given
 * @param target          the target reference without digest ({@code registry/repo:tag}), or null when the source
 *                        could not be parsed
 * @param digest          the manifest digest (source = target), or null when unknown
 * @param status          the outcome
 * @param mode            the mode that moved it ({@code copy} also for an import that fell back to copy)
 * @param platforms       platforms of a multi-arch image
 * @param bytes           bytes sent by the agent (copy) ; for a dry run, the bytes that would be sent
 * @param blobsCopied     blobs streamed
 * @param blobsSkipped    blobs the target already had (HEAD)
 * @param blobsMounted    blobs linked by cross-repository mount
 * @param manifests       manifests written
 * @param referrers       referrers copied
 * @param retries         requests repeated after transient failures
 * @param note            something a reader should know (a fallback, a limit), or null
 * @param error           one line, or null
 */
public record ImageResult(String source, String target, String digest, ImageStatus status, String mode,
                          List<String> platforms, long bytes, long blobsCopied, long blobsSkipped, long blobsMounted,
                          long manifests, long referrers, long retries, String note, String error) {

    public ImageResult {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    public static ImageResult failed(String source, String target, String mode, String error) {
        return new ImageResult(source, target, null, ImageStatus.FAILED, mode, List.of(), 0, 0, 0, 0, 0, 0, 0, null, error);
    }

    public boolean failed() {
        return status == ImageStatus.FAILED;
    }

    /** {@code target@digest}: what the mapping file pins. */
    public String pinnedTarget() {
        return target + "@" + digest;
    }

    /** This result with the requests (and imports) repeated for it, so a failed image also reports them. */
    public ImageResult withRetries(long count) {
        return new ImageResult(source, target, digest, status, mode, platforms, bytes, blobsCopied, blobsSkipped, blobsMounted,
                manifests, referrers, count, note, error);
    }

    public ImageResult withNote(String text) {
        return new ImageResult(source, target, digest, status, mode, platforms, bytes, blobsCopied, blobsSkipped, blobsMounted,
                manifests, referrers, retries, text, error);
    }

    /** Plain JDK types, for Pipeline scripts and JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("target", target);
        m.put("digest", digest);
        m.put("status", status.name());
        m.put("mode", mode);
        m.put("platforms", new ArrayList<>(platforms)); // a plain list: it crosses the Jenkins agent channel
        m.put("bytes", bytes);
        m.put("blobsCopied", blobsCopied);
        m.put("blobsSkipped", blobsSkipped);
        m.put("blobsMounted", blobsMounted);
        m.put("manifests", manifests);
        m.put("referrers", referrers);
        m.put("retries", retries);
        m.put("note", note);
        m.put("error", error);
        return m;
    }
}
