package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.images.EcrImageReference;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import io.jenkins.plugins.eks2aks.report.ConversionReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestConversionTest {

    private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final Path EXAMPLE = Path.of("..", "examples", "eks-sample");
    private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  containers:\n  - {name: a, image: " + ECR + "/shop/a:1}\n";

    private final List<MigrationEvent> events = new ArrayList<>();
    private final ManifestConversion conversion = new ManifestConversion(events::add);

    private static MigrationMapping toContoso() {
        return MigrationMapping.defaults().withAcr("contoso.azurecr.io");
    }

    @Test
    void writesConvertedManifestsMirroringTheInputAndBothReports(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in/apps"));
        Files.writeString(in.resolve("pod.yaml"), POD);
        Files.writeString(tmp.resolve("in/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
        Path out = tmp.resolve("out");

        ConversionSummary summary = conversion.run(new ConversionRequest(tmp.resolve("in"), out, toContoso(), false));

        assertTrue(Files.readString(out.resolve("manifests/apps/pod.yaml")).contains("image: contoso.azurecr.io/shop/a:1"));
        assertEquals("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n", Files.readString(out.resolve("manifests/cm.yaml")));
        JsonNode report = new ObjectMapper().readTree(out.resolve("report/conversion-report.json").toFile());
        assertEquals(ConversionReportJson.SCHEMA, report.path("schema").asText());
        JsonNode change = report.path("changes").get(0);
        assertEquals("Pod", change.at("/object/kind").asText());
        assertEquals("shop", change.at("/object/namespace").asText());
        assertEquals("apps/pod.yaml", change.path("file").asText());
        assertEquals("/spec/containers/0/image", change.path("path").asText());
        assertEquals(ECR + "/shop/a:1", change.path("before").asText());
        assertEquals("contoso.azurecr.io/shop/a:1", change.path("after").asText());
        assertEquals("I1", change.path("rule").asText());
        assertTrue(Files.readString(out.resolve("report/conversion-report.md")).contains("| Pod shop/p | apps/pod.yaml #1 |"));
        assertEquals(1, summary.changes());
        assertEquals(1, summary.changedDocuments());
        assertEquals(out.toAbsolutePath().resolve("report/conversion-report.json").toString(), summary.reportJson());
        assertTrue(events.stream().anyMatch(e -> e.message().contains("/spec/containers/0/image: " + ECR)));
    }

    @Test
    void aConfigMapGeneratorsValuesFileIsWrittenConvertedAndNotReportedAsCopiedUnchanged(@TempDir Path tmp) throws IOException {
        Path fixture = Path.of("src/test/resources/flux-values-generator");
        Path out = tmp.resolve("out");

        conversion.run(new ConversionRequest(fixture, out, MigrationMapping.defaults(), false));

        assertTrue(Files.readString(out.resolve("manifests/podinfo/values.yaml")).contains("azure-load-balancer-internal"));
        assertTrue(events.stream().anyMatch(e -> e.message().startsWith("podinfo/values.yaml: a file a kustomize configMapGenerator reads")));
        assertFalse(events.stream().anyMatch(e -> e.message().startsWith("podinfo/values.yaml: not a Kubernetes manifest")));
        JsonNode report = new ObjectMapper().readTree(out.resolve("report/conversion-report.json").toFile());
        assertTrue(report.toString().contains("values file podinfo/values.yaml (key values.yaml of configMapGenerator podinfo-values"),
                report.toString());
    }

    @Test
    void theOverlayFormatSaysItLeavesAGeneratorsValuesFileToYou(@TempDir Path tmp) {
        conversion.run(new ConversionRequest(Path.of("src/test/resources/flux-values-generator"), tmp.resolve("out"),
                MigrationMapping.defaults(), false, OutputFormat.KUSTOMIZE, false));

        assertTrue(events.stream().anyMatch(e -> e.level() == EventLevel.WARNING
                && e.message().contains("values files a configMapGenerator reads are rewritten only with")), events.toString());
    }

    @Test
    void aFailureWritesNothingAndKeepsThePreviousOutput(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.yaml"), POD);
        Path out = tmp.resolve("out");
        conversion.run(new ConversionRequest(in, out, toContoso(), false));
        String previous = Files.readString(out.resolve("manifests/a.yaml"));

        Files.writeString(in.resolve("b.yaml"), "apiVersion: v1\nkind: [broken\n");
        assertThrows(MigrationException.class, () -> conversion.run(new ConversionRequest(in, out, toContoso(), false)));

        assertEquals(previous, Files.readString(out.resolve("manifests/a.yaml")));
        assertFalse(Files.exists(out.resolve("manifests/b.yaml")));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(List.of("in", "out"), siblings.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging directory is left behind");
        }
    }

    @Test
    void aReRunReplacesTheOutputAsAWhole(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.yaml"), POD);
        Path out = tmp.resolve("out");
        conversion.run(new ConversionRequest(in, out, toContoso(), false));
        Files.move(in.resolve("a.yaml"), in.resolve("renamed.yaml"));

        conversion.run(new ConversionRequest(in, out, toContoso(), false));

        assertFalse(Files.exists(out.resolve("manifests/a.yaml")), "stale files from the previous run are gone");
        assertTrue(Files.exists(out.resolve("manifests/renamed.yaml")));
    }

    @Test
    void aDryRunWritesNothing(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("a.yaml"), POD);
        ConversionSummary summary = conversion.run(new ConversionRequest(in, tmp.resolve("out"), toContoso(), true));

        assertFalse(Files.exists(tmp.resolve("out")));
        assertEquals(1, summary.changes());
        assertTrue(summary.dryRun());
        assertNull(summary.reportJson());
    }

    @Test
    void anOutputInsideTheInputIsRejectedBeforeAnythingIsRead(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        MigrationException e = assertThrows(MigrationException.class,
                () -> conversion.run(new ConversionRequest(in, in.resolve("aks"), toContoso(), false)));
        assertTrue(e.getMessage().contains("is inside the input"), e.getMessage());
        MigrationException replace = assertThrows(MigrationException.class,
                () -> conversion.run(new ConversionRequest(in, tmp, toContoso(), false)));
        assertTrue(replace.getMessage().contains("would replace it"), replace.getMessage());
        assertTrue(events.isEmpty());
    }

    @Test
    void unmappedRegistriesArePendingDecisionsAndWarnings(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("a.yaml"), POD);
        ConversionSummary summary = conversion.run(new ConversionRequest(in, tmp.resolve("out"),
                MigrationMapping.defaults(), false));

        assertEquals(1, summary.pendingDecisions());
        assertEquals(0, summary.changedDocuments());
        assertEquals(POD, Files.readString(tmp.resolve("out/manifests/a.yaml")));
        assertTrue(events.stream().anyMatch(e -> e.level() == EventLevel.WARNING && e.message().contains("decision needed")));
        assertTrue(Files.readString(tmp.resolve("out/report/conversion-report.md")).contains("- [ ] Pod shop/p"));
    }

    @Test
    void theBundledExampleLeavesNoPrivateEcrImageAndChangesNoOtherImage(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("demo");
        conversion.run(new ConversionRequest(EXAMPLE, out, toContoso(), false));

        ManifestSet before = new ManifestReader().read(EXAMPLE);
        ManifestSet after = new ManifestReader().read(out.resolve("manifests"));
        List<String> imagesAfter = images(after);
        assertFalse(imagesAfter.isEmpty());
        assertTrue(imagesAfter.stream().noneMatch(i -> EcrImageReference.parse(i).isPresent()), imagesAfter.toString());
        // Images that are not private ECR (ECR Public, Docker Hub) are exactly as they were.
        List<String> otherBefore = images(before).stream().filter(i -> EcrImageReference.parse(i).isEmpty()).distinct().sorted().toList();
        List<String> otherAfter = imagesAfter.stream().filter(i -> !i.startsWith("contoso.azurecr.io/")).distinct().sorted().toList();
        assertTrue(otherBefore.containsAll(otherAfter), otherAfter + " not in " + otherBefore);
    }

    /** Every image field of every container of every object, in order. */
    private static List<String> images(ManifestSet set) {
        List<String> images = new ArrayList<>();
        set.files().forEach(f -> f.documents().forEach(d -> ManifestConverter.objectsOf(d).forEach(o ->
                PodSpecs.containers(o).forEach(c -> images.add(c.container().path("image").asText())))));
        return images;
    }
}
