package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inputs as repositories hold them: charts, values files and policies next to the manifests. */
class RepositoryInputsTest {

    @Test
    void aHelmChartIsCopiedThroughWithOneLineSayingToRenderItFirst() {
        ManifestSet chart = new ManifestReader().read(Upstream.path("retail-store-sample-app/src/cart/chart"));

        assertEquals(List.of(), chart.files());
        assertEquals(List.of("Chart.yaml", "templates/deployment.yaml", "templates/serviceaccount.yaml", "values.yaml"),
                chart.passThrough().stream().sorted().toList());
        assertTrue(chart.notes().stream().anyMatch(n -> n.startsWith("templates/deployment.yaml: a Helm template")
                && n.contains("helm template")), chart.notes().toString());
        assertTrue(chart.notes().stream().anyMatch(n -> n.startsWith("values.yaml: not a Kubernetes manifest")), chart.notes().toString());
    }

    @Test
    void policiesAndValuesBesideManifestsAreCopiedAndAConfigMapWithTemplatesIsStillAManifest(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("iam-policy.json"), "{\"Version\": \"2012-10-17\", \"Statement\": []}");
        Files.writeString(dir.resolve("alerts.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: alerts}
                data: {rule: "{{ $labels.instance }} is down"}
                """);
        ManifestSet set = new ManifestReader().read(dir);

        assertEquals(List.of("alerts.yaml"), set.files().stream().map(ManifestFile::path).toList());
        assertEquals(List.of("iam-policy.json"), set.passThrough());
    }

    @Test
    void everyBadFileIsNamedAtOnce(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\n");
        Files.writeString(dir.resolve("b.yaml"), "apiVersion: v1\nkind: [\n");
        Files.writeString(dir.resolve("good.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: g}\n");

        MigrationException e = assertThrows(MigrationException.class, () -> new ManifestReader().read(dir));
        assertTrue(e.getMessage().startsWith("2 files cannot be converted"), e.getMessage());
        assertTrue(e.getMessage().contains("a.yaml:") && e.getMessage().contains("b.yaml:"), e.getMessage());
    }
}
