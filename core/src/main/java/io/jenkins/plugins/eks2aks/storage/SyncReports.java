package io.jenkins.plugins.eks2aks.storage;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.files.StagedDirectory;
import io.jenkins.plugins.eks2aks.images.registry.JsonValues;
import io.jenkins.plugins.eks2aks.report.MarkdownRenderer;
import io.jenkins.plugins.eks2aks.report.ReportDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code sync-result.json} for machines and {@code sync-result.md} for people, in an output folder eks2aks owns. */
public final class SyncReports {

    public static final String SCHEMA = "eks2aks.io/sync-result/v1";
    public static final String JSON = "sync-result.json";
    public static final String MARKDOWN = "sync-result.md";

    public void write(SyncSummary summary, Path output, boolean force) {
        Path target = output.toAbsolutePath().normalize();
        try (StagedDirectory staged = StagedDirectory.create(target, StorageSync.TOPIC, force)) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("schema", SCHEMA);
            root.putAll(summary.toMap());
            Files.writeString(staged.path().resolve(JSON), JsonValues.PRETTY.asString(root) + "\n", StandardCharsets.UTF_8);
            Files.writeString(staged.path().resolve(MARKDOWN), new MarkdownRenderer().render(markdown(summary)), StandardCharsets.UTF_8);
            staged.commit();
        } catch (IOException e) {
            throw new MigrationException("Cannot write the sync reports into '" + output + "': " + e.getMessage(), e);
        }
    }

    private static ReportDocument markdown(SyncSummary s) {
        ReportDocument doc = new ReportDocument("Storage sync" + (s.dryRun() ? " (dry run)" : ""));
        doc.paragraph(s.source() + " → " + s.destination() + " with the " + s.engine() + " engine: " + s.oneLine() + ".");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("in the source", Long.toString(s.objects()), Bytes.human(s.bytes())));
        rows.add(List.of(s.dryRun() ? "to copy" : "copied", Long.toString(s.copied()), Bytes.human(s.bytesCopied())));
        rows.add(List.of("unchanged, skipped", Long.toString(s.skipped()), Bytes.human(s.bytesSkipped())));
        rows.add(List.of("failed", Integer.toString(s.failed().size()), ""));
        doc.table(List.of("Objects", "Count", "Bytes"), rows, "");
        if (!s.failed().isEmpty()) {
            doc.section("Failed objects").bullets(s.failed());
        }
        if (s.emptySource()) {
            doc.paragraph("The source holds no objects: check the bucket, the prefix and the region.");
        }
        return doc;
    }
}
