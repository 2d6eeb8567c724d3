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
 * The image findings send the user to the image copy as their front end calls it: {@code eks2aks copy-images} on the
 * command line, the {@code ecrToAcr} step in Jenkins. One input has each kind of ECR image finding: a container's, a
 * kustomization's {@code images:}, a chart value's image, and a registry in a chart value of its own.
 */
class InventoryFrontEndNamesTest {

    private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private JsonNode inventory(FrontEndNames frontEnd) throws IOException {
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
        InventorySummary summary = new EksInventory(EventSink.NONE, OfflineInventoryTest.NOV_2026).run(
                new InventoryRequest(new DumpObjects(tmp.resolve("tree")), null, "1.29", null, out, false, frontEnd));
        return JSON.readTree(summary.inventoryJson().toFile());
    }

    private static String reason(JsonNode inv, String name, String field) {
        return OfflineInventoryTest.findings(inv, "I1").stream()
                .filter(f -> name.equals(f.path("object").path("name").asText()) && field.equals(f.path("field").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no I1 finding for " + name + " " + field + ": " + inv.path("findings")))
                .path("azureEquivalent").asText();
    }

    @Test
    void onTheCommandLineTheImageFindingsNameEks2aksCopyImages() throws IOException {
        JsonNode inv = inventory(FrontEndNames.CLI);

        String copy = "the same repository, tag and digest in Azure Container Registry (copy with eks2aks copy-images)";
        assertEquals(copy, reason(inv, "api", "spec.template.spec.containers[0].image"), "a container's image");
        assertEquals(copy + "; convert rewrites the kustomization", reason(inv, "overlays/prod/kustomization.yaml", "images"));
        assertEquals(copy, reason(inv, "carts", "spec.values.image.repository"), "a chart value's image");
        assertTrue(reason(inv, "carts", "spec.values.registry").endsWith("copy the images under it with eks2aks copy-images (catalog I1)"),
                inv.path("findings").toString());
        assertFalse(inv.path("findings").toString().contains("ecrToAcr"), "no Jenkins step named to a command-line user");
    }

    @Test
    void inJenkinsTheImageFindingsNameTheEcrToAcrStep() throws IOException {
        JsonNode inv = inventory(FrontEndNames.STEPS);

        String copy = "the same repository, tag and digest in Azure Container Registry (copy with the ecrToAcr step)";
        assertEquals(copy, reason(inv, "api", "spec.template.spec.containers[0].image"), "a container's image");
        assertEquals(copy + "; convert rewrites the kustomization", reason(inv, "overlays/prod/kustomization.yaml", "images"));
        assertEquals(copy, reason(inv, "carts", "spec.values.image.repository"), "a chart value's image");
        assertTrue(reason(inv, "carts", "spec.values.registry").endsWith("copy the images under it with the ecrToAcr step (catalog I1)"),
                inv.path("findings").toString());
        assertFalse(inv.path("findings").toString().contains("eks2aks copy-images"), "no CLI command named in a build log");
    }
}
