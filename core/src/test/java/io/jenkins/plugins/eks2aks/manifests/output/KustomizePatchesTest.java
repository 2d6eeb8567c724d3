package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Files a kustomization applies as patches are read as patches (partial objects), the way eks-workshop's modules
 * patch a base: an overlay that makes a public base's load balancer internal keeps it internal on AKS; a patch
 * defines no second StorageClass; a patch of an object left out goes with it; patches that are not converted
 * (inline, JSON 6902) are named.
 */
class KustomizePatchesTest {

    private static final Path INPUT = Path.of("src/test/resources/kustomize-patches");

    @Test
    void patchesAreConvertedAsPartialObjectsAndTheOverlayStillBuilds(@TempDir Path tmp) throws Exception {
        List<MigrationEvent> events = new ArrayList<>();
        Path out = tmp.resolve("out");
        var summary = new ManifestConversion(events::add).run(new ConversionRequest(INPUT, out,
                MigrationMapping.defaults().withAcr("contoso.azurecr.io"), false));
        // The node group of the Deployment patch, the role of the ServiceAccount patch.
        assertEquals(2, summary.pendingDecisions(), all(events));
        Path overlay = out.resolve("manifests/overlay");

        String servicePatch = Files.readString(overlay.resolve("service-patch.yaml"));
        assertTrue(servicePatch.contains("service.beta.kubernetes.io/azure-load-balancer-internal: \"true\""), servicePatch);
        assertFalse(servicePatch.contains("aws-load-balancer-scheme"), servicePatch);

        String all = String.join("\n", events.stream().map(MigrationEvent::message).toList());
        assertFalse(all.contains("defined 2 ways"), all);
        assertFalse(all.contains("not converted"), all);
        // The JSON 6902 patch's ECR image is pulled from ACR, in the same operation.
        String jsonPatch = Files.readString(overlay.resolve("json-patch.yaml"));
        assertTrue(jsonPatch.contains("op: replace") && jsonPatch.contains("value: contoso.azurecr.io/carts:3"), jsonPatch);
        assertFalse(jsonPatch.contains("dkr.ecr"), jsonPatch);
        // The inline patch setting the Service's AWS scheme is converted in its kustomization, the other lines kept.
        String kustomization = Files.readString(overlay.resolve("kustomization.yaml"));
        assertTrue(kustomization.contains("- patch: |-\n    apiVersion: v1\n    kind: Service\n"), kustomization);
        assertTrue(kustomization.contains("        service.beta.kubernetes.io/azure-load-balancer-internal: \"true\"\n"), kustomization);
        assertFalse(kustomization.contains("aws-load-balancer-scheme"), kustomization);
        assertTrue(kustomization.contains("- path: json-patch.yaml\n  target: {kind: Deployment, name: carts}\n"), kustomization);
        assertTrue(all.contains("Service carts/carts: 2 changes [L3] (overlay/kustomization.yaml)"), all);

        // The base's gp3 class gives way to the AKS built-in: its patch goes too, and leaves the kustomization.
        assertFalse(Files.exists(overlay.resolve("sc-patch.yaml")));
        assertFalse(kustomization.contains("sc-patch.yaml"), kustomization);
        assertTrue(all.contains("StorageClass fast: excluded [SC2]: a kustomize patch of StorageClass fast (base/app.yaml)"), all);

        assumeTrue(Kubectl.available(), "kubectl is not installed");
        List<JsonNode> built = Kubectl.kustomize(overlay);
        JsonNode service = built.stream().filter(o -> o.path("kind").asText().equals("Service")).findFirst().orElseThrow();
        assertEquals("true", service.at("/metadata/annotations/service.beta.kubernetes.io~1azure-load-balancer-internal").asText(),
                service.toString());
        assertTrue(built.stream().noneMatch(o -> o.path("kind").asText().equals("StorageClass")), built.toString());
        JsonNode deployment = built.stream().filter(o -> o.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        assertEquals("contoso.azurecr.io/carts:3", deployment.at("/spec/template/spec/containers/0/image").asText(), deployment.toString());
    }

    private static String all(List<MigrationEvent> events) {
        return String.join("\n", events.stream().map(MigrationEvent::message).toList());
    }

    @Test
    void anIngressPatchSettingAlbAnnotationsOnItsTargetIsADecisionNeverPassedOn(@TempDir Path tmp) {
        List<MigrationEvent> events = new ArrayList<>();
        var summary = new ManifestConversion(events::add).run(new ConversionRequest(Path.of("src/test/resources/kustomize-ingress-patch"),
                tmp.resolve("out"), MigrationMapping.defaults().withAcr("contoso.azurecr.io"), false));

        assertEquals(1, summary.pendingDecisions());
        assertTrue(events.stream().anyMatch(e -> e.level() == EventLevel.WARNING && e.message().startsWith(
                "Ingress ui/ui /metadata/annotations: decision needed [N2]: a kustomize patch setting ALB settings (scheme internal)")),
                events.toString());
    }
}
