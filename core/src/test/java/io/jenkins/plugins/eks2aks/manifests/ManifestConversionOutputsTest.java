package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The outputs besides the converted files, through the use case: overlay, Velero ConfigMaps, HTML report. */
class ManifestConversionOutputsTest {

    private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  containers:\n  - {name: a, image: "
            + ECR + "/shop/a:1}\n";

    private final List<MigrationEvent> events = new ArrayList<>();
    private final ManifestConversion conversion = new ManifestConversion(events::add);

    private static MigrationMapping toContoso() {
        return MigrationMapping.defaults().withAcr("contoso.azurecr.io");
    }

    @Test
    void theKustomizeFormatWritesAnOverlayInsteadOfConvertedManifests(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("pod.yaml"), POD);
        Path out = tmp.resolve("out");

        ConversionSummary summary = conversion.run(new ConversionRequest(in, out, toContoso(), false, OutputFormat.KUSTOMIZE, false));

        assertTrue(Files.exists(out.resolve("overlay/kustomization.yaml")));
        assertTrue(Files.exists(out.resolve("overlay/README.md")));
        assertFalse(Files.exists(out.resolve("manifests")));
        assertFalse(Files.exists(out.resolve("velero")), "not asked for");
        assertTrue(Files.readString(out.resolve("overlay/kustomization.yaml")).contains("- ../../in/pod.yaml"));
        assertEquals(out.toAbsolutePath().resolve("overlay").toString(), summary.outputDirectory());
        assertEquals("KUSTOMIZE", summary.format());
        assertEquals(out.toAbsolutePath().resolve("report/conversion-report.html").toString(), summary.reportHtml());
        assertTrue(Files.readString(out.resolve("report/conversion-report.html")).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void veleroConfigMapsAreWrittenNextToTheManifestsWhenAsked(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("pod.yaml"), POD);
        Path out = tmp.resolve("out");

        ConversionSummary summary = conversion.run(new ConversionRequest(in, out, toContoso(), false, OutputFormat.FILES, true));

        assertTrue(Files.exists(out.resolve("manifests/pod.yaml")));
        assertTrue(Files.readString(out.resolve("velero/change-image-name.yaml")).contains(ECR + ",contoso.azurecr.io"));
        assertTrue(Files.exists(out.resolve("velero/README.md")));
        assertFalse(summary.veleroConfigMaps().isEmpty());
        summary.veleroConfigMaps().forEach(p -> assertTrue(Files.exists(Path.of(p)), p));
        assertEquals(summary.veleroConfigMaps(), summary.toMap().get("veleroConfigMaps"));
        assertTrue(events.stream().anyMatch(e -> e.message().startsWith("Wrote Velero ConfigMaps to ")));
    }

    @Test
    void aDryRunWritesNothingEvenWithEveryOutputAskedFor(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("pod.yaml"), POD);

        ConversionSummary summary = conversion.run(new ConversionRequest(in, tmp.resolve("out"), toContoso(), true,
                OutputFormat.KUSTOMIZE, true));

        assertFalse(Files.exists(tmp.resolve("out")));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("pod.yaml"), left.map(p -> p.getFileName().toString()).toList());
        }
        assertNull(summary.outputDirectory());
        assertNull(summary.reportHtml());
        assertTrue(summary.veleroConfigMaps().isEmpty());
    }

    /** The overlay, built by the real Kustomize, gives what the files format writes: same change list, two outputs. */
    @Test
    void theOverlayOfTheBundledExampleBuildsIntoTheConvertedFiles(@TempDir Path tmp) throws Exception {
        assumeTrue(kubectl("version", "--client") != null, "kubectl is not installed");
        Path example = Path.of("..", "examples", "eks-sample");
        Path in = tmp.resolve("in");
        try (Stream<Path> files = Files.walk(example)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path relative = example.relativize(f);
                if (!relative.startsWith("cluster-dump")) { // the same objects as the API server returns them
                    Files.createDirectories(in.resolve(relative).getParent());
                    Files.copy(f, in.resolve(relative));
                }
            }
        }
        conversion.run(new ConversionRequest(in, tmp.resolve("files"), toContoso(), false, OutputFormat.FILES, false));
        events.clear();
        conversion.run(new ConversionRequest(in, tmp.resolve("gitops"), toContoso(), false, OutputFormat.KUSTOMIZE, false));

        assertTrue(events.stream().noneMatch(e -> e.level() == EventLevel.WARNING && e.message().startsWith("Kustomize overlay")),
                "every change is in the overlay");
        String built = kubectl("kustomize", "--load-restrictor", "LoadRestrictionsNone", tmp.resolve("gitops/overlay").toString());
        List<String> expected = new ArrayList<>();
        for (ManifestFile file : new ManifestReader().read(tmp.resolve("files/manifests")).files()) {
            for (ManifestDocument d : file.documents()) {
                ManifestConverter.objectsOf(d).forEach(o -> expected.add(canonical(o.object())));
            }
        }
        List<String> actual = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(built)) {
            it.forEachRemaining(o -> actual.add(canonical(o)));
        }
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList());
    }

    private static String kubectl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kubectl"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    }

    private static String canonical(JsonNode node) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(String::compareTo);
            StringBuilder s = new StringBuilder("{");
            for (String k : keys) {
                s.append(((ObjectNode) node).textNode(k)).append(':').append(canonical(node.get(k))).append(',');
            }
            return s.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder s = new StringBuilder("[");
            node.forEach(n -> s.append(canonical(n)).append(','));
            return s.append(']').toString();
        }
        return node.toString();
    }
}
