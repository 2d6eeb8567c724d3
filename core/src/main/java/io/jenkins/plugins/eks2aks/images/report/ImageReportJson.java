package io.jenkins.plugins.eks2aks.images.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.eks2aks.images.ImageMigrationSummary;

import java.util.LinkedHashMap;
import java.util.Map;

/** The image report for machines: the summary's map under a versioned schema name. */
public final class ImageReportJson {

    public static final String SCHEMA = "eks2aks.io/image-report/v1";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of JDK types always serializes", e);
        }
    }
}
