package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
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
 * JSON 6902 operations of an overlay are converted where a rule applies to what they set: an IRSA role becomes the
 * Workload ID client id, a storage class the AKS class, an ECR image the ACR image; what a rule would change outside
 * the operation's value is a decision naming the kustomization, the patch and the operation.
 */
class KustomizeJson6902PatchesTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/carts";
    private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";

    private static final String BASE = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: carts
              namespace: carts
              annotations: {team: shop}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: carts, namespace: carts}
            spec:
              selector: {matchLabels: {app: carts}}
              template:
                metadata: {labels: {app: carts}}
                spec:
                  serviceAccountName: carts
                  containers:
                  - name: carts
                    image: nginx:1.27
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: carts}
            spec:
              storageClassName: managed-csi
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
            """;

    private static final String OVERLAY = """
            resources:
            - ../base
            patches:
            # the IRSA role of the overlay's account
            - target: {kind: ServiceAccount, name: carts}
              patch: |-
                - op: add
                  path: /metadata/annotations/eks.amazonaws.com~1role-arn
                  value: %s
            - path: image.yaml
              target: {kind: Deployment, name: carts}
            patchesJson6902:
            - target: {version: v1, kind: PersistentVolumeClaim, name: data}
              path: storage.json
            """.formatted(ROLE);

    @Test
    void rolesImagesAndStorageClassesSetByOperationsAreConverted(@TempDir Path tmp) throws Exception {
        Path input = write(tmp, """
                - op: replace
                  path: /spec/template/spec/containers/0/image
                  value: 123456789012.dkr.ecr.us-east-1.amazonaws.com/carts:2  # the release
                """);
        List<MigrationEvent> events = new ArrayList<>();
        MigrationMapping mapping = MappingFile.parse("eks2aks.yaml", "identities: {\"" + ROLE + "\": {clientId: " + CLIENT_ID + "}}")
                .withAcr("contoso.azurecr.io");
        var summary = new ManifestConversion(events::add).run(new ConversionRequest(input, tmp.resolve("out"), mapping, false));
        Path overlay = tmp.resolve("out/manifests/overlay");
        String kustomization = Files.readString(overlay.resolve("kustomization.yaml"));
        String image = Files.readString(overlay.resolve("image.yaml"));
        String storage = Files.readString(overlay.resolve("storage.json"));
        String all = String.join("\n", events.stream().map(MigrationEvent::message).toList());

        assertTrue(kustomization.startsWith("resources:\n- ../base\npatches:\n# the IRSA role of the overlay's account\n"), kustomization);
        assertTrue(kustomization.contains("path: /metadata/annotations/azure.workload.identity~1client-id\n      value: " + CLIENT_ID),
                kustomization);
        assertFalse(kustomization.contains("role-arn"), kustomization);
        assertTrue(image.contains("value: contoso.azurecr.io/carts:2"), image);
        assertTrue(image.contains("# the release"), image);
        assertFalse(storage.contains("gp2"), storage);
        assertEquals(0, summary.pendingDecisions(), all);

        assumeTrue(Kubectl.available(), "kubectl is not installed");
        List<JsonNode> built = Kubectl.kustomize(overlay);
        JsonNode account = built.stream().filter(o -> o.path("kind").asText().equals("ServiceAccount")).findFirst().orElseThrow();
        assertEquals(CLIENT_ID, account.at("/metadata/annotations/azure.workload.identity~1client-id").asText(), account.toString());
        JsonNode claim = built.stream().filter(o -> o.path("kind").asText().equals("PersistentVolumeClaim")).findFirst().orElseThrow();
        assertEquals("managed-csi-premium", claim.at("/spec/storageClassName").asText(), claim.toString());
    }

    private static Path write(Path tmp, String imagePatch) throws Exception {
        Path input = tmp.resolve("in");
        Files.createDirectories(input.resolve("base"));
        Files.createDirectories(input.resolve("overlay"));
        Files.writeString(input.resolve("base/kustomization.yaml"), "resources:\n- app.yaml\n");
        Files.writeString(input.resolve("base/app.yaml"), BASE);
        Files.writeString(input.resolve("overlay/kustomization.yaml"), OVERLAY);
        Files.writeString(input.resolve("overlay/image.yaml"), imagePatch);
        Files.writeString(input.resolve("overlay/storage.json"),
                "[{\"op\": \"replace\", \"path\": \"/spec/storageClassName\", \"value\": \"gp2\"}]\n");
        return input;
    }
}
