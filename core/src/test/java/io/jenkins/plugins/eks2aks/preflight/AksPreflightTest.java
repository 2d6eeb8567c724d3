package io.jenkins.plugins.eks2aks.preflight;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.api.model.storage.CSIDriverBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AksClients;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;
import io.jenkins.plugins.eks2aks.clusters.KubernetesClients;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.inventory.DumpObjects;
import io.jenkins.plugins.eks2aks.inventory.EksInventory;
import io.jenkins.plugins.eks2aks.inventory.InventoryRequest;
import io.jenkins.plugins.eks2aks.standins.ArmAksStandIn;
import io.jenkins.plugins.eks2aks.standins.MockCluster;
import io.jenkins.plugins.eks2aks.testservers.TestServerInstall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import reactor.core.publisher.Mono;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * aksPreflight against an ARM stand-in (the real containerservice client over HTTPS) and fabric8's mock API server
 * standing in for the AKS cluster, with requirements from the bundled example's inventory.
 */
class AksPreflightTest {

    static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A fixed ARM token: this test is about the checks, not about Entra ID. */
    private static final TokenCredential TOKEN = request -> Mono.just(new AccessToken("arm-test-token", OffsetDateTime.now().plusHours(1)));

    static MockCluster aks;
    static ArmAksStandIn arm;
    static Path inventory;

    @TempDir
    static Path shared;

