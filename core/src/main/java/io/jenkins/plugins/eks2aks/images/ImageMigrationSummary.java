package io.jenkins.plugins.eks2aks.images;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a run: one {@link ImageResult} per image, totals, and where the outputs were written.
 *
 * @param results        per image, in input order
 * @param mode           the requested mode
 * @param dryRun         whether nothing was written
 * @param mappingFile    {@code image-mapping.json}, or null when nothing was written
 * @param reportJson     {@code image-report.json}, or null
 * @param reportMarkdown {@code image-report.md}, or null
 * @param seconds        wall-clock duration
 */
public record ImageMigrationSummary(List<ImageResult> results, MigrationMode mode, boolean dryRun, Path mappingFile,
                                    Path reportJson, Path reportMarkdown, double seconds) {

    public ImageMigrationSummary {
        results = List.copyOf(results);
    }

    public long count(ImageStatus status) {
        return results.stream().filter(r -> r.outcome().status() == status).count();
    }

    public long failures() {
        return count(ImageStatus.FAILED);
    }

    public long bytes() {
        return results.stream().mapToLong(r -> r.transfer().bytes()).sum();
    }

    public long blobsCopied() {
        return results.stream().mapToLong(r -> r.transfer().blobsCopied()).sum();
    }

    public long blobsSkipped() {
        return results.stream().mapToLong(r -> r.transfer().blobsSkipped()).sum();
    }

    public long blobsMounted() {
        return results.stream().mapToLong(r -> r.transfer().blobsMounted()).sum();
    }

    public long retries() {
        return results.stream().mapToLong(r -> r.transfer().retries()).sum();
    }

    /** {@code source → target@digest} for every image that is in the target. */
    public Map<String, String> mapping() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ImageResult r : results) {
            if (!r.failed() && r.outcome().status() != ImageStatus.PLANNED && r.refs().digest() != null) {
                m.put(r.refs().source(), r.refs().pinnedTarget());
            }
        }
        return m;
    }

    /** One line for logs: what happened, in numbers. */
    public String oneLine() {
        String verb = dryRun ? "would move" : "moved";
        return String.format("%d images: %d copied, %d imported, %d unchanged, %d planned, %d failed; %s %s in %d blobs "
                        + "(%d skipped, %d mounted), %d retries, %.1f s",
                results.size(), count(ImageStatus.COPIED), count(ImageStatus.IMPORTED), count(ImageStatus.UNCHANGED),
                count(ImageStatus.PLANNED), failures(), verb, Sizes.human(bytes()), blobsCopied(), blobsSkipped(),
                blobsMounted(), retries(), seconds);
    }

    /** Plain JDK types, for the Pipeline step's return value and the JSON report. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode.label());
        m.put("dryRun", dryRun);
        m.put("images", results.size());
        m.put("copied", count(ImageStatus.COPIED));
        m.put("imported", count(ImageStatus.IMPORTED));
        m.put("unchanged", count(ImageStatus.UNCHANGED));
        m.put("planned", count(ImageStatus.PLANNED));
        m.put("failed", failures());
        m.put("bytes", bytes());
        m.put("blobsCopied", blobsCopied());
        m.put("blobsSkipped", blobsSkipped());
        m.put("blobsMounted", blobsMounted());
        m.put("retries", retries());
        m.put("seconds", Math.round(seconds * 10) / 10.0);
        m.put("mappingFile", mappingFile == null ? null : mappingFile.toString());
        m.put("reportJson", reportJson == null ? null : reportJson.toString());
        m.put("reportMarkdown", reportMarkdown == null ? null : reportMarkdown.toString());
        List<Map<String, Object>> perImage = new ArrayList<>();
        results.forEach(r -> perImage.add(r.toMap()));
        m.put("results", perImage);
        return m;
    }
}
