package io.jenkins.plugins.eks2aks.images.report;

import io.jenkins.plugins.eks2aks.images.ImageMigrationSummary;
import io.jenkins.plugins.eks2aks.images.ImageOutcome;
import io.jenkins.plugins.eks2aks.images.ImageRefs;
import io.jenkins.plugins.eks2aks.images.ImageResult;
import io.jenkins.plugins.eks2aks.images.ImageTransfer;
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
                    md.append("- `").append(r.refs().source()).append("`: ").append(cell(r.outcome().error())).append('\n');
                }
            }
            md.append('\n');
        }
        md.append("## Images\n\n| Source | Target | Digest | Result | Mode | Bytes | Copied / skipped / mounted | Retries | Note |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (ImageResult r : summary.results()) {
            ImageRefs image = r.refs();
            ImageOutcome outcome = r.outcome();
            ImageTransfer t = r.transfer();
            md.append("| `").append(image.source()).append("` | ").append(image.target() == null ? "" : "`" + image.target() + "`")
                    .append(" | ").append(image.digest() == null ? "" : "`" + image.digest() + "`")
                    .append(" | ").append(outcome.status()).append(" | ").append(outcome.mode())
                    .append(" | ").append(Sizes.human(t.bytes()))
                    .append(" | ").append(t.blobsCopied()).append(" / ").append(t.blobsSkipped()).append(" / ").append(t.blobsMounted())
                    .append(" | ").append(t.retries())
                    .append(" | ").append(cell(outcome.note() == null ? (image.platforms().isEmpty() ? "" : String.join(", ", image.platforms()))
                            : outcome.note()))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