    @BeforeAll
    static void target() {
        arm = new ArmAksStandIn("rg-shop", "shop-aks");
        aks = new MockCluster();
        KubernetesClient c = aks.admin();
        for (String[] sc : new String[][] {{"managed-csi", "disk.csi.azure.com"}, {"managed-csi-premium", "disk.csi.azure.com"},
                {"azurefile-csi", "file.csi.azure.com"}, {"azurefile-csi-premium", "file.csi.azure.com"}}) {
            c.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata().withName(sc[0]).endMetadata()
                    .withProvisioner(sc[1]).build()).create();
        }
        for (String driver : List.of("disk.csi.azure.com", "file.csi.azure.com")) {
            c.storage().v1().csiDrivers().resource(new CSIDriverBuilder().withNewMetadata().withName(driver).endMetadata().withNewSpec().endSpec().build()).create();
        }
        c.network().v1().ingressClasses().resource(new IngressClassBuilder().withNewMetadata().withName("webapprouting.kubernetes.azure.com")
                .endMetadata().withNewSpec().withController("webapprouting.kubernetes.azure.com/nginx").endSpec().build()).create();
        for (String crd : List.of("backups", "restores", "backupstoragelocations")) {
            c.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder().withNewMetadata()
                    .withName(crd + ".velero.io").endMetadata().withNewSpec().withGroup("velero.io").withScope("Namespaced")
                    .withNewNames().withPlural(crd).withKind(crd).endNames().endSpec().build()).create();
        }
        c.apps().deployments().inNamespace("velero").resource(new DeploymentBuilder().withNewMetadata().withName("velero").endMetadata()
                .withNewSpec().withReplicas(1).endSpec().withNewStatus().withReadyReplicas(1).endStatus().build()).create();
        c.apps().daemonSets().inNamespace("velero").resource(new DaemonSetBuilder().withNewMetadata().withName("node-agent").endMetadata()
                .withNewSpec().endSpec().withNewStatus().withNumberReady(3).endStatus().build()).create();
        c.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup("velero.io").withVersion("v1")
                        .withKind("BackupStorageLocation").withPlural("backupstoragelocations").withNamespaced(true).build())
                .inNamespace("velero").resource(new GenericKubernetesResourceBuilder().withApiVersion("velero.io/v1")
                        .withKind("BackupStorageLocation").withNewMetadata().withName("default").withNamespace("velero").endMetadata()
                        .addToAdditionalProperties("spec", Map.of("provider", "azure", "objectStorage", Map.of("bucket", "velero")))
                        .addToAdditionalProperties("status", Map.of("phase", "Available")).build()).create();
        inventory = new EksInventory(EventSink.NONE, NOV_2026).run(new InventoryRequest(new DumpObjects(
                TestServerInstall.repositoryRoot().resolve("examples/eks-sample/cluster-dump")), null, "1.29", null, shared.resolve("inv"))).inventoryJson();
    }

    @AfterAll
    static void stop() {
        aks.close();
        arm.close();
    }

    private static AksFacts arm(ArmAksStandIn standIn, String rg, String name) {
        AzureSettings settings = new AzureSettings(TOKEN, "a test token", "00000000-0000-0000-0000-000000000001", standIn.uri());
        return new ArmAksReader(AksClients.containerService(settings, standIn.httpClient()), settings.credentialSource()).read(rg, name);
    }

    @Test
    void aReadyTargetPassesAndReportsAsJsonMarkdownAndJunit(@TempDir Path out) throws Exception {
        arm.properties(true, true, true);
        int calls = arm.authorizations().size();
        AksFacts facts = arm(arm, "rg-shop", "shop-aks");
        assertEquals(List.of("Bearer arm-test-token"), arm.authorizations().subList(calls, arm.authorizations().size()),
                "ARM was called once, with the bearer token");
        assertEquals("1.34.1", facts.kubernetesVersion());
        assertEquals("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", facts.kubeletObjectId());
        ClusterFacts cluster;
        try (KubernetesClient client = KubernetesClients.fromKubeconfig(aks.writeKubeconfig(out.resolve("kubeconfig"), "t"), null, Duration.ofSeconds(10))) {
            cluster = new KubernetesTargetReader(client).read("velero");
        }
        PreflightRequirements req = PreflightRequirements.fromInventory(inventory, "app-routing", "contoso.azurecr.io", "velero");
        assertTrue(req.needsWorkloadIdentity(), "the example uses IRSA");
        assertEquals(List.of("azurefile-csi-premium", "managed-csi-premium"), List.copyOf(req.storageClasses()));

        PreflightSummary summary = new AksPreflight(EventSink.NONE, NOV_2026).run(new PreflightRequest("AKS shop-aks in rg-shop", req,
                facts, cluster, "rg-shop", "shop-aks", out.resolve("preflight")));

        assertEquals(List.of(), summary.failedChecks());
        assertEquals(1, summary.notChecked(), "ACR pull cannot be read from here");
        JsonNode json = JSON.readTree(summary.json().toFile());
        assertEquals("eks2aks.io/preflight/v1", json.path("schema").asText());
        JsonNode acr = json.path("checks").get(json.path("checks").size() - 1);
        assertEquals("acr-pull", acr.path("id").asText());
        assertTrue(acr.path("fix").asText().startsWith("az aks check-acr -g rg-shop -n shop-aks --acr contoso.azurecr.io"));
        assertTrue(acr.path("detail").asText().contains("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(summary.junit().toFile());
        Element suite = junit.getDocumentElement();
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals(String.valueOf(summary.passed() + 1), suite.getAttribute("tests"));
        assertTrue(java.nio.file.Files.readString(summary.markdown()).contains("| PASS | A Velero BackupStorageLocation is Available"));
    }

    @Test
    void missingWorkloadIdentityAndSnapshotsFailWithTheCommandsThatFixThem(@TempDir Path out) throws Exception {
        arm.properties(true, false, false);
        AksFacts facts = arm(arm, "rg-shop", "shop-aks");
        PreflightRequirements req = PreflightRequirements.fromInventory(inventory, null, null, "velero");

        PreflightSummary summary = new AksPreflight(EventSink.NONE, NOV_2026).run(new PreflightRequest("AKS shop-aks", req, facts, null,
                "rg-shop", "shop-aks", out));

        assertEquals(List.of("workload-identity", "snapshot-controller", "ingress"), summary.failedChecks());
        JsonNode checks = JSON.readTree(summary.json().toFile()).path("checks");
        assertEquals("az aks update -g rg-shop -n shop-aks --enable-workload-identity", check(checks, "workload-identity").path("fix").asText());
        assertEquals("az aks update -g rg-shop -n shop-aks --enable-snapshot-controller", check(checks, "snapshot-controller").path("fix").asText());
        assertEquals("NOT_CHECKED", check(checks, "storage-class/managed-csi-premium").path("status").asText(), "no kubeconfig: not checked, never passed");
        assertEquals("NOT_CHECKED", check(checks, "velero").path("status").asText());
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(summary.junit().toFile());
        assertEquals("3", junit.getDocumentElement().getAttribute("failures"));
        assertTrue(junit.getElementsByTagName("failure").item(0).getTextContent().startsWith("Fix: az aks update"));
    }

    @Test
    void aClusterCreatedWithDefaultsHasWorkloadIdentityOffAndAStaticS3VolumeNeedsTheBlobDriver(@TempDir Path out) throws Exception {
        arm.propertiesAsCreatedWithDefaults();
        AksFacts facts = arm(arm, "rg-shop", "shop-aks");
        Path dump = out.resolve("dump.yaml");
        java.nio.file.Files.writeString(dump, """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: PersistentVolume
                  metadata: {name: s3-pv}
                  spec:
                    capacity: {storage: 1200Gi}
                    accessModes: [ReadWriteMany]
                    storageClassName: ""
                    claimRef: {namespace: shop, name: s3-claim}
                    csi: {driver: s3.csi.aws.com, volumeHandle: s3-csi-driver-volume, volumeAttributes: {bucketName: shop-assets}}
                - apiVersion: v1
                  kind: PersistentVolumeClaim
                  metadata: {name: s3-claim, namespace: shop}
                  spec:
                    accessModes: [ReadWriteMany]
                    storageClassName: ""
                    volumeName: s3-pv
                    resources: {requests: {storage: 1200Gi}}
                """);
        Path s3Inventory = new EksInventory(EventSink.NONE, NOV_2026).run(new InventoryRequest(new DumpObjects(dump), null, "1.29", null,
                out.resolve("inv"))).inventoryJson();
        PreflightRequirements withIrsa = PreflightRequirements.fromInventory(inventory, null, null, "velero");
        PreflightRequirements withS3 = PreflightRequirements.fromInventory(s3Inventory, null, null, "velero");

        JsonNode irsa = JSON.readTree(new AksPreflight(EventSink.NONE, NOV_2026).run(new PreflightRequest("AKS shop-aks", withIrsa, facts,
                null, "rg-shop", "shop-aks", out.resolve("irsa"))).json().toFile()).path("checks");
        JsonNode s3 = JSON.readTree(new AksPreflight(EventSink.NONE, NOV_2026).run(new PreflightRequest("AKS shop-aks", withS3, facts,
                null, "rg-shop", "shop-aks", out.resolve("s3"))).json().toFile()).path("checks");

        assertEquals("FAIL", check(irsa, "workload-identity").path("status").asText(), "a missing field is off, as az aks show says");
        assertEquals("az aks update -g rg-shop -n shop-aks --enable-workload-identity", check(irsa, "workload-identity").path("fix").asText());
        assertEquals("FAIL", check(irsa, "oidc-issuer").path("status").asText());
        assertTrue(withS3.needsBlob(), "the static Mountpoint-for-S3 volume needs the blob driver");
        assertEquals("FAIL", check(s3, "blob-csi").path("status").asText(), check(s3, "blob-csi").toString());
        assertEquals("az aks update -g rg-shop -n shop-aks --enable-blob-driver", check(s3, "blob-csi").path("fix").asText());
    }

    @Test
    void withoutAnInventoryNothingPassesOnMissingEvidence(@TempDir Path out) throws Exception {
        arm.propertiesAsCreatedWithDefaults();
        AksFacts off = arm(arm, "rg-shop", "shop-aks");
        arm.properties(true, true, true);
        AksFacts on = arm(arm, "rg-shop", "shop-aks");
        PreflightRequirements none = PreflightRequirements.withoutInventory("1.29", null, null, "velero");

        JsonNode whenOff = JSON.readTree(new AksPreflight(EventSink.NONE, NOV_2026).run(new PreflightRequest("AKS shop-aks", none, off,
                null, "rg-shop", "shop-aks", out.resolve("off"))).json().toFile()).path("checks");
        JsonNode whenOn = JSON.readTree(new AksPreflight(EventSink.NONE, NOV_2026).run(new PreflightRequest("AKS shop-aks", none, on,
                null, "rg-shop", "shop-aks", out.resolve("on"))).json().toFile()).path("checks");

        for (String id : List.of("oidc-issuer", "workload-identity", "blob-csi", "ingress")) {
            assertEquals("NOT_CHECKED", check(whenOff, id).path("status").asText(), id + ": " + check(whenOff, id));
            assertFalse(check(whenOff, id).path("detail").asText().contains("not needed"), check(whenOff, id).toString());
        }
        assertEquals("PASS", check(whenOn, "workload-identity").path("status").asText());
        assertEquals("enabled", check(whenOn, "workload-identity").path("detail").asText());
        assertTrue(check(whenOn, "oidc-issuer").path("detail").asText().startsWith("enabled: https://"), check(whenOn, "oidc-issuer").toString());
    }

    @Test
    void acrPullPassesOnAnAcrPullAssignmentAndFailsWithTheAttachCommandWithout(@TempDir Path out) throws Exception {
        arm.properties(true, true, true);
        String sub = "00000000-0000-0000-0000-000000000001";
        String kubelet = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
        String pullable = arm.registry(sub, "rg-acr", "contosopull");
        String denied = arm.registry(sub, "rg-acr", "contosodenied");
        arm.assignRole(pullable, kubelet, ArmAksStandIn.acrPullRole());
        arm.assignRole(denied, kubelet, arm.customRole("Registry metadata viewer", "Microsoft.ContainerRegistry/registries/read"));
        String customPull = arm.registry(sub, "rg-other", "contosocustom");
        arm.assignRole("/subscriptions/" + sub + "/resourceGroups/rg-other", kubelet,
                arm.customRole("Image puller", "Microsoft.ContainerRegistry/*/pull/read"));

        JsonNode granted = acrCheck(out.resolve("granted"), "contosopull.azurecr.io");
        JsonNode missing = acrCheck(out.resolve("missing"), "contosodenied.azurecr.io");
        JsonNode inherited = acrCheck(out.resolve("inherited"), "contosocustom.azurecr.io");
        JsonNode unknown = acrCheck(out.resolve("unknown"), "elsewhere.azurecr.io");

        assertEquals("PASS", granted.path("status").asText(), granted.toString());
        assertEquals("the kubelet identity (object id " + kubelet + ") has AcrPull on " + pullable, granted.path("detail").asText());
        assertEquals("FAIL", missing.path("status").asText(), missing.toString());
        assertEquals("az aks update -g rg-shop -n shop-aks --attach-acr contosodenied.azurecr.io", missing.path("fix").asText());
        assertEquals("PASS", inherited.path("status").asText(), "a custom role at the resource group grants pull: " + inherited);
        assertTrue(inherited.path("detail").asText().contains("Image puller"), inherited.toString());
        assertEquals("NOT_CHECKED", unknown.path("status").asText(), unknown.toString());
        assertTrue(unknown.path("detail").asText().contains("no registry with login server elsewhere.azurecr.io"), unknown.toString());
    }

    private static JsonNode acrCheck(Path out, String acr) throws Exception {
        AzureSettings settings = new AzureSettings(TOKEN, "a test token", "00000000-0000-0000-0000-000000000001", arm.uri());
        AksFacts facts = new ArmAksReader(AksClients.containerService(settings, arm.httpClient()), settings.credentialSource())
                .read("rg-shop", "shop-aks", acr);
        PreflightRequirements req = PreflightRequirements.fromInventory(inventory, null, acr, "velero");
        return check(JSON.readTree(new AksPreflight(EventSink.NONE, NOV_2026).run(new PreflightRequest("AKS shop-aks", req, facts, null,
                "rg-shop", "shop-aks", out)).json().toFile()).path("checks"), "acr-pull");
    }

    @Test
    void anOlderAksThanTheSourceFails(@TempDir Path out) {
        AksFacts old = new AksFacts("a", "rg", "1.28.5", "Succeeded", true, null, true, true, true, false, true, true, null, null, java.util.Set.of());
        PreflightRequirements req = PreflightRequirements.withoutInventory("1.29", null, null, "velero");

        PreflightSummary summary = new AksPreflight(EventSink.NONE, NOV_2026).run(new PreflightRequest("a", req, old, null, "rg", "a", out));

        assertEquals("kubernetes-version", summary.failedChecks().get(0));
    }

    @Test
    void anUnknownAksClusterNamesTheClusterAndTheResourceGroup() {
        MigrationException e = assertThrows(MigrationException.class, () -> arm(arm, "rg-shop", "shop-aks-2"));

        assertEquals("AKS cluster 'shop-aks-2' was not found in resource group 'rg-shop' (ResourceNotFound): check the name, "
                + "the resource group and the subscription", e.getMessage());
    }

    private static JsonNode check(JsonNode checks, String id) {
        for (JsonNode c : checks) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id);
    }
}
