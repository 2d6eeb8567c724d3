package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.manifests.ManifestConversion;
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
        // The node group of the Deployment patch, the role of the ServiceAccount patch, the inline Service patch.
        assertEquals(3, summary.pendingDecisions(), all(events));
        Path overlay = out.resolve("manifests/overlay");

        String servicePatch = Files.readString(overlay.resolve("service-patch.yaml"));
        assertTrue(servicePatch.contains("service.beta.kubernetes.io/azure-load-balancer-internal: \"true\""), servicePatch);
        assertFalse(servicePatch.contains("aws-load-balancer-scheme"), servicePatch);

        List<String> warnings = events.stream().filter(e -> e.level() == EventLevel.WARNING).map(MigrationEvent::message).toList();
        String all = String.join("\n", events.stream().map(MigrationEvent::message).toList());
        assertFalse(all.contains("defined 2 ways"), all);
        // The inline patch sets the Service's AWS scheme: left unconverted, it is a decision, never a silent pass.
        assertTrue(warnings.contains("decision needed: overlay/kustomization.yaml patches[2]: an inline patch, not converted: "
                + "move it to a file the kustomization names in path:, or convert it by hand; it sets load-balancer or ingress "
                + "settings, so an internal load balancer could become public on AKS: a decision"), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("overlay/kustomization.yaml patches[1]: overlay/json-patch.yaml "
                + "is a JSON 6902 patch")), warnings.toString());

        // The base's gp3 class gives way to the AKS built-in: its patch goes too, and leaves the kustomization.
        assertFalse(Files.exists(overlay.resolve("sc-patch.yaml")));
        String kustomization = Files.readString(overlay.resolve("kustomization.yaml"));
        assertFalse(kustomization.contains("sc-patch.yaml"), kustomization);
        assertTrue(all.contains("StorageClass fast: excluded [SC2]: a kustomize patch of StorageClass fast (base/app.yaml)"), all);

        assumeTrue(Kubectl.available(), "kubectl is not installed");
        List<JsonNode> built = Kubectl.kustomize(overlay);
        JsonNode service = built.stream().filter(o -> o.path("kind").asText().equals("Service")).findFirst().orElseThrow();
        assertEquals("true", service.at("/metadata/annotations/service.beta.kubernetes.io~1azure-load-balancer-internal").asText(),
                service.toString());
        assertTrue(built.stream().noneMatch(o -> o.path("kind").asText().equals("StorageClass")), built.toString());
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
