package io.jenkins.plugins.eks2aks.manifests.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code examples/eks-sample} converted through the whole {@link ManifestConversion} (every rule of the catalog),
 * and what its JSON report says about one object or one field.
 */
public final class BundledExample {

    public static final Path EXAMPLE = Path.of("..", "examples", "eks-sample");

    private final Path output;
    private final JsonNode report;

    private BundledExample(Path output, JsonNode report) {
        this.output = output;
        this.report = report;
    }

    /** Converts the example into {@code tmp/out} with the mapping file {@code mapping}. */
    public static BundledExample convert(Path tmp, String mapping) throws IOException {
        Path out = tmp.resolve("out");
        new ManifestConversion(e -> { }).run(new ConversionRequest(EXAMPLE, out, MappingFile.parse("eks2aks.yaml", mapping), false));
        return new BundledExample(out, new ObjectMapper().readTree(out.resolve("report/conversion-report.json").toFile()));
    }

    /** A converted manifest file, by its path relative to the example. */
    public String manifest(String file) throws IOException {
        return Files.readString(output.resolve("manifests").resolve(file));
    }

    public JsonNode exclusion(String file, String kind, String name) {
        return only(report.path("exclusions"), r -> r.path("file").asText().equals(file) && is(r, kind, name), kind + " " + name);
    }

    public JsonNode change(String file, String kind, String name, String path) {
        return only(report.path("changes"), r -> r.path("file").asText().equals(file) && is(r, kind, name)
                && r.path("path").asText().equals(path), kind + " " + name + " " + path);
    }

    /** The HUMAN decisions of rule {@code rule} about one object. */
    public List<JsonNode> decisions(String file, String kind, String name, String rule) {
        List<JsonNode> found = new ArrayList<>();
        report.path("decisions").forEach(r -> {
            if (r.path("file").asText().equals(file) && is(r, kind, name) && r.path("rule").asText().equals(rule)) {
                found.add(r);
            }
        });
        return found;
    }

    public static void assertApplied(JsonNode change, String rule, String mode, String after) {
        assertEquals(rule, change.path("rule").asText(), change.toString());
        assertEquals(mode, change.path("mode").asText(), change.toString());
        assertEquals(after, change.path("after").isTextual() ? change.path("after").asText() : change.path("after").toString(),
                change.toString());
        assertTrue(change.path("applied").asBoolean(), change.toString());
    }

    /** No conflict the converter reported involves a rule whose id matches {@code ours}. */
    public void assertNoConflictInvolves(Pattern ours) {
        List<String> involved = new ArrayList<>();
        for (JsonNode conflict : report.path("conflicts")) {
            conflict.path("rules").forEach(r -> {
                if (ours.matcher(r.asText()).matches()) {
                    involved.add(conflict.toString());
                }
            });
        }
        assertEquals(List.of(), involved);
    }

    private static boolean is(JsonNode row, String kind, String name) {
        return row.at("/object/kind").asText().equals(kind) && row.at("/object/name").asText().equals(name);
    }

    private static JsonNode only(JsonNode rows, Predicate<JsonNode> match, String what) {
        List<JsonNode> found = new ArrayList<>();
        rows.forEach(r -> {
            if (match.test(r)) {
                found.add(r);
            }
        });
        assertEquals(1, found.size(), what + ": " + found);
        return found.get(0);
    }
}
