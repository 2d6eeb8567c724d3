package io.jenkins.plugins.eks2aks.images;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happened to one image: which image ({@link ImageRefs}), how it ended ({@link ImageOutcome}) and what moving it
 * cost ({@link ImageTransfer}).
 */
public record ImageResult(ImageRefs refs, ImageOutcome outcome, ImageTransfer transfer) {

    /** An image that failed before anything was sent. */
    public static ImageResult failed(String source, String target, String mode, String error) {
        return new ImageResult(ImageRefs.unresolved(source, target), ImageOutcome.failed(mode, error), ImageTransfer.NONE);
    }

    public boolean failed() {
        return outcome.status() == ImageStatus.FAILED;
    }

    /** This result with the requests (and imports) repeated for it, so a failed image also reports them. */
    public ImageResult withRetries(long count) {
        return new ImageResult(refs, outcome, transfer.withRetries(count));
    }

    /** Plain JDK types, for Pipeline scripts and JSON: one flat map, in the order the reports have always had. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", refs.source());
        m.put("target", refs.target());
        m.put("digest", refs.digest());
        m.put("status", outcome.status().name());
        m.put("mode", outcome.mode());
        m.put("platforms", new ArrayList<>(refs.platforms())); // a plain list: it crosses the Jenkins agent channel
        m.put("bytes", transfer.bytes());
        m.put("blobsCopied", transfer.blobsCopied());
        m.put("blobsSkipped", transfer.blobsSkipped());
        m.put("blobsMounted", transfer.blobsMounted());
        m.put("manifests", transfer.manifests());
        m.put("referrers", transfer.referrers());
        m.put("retries", transfer.retries());
        m.put("note", outcome.note());
        m.put("error", outcome.error());
        return m;
    }
}
