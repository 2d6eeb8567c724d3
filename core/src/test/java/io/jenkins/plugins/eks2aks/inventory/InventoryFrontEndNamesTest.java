package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image findings and the report send the user to the image copy and the conversion as their front end calls
 * them: {@code eks2aks copy-images} and {@code eks2aks convert} on the command line, the {@code ecrToAcr} and
 * {@code convertManifests} steps in Jenkins. One input has each kind of ECR image finding: a container's, a
 * kustomization's {@code images:}, a chart value's image, and a registry in a chart value of its own.
 */
class InventoryFrontEndNamesTest {

    private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private InventorySummary inventory(FrontEndNames frontEnd) throws IOException {
        Path tree = Files.createDirectories(tmp.resolve("tree/overlays/prod"));
        Files.writeString(tree.resolve("web.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec: {template: {spec: {containers: [{name: web, image: web}]}}}
                """);
        Files.writeString(tree.resolve("api.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: shop}
                spec: {template: {spec: {containers: [{name: api, image: "%s/shop/api:2.4.0"}]}}}
                """.formatted(ECR));
        Files.writeString(tree.resolve("carts.yaml"), """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: carts, namespace: shop}
                spec:
                  chart: {spec: {chart: carts}}
                  values:
                    image: {repository: %1$s/shop/carts, tag: "1.4.0"}
                    registry: %1$s
                """.formatted(ECR));
        Files.writeString(tree.resolve("kustomization.yaml"), """
                resources: [web.yaml, api.yaml, carts.yaml]
                images:
                - {name: web, newName: %s/shop/web, newTag: "1.8.2"}
                """.formatted(ECR));
        Path out = tmp.resolve("inv-" + frontEnd.copyImages().replace(' ', '-'));
        return new EksInventory(EventSink.NONE, OfflineInventoryTest.NOV_2026).run(
                new InventoryRequest(new DumpObjects(tmp.resolve("tree")), null, "1.29", null, out, false, frontEnd));
    }

    private static String reason(JsonNode inv, String name, String field) {
        return OfflineInventoryTest.findings(inv, "I1").stream()
                .filter(f -> name.equals(f.path("object").path("name").asText()) && field.equals(f.path("field").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no I1 finding for " + name + " " + field + ": " + inv.path("findings")))
                .path("azureEquivalent").asText();
    }

    @Test
    void onTheCommandLineTheImageFindingsNameEks2aksCopyImages() throws IOException {
        InventorySummary summary = inventory(FrontEndNames.CLI);
        JsonNode inv = JSON.readTree(summary.inventoryJson().toFile());

        String copy = "the same repository, tag and digest in Azure Container Registry (copy with eks2aks copy-images)";
        assertEquals(copy, reason(inv, "api", "spec.template.spec.containers[0].image"), "a container's image");
        assertEquals(copy + "; convert rewrites the kustomization", reason(inv, "overlays/prod/kustomization.yaml", "images"));
        assertEquals(copy, reason(inv, "carts", "spec.values.image.repository"), "a chart value's image");
        assertTrue(reason(inv, "carts", "spec.values.registry").endsWith("copy the images under it with eks2aks copy-images (catalog I1)"),
                inv.path("findings").toString());
        assertFalse(inv.path("findings").toString().contains("ecrToAcr"), "no Jenkins step named to a command-line user");
        String report = Files.readString(summary.reportMarkdown());
        assertTrue(report.contains("ecr-images.txt, the input of eks2aks copy-images."), report);
        assertTrue(report.contains("| Fixed by eks2aks convert |"), report);
        assertFalse(report.contains("ecrToAcr") || report.contains("convertManifests"), report);
    }

    @Test
    void inJenkinsTheImageFindingsNameTheEcrToAcrStep() throws IOException {
        InventorySummary summary = inventory(FrontEndNames.STEPS);
        JsonNode inv = JSON.readTree(summary.inventoryJson().toFile());

        String copy = "the same repository, tag and digest in Azure Container Registry (copy with the ecrToAcr step)";
        assertEquals(copy, reason(inv, "api", "spec.template.spec.containers[0].image"), "a container's image");
        assertEquals(copy + "; convert rewrites the kustomization", reason(inv, "overlays/prod/kustomization.yaml", "images"));
        assertEquals(copy, reason(inv, "carts", "spec.values.image.repository"), "a chart value's image");
        assertTrue(reason(inv, "carts", "spec.values.registry").endsWith("copy the images under it with the ecrToAcr step (catalog I1)"),
                inv.path("findings").toString());
        assertFalse(inv.path("findings").toString().contains("eks2aks copy-images"), "no CLI command named in a build log");
        String report = Files.readString(summary.reportMarkdown());
        assertTrue(report.contains("ecr-images.txt, the input of the ecrToAcr step."), report);
        assertTrue(report.contains("| Fixed by the convertManifests step |"), report);
        assertFalse(report.contains("eks2aks "), report);
    }
}
