package io.jenkins.plugins.eks2aks.images.report;

import io.jenkins.plugins.eks2aks.images.registry.JsonValues;

import java.io.IOException;
import io.jenkins.plugins.eks2aks.images.ImageMigrationSummary;

import java.util.LinkedHashMap;
import java.util.Map;

/** The image report for machines: the summary's map under a versioned schema name. */
public final class ImageReportJson {

    public static final String SCHEMA = "eks2aks.io/image-report/v1";

    public String render(ImageMigrationSummary summary, String target) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("target", target);
        Map<String, Object> body = new LinkedHashMap<>(summary.toMap());
        // The report names itself; its own paths say nothing inside it.
        body.remove("reportJson");
        body.remove("reportMarkdown");
        body.remove("mappingFile");
        root.putAll(body);
        try {
            return JsonValues.PRETTY.asString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a map of JDK types always serializes", e);
        }
    }
}
