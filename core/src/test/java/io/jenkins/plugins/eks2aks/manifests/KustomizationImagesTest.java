package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.images.RegistryMap;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ECR images set through a kustomization's images: are pulled from ACR, like a container's image. */
class KustomizationImagesTest {

    private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final String DIGEST = "sha256:" + "c".repeat(64);
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  containers:
                  - {name: web, image: %s/shop/web}
                  - {name: proxy, image: envoy}
            """.formatted(ECR);
    private static final String KUSTOMIZATION = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - deployment.yaml
            images:
              # the release the pipeline pins
              - name: %1$s/shop/web   # as the resources name it
                newTag: "2.4.0"
              - name: envoy
                newName: "%1$s/platform/envoy"
                digest: %2$s
              - name: busybox
                newTag: "1.36"
            """.formatted(ECR, DIGEST);

    private Path input(Path tmp, String kustomization) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("deployment.yaml"), DEPLOYMENT);
        Files.writeString(in.resolve("kustomization.yaml"), kustomization);
        return in;
    }

    @Test
    void newNameAndTheNameTheResourcesUseAreRewrittenKeepingTagDigestAndComments(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        ConversionSummary summary = new ManifestConversion(EventSink.NONE).run(new ConversionRequest(input(tmp, KUSTOMIZATION), out,
                MigrationMapping.defaults().withAcr("contoso.azurecr.io"), false));

        String written = Files.readString(out.resolve("manifests/kustomization.yaml"));
        assertEquals(KUSTOMIZATION.replace(ECR + "/shop/web", "contoso.azurecr.io/shop/web")
                .replace(ECR + "/platform/envoy", "contoso.azurecr.io/platform/envoy"), written);
        assertTrue(Files.readString(out.resolve("manifests/deployment.yaml")).contains("image: contoso.azurecr.io/shop/web\n"),
                "the name still matches the image the resources name after conversion");
        assertEquals(0, summary.pendingDecisions());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report/conversion-report.json").toFile());
        List<String> paths = report.path("changes").findValues("path").stream().map(JsonNode::asText).toList();
        assertTrue(paths.containsAll(List.of("/images/0/name", "/images/1/newName")), paths.toString());
    }

    @Test
    void imagesInFlowStyleAreWrittenAnew(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        String flow = "resources: [deployment.yaml]\nimages: [{name: web, newName: " + ECR + "/shop/web, newTag: \"2.4.0\"}]\n";
        new ManifestConversion(EventSink.NONE).run(new ConversionRequest(input(tmp, flow), out,
                MigrationMapping.defaults().withAcr("contoso.azurecr.io"), false));

        JsonNode k = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(out.resolve("manifests/kustomization.yaml").toFile());
        assertEquals("contoso.azurecr.io/shop/web", k.at("/images/0/newName").asText());
        assertEquals("2.4.0", k.at("/images/0/newTag").asText());
    }

    @Test
    void withoutAnAcrTheImagesAreDecisionsAndTheKustomizationIsCopiedUnchanged(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        ConversionSummary summary = new ManifestConversion(EventSink.NONE).run(new ConversionRequest(input(tmp, KUSTOMIZATION), out,
                MigrationMapping.defaults(), false));

        assertEquals(KUSTOMIZATION, Files.readString(out.resolve("manifests/kustomization.yaml")));
        assertEquals(3, summary.pendingDecisions(), "the two kustomization entries and the container image");
    }

    private List<ObjectChange> decisions(Path tmp, FrontEndNames names) throws IOException {
        return KustomizationImages.of(new ManifestReader().read(input(tmp, KUSTOMIZATION)), RegistryMap.of(List.of(), null), names);
    }

    @Test
    void aDecisionNamesTheCommandLinesOptions(@TempDir Path tmp) throws IOException {
        Change decision = decisions(tmp, FrontEndNames.CLI).get(0).change();
        assertEquals("No ACR target for ECR registry " + ECR + " (kustomization images[0].name): set acr in eks2aks.yaml (or --acr), "
                + "or registries.\"" + ECR + "\": <acr>.azurecr.io in eks2aks.yaml (or --registry-map " + ECR + "=<acr>.azurecr.io)",
                decision.reason());
        assertEquals(List.of("acr", "registries.\"" + ECR + "\""), decision.mappingKeys());
    }

    @Test
    void aDecisionNamesTheStepsParameters(@TempDir Path tmp) throws IOException {
        Change decision = decisions(tmp, FrontEndNames.STEPS).get(0).change();
        assertEquals("No ACR target for ECR registry " + ECR + " (kustomization images[0].name): set acr in eks2aks.yaml (or 'acr'), "
                + "or registries.\"" + ECR + "\": <acr>.azurecr.io in eks2aks.yaml (or 'registryMap' " + ECR + "=<acr>.azurecr.io)",
                decision.reason());
        assertEquals(List.of("acr", "registries.\"" + ECR + "\""), decision.mappingKeys());
    }

    @Test
    void theEcrImagesAKustomizationSetsAreWhatNewNameNewTagAndDigestMake(@TempDir Path tmp) throws IOException {
        ManifestSet set = new ManifestReader().read(input(tmp, KUSTOMIZATION));
        assertEquals(List.of(ECR + "/shop/web:2.4.0", ECR + "/platform/envoy@" + DIGEST),
                KustomizationImages.ecrImages(set).stream().map(KustomizationImages.Image::reference).toList());
        assertFalse(KustomizationImages.ecrImages(set).isEmpty());
    }
}
