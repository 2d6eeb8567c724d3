package io.jenkins.plugins.eks2aks.images.report;

import io.jenkins.plugins.eks2aks.images.ImageMigrationSummary;
import io.jenkins.plugins.eks2aks.images.ImageResult;
import io.jenkins.plugins.eks2aks.images.Sizes;

/** The image report for people: totals, failures first, then one row per image. */
public final class ImageReportMarkdown {

    public String render(ImageMigrationSummary summary, String target) {
        StringBuilder md = new StringBuilder();
        md.append("# Image migration to ").append(target).append("\n\n");
        md.append(summary.dryRun() ? "Dry run: nothing was written to the target.\n\n" : "");
        md.append("| | |\n|---|---|\n");
        md.append("| Mode | ").append(summary.mode().label()).append(" |\n");
        md.append("| Images | ").append(summary.results().size()).append(" |\n");
        md.append("| Copied / imported / unchanged | ").append(summary.count(io.jenkins.plugins.eks2aks.images.ImageStatus.COPIED))
                .append(" / ").append(summary.count(io.jenkins.plugins.eks2aks.images.ImageStatus.IMPORTED))
                .append(" / ").append(summary.count(io.jenkins.plugins.eks2aks.images.ImageStatus.UNCHANGED)).append(" |\n");
        md.append("| Failed | ").append(summary.failures()).append(" |\n");
        md.append("| Bytes sent by the agent | ").append(Sizes.human(summary.bytes())).append(" |\n");
        md.append("| Blobs copied / skipped (already there) / mounted | ").append(summary.blobsCopied()).append(" / ")
                .append(summary.blobsSkipped()).append(" / ").append(summary.blobsMounted()).append(" |\n");
        md.append("| Retries | ").append(summary.retries()).append(" |\n\n");
        if (summary.failures() > 0) {
            md.append("## Failures\n\n");
            for (ImageResult r : summary.results()) {
                if (r.failed()) {
                    md.append("- `").append(r.source()).append("`: ").append(cell(r.error())).append('\n');
                }
            }
            md.append('\n');
        }
        md.append("## Images\n\n| Source | Target | Digest | Result | Mode | Bytes | Copied / skipped / mounted | Retries | Note |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (ImageResult r : summary.results()) {
            md.append("| `").append(r.source()).append("` | ").append(r.target() == null ? "" : "`" + r.target() + "`")
                    .append(" | ").append(r.digest() == null ? "" : "`" + r.digest() + "`")
                    .append(" | ").append(r.status()).append(" | ").append(r.mode())
                    .append(" | ").append(Sizes.human(r.bytes()))
                    .append(" | ").append(r.blobsCopied()).append(" / ").append(r.blobsSkipped()).append(" / ").append(r.blobsMounted())
                    .append(" | ").append(r.retries())
                    .append(" | ").append(cell(r.note() == null ? (r.platforms().isEmpty() ? "" : String.join(", ", r.platforms())) : r.note()))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
