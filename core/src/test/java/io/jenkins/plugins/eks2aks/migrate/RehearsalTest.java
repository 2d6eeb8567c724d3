package io.jenkins.plugins.eks2aks.migrate;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.storage.CSIDriverBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import com.azure.core.http.HttpClient;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.images.ecr.EcrStandIn;
import io.jenkins.plugins.eks2aks.standins.ArmAksStandIn;
import io.jenkins.plugins.eks2aks.standins.EksApiStandIn;
import io.jenkins.plugins.eks2aks.standins.EntraStandIn;
import io.jenkins.plugins.eks2aks.standins.PagingCrudDispatcher;
import io.jenkins.plugins.eks2aks.ledger.Ledger;
import io.jenkins.plugins.eks2aks.ledger.LedgerEntry;
import io.jenkins.plugins.eks2aks.images.RegistryImages;
import io.jenkins.plugins.eks2aks.testservers.AzuriteExtension;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistryExtension;
import io.jenkins.plugins.eks2aks.testservers.S3Emulator;
import io.jenkins.plugins.eks2aks.testservers.S3EmulatorExtension;
import io.jenkins.plugins.eks2aks.testservers.TestServerInstall;
import io.jenkins.plugins.eks2aks.velero.VeleroCluster;
import io.jenkins.plugins.eks2aks.velero.model.Backup;
import io.jenkins.plugins.eks2aks.velero.model.Restore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rehearsal over stand-ins for both clouds, reached the way a user reaches the real ones: EKS by its name and
 * region (DescribeCluster on the EKS API stand-in, then the API server with an EKS token, a presigned STS
 * GetCallerIdentity), AKS by resource group and name (Entra ID's token endpoint, then ARM's listClusterUserCredential
 * for an Entra-integrated cluster, then the API server with an Entra token). The example's workloads run on a mock EKS
 * with a test Velero that carries them through the S3 emulator, eks2aks' sync into Azurite and a test Velero on a mock
 * AKS that restores them from there with the ConfigMaps convert wrote; the images, tagged and digest-pinned, move
 * between two docker-registry servers (ECR and ACR). The run is interrupted in the backup, fails at sync-storage and is
 * interrupted in the restore; each re-run completes without repeating finished work.
 */
class RehearsalTest {

    @RegisterExtension
    static final S3EmulatorExtension S3 = S3EmulatorExtension.withBuckets("velero");
    @RegisterExtension
    static final AzuriteExtension AZURITE = new AzuriteExtension();
    /**
     * ECR and ACR: the example's images under the same repository paths. ECR's registry takes only the user and
     * password GetAuthorizationToken hands out, and is reached at the token's proxyEndpoint.
     */
    @RegisterExtension
    static final DockerRegistryExtension ECR = DockerRegistryExtension.basicAuth();
    @RegisterExtension
    static final DockerRegistryExtension ACR = DockerRegistryExtension.anonymous();
    /** Each image as the workloads name it below the registry ({@code shop/web:1.8.2}, {@code shop/api:2.4.0@sha256:…}) and its digest. */
    private static final Map<String, String> IMAGES = new HashMap<>();
    /** The example's pinned digests (of images that exist only in its story) and the pushed images' that replace them. */
    private static final Map<String, String> PINNED = new HashMap<>();
    private static final String TENANT = "11111111-2222-3333-4444-555555555555";
    private static final String CLIENT = "7d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a";
    private static final String SECRET = "rehearsal-client-secret-value";
    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";

    private static final Path EXAMPLE = TestServerInstall.repositoryRoot().resolve("examples/eks-sample");
    private static final byte[] MEDIA_DATA = "the shop's product photos".repeat(500).getBytes();

    @TempDir
    Path tmp;

    private VeleroCluster eks;
    private VeleroCluster aks;
    private EksApiStandIn eksApi;
    private EcrStandIn ecrApi;
    private EntraStandIn entra;
    private ArmAksStandIn arm;
    private TestVelero velero;
    private BlobContainerClient container;
    private Path manifests;
    /** The summary of the last run started in a thread, for the message of a failed wait. */
    private volatile MigrationSummary last;
    /** How the last run started in a thread ended when it was interrupted. */
    private volatile InterruptedException interrupted;

    @BeforeAll
    static void pushTheSourceImages() throws Exception {
        IMAGES.put("shop/web:1.8.2", RegistryImages.push(ECR.get(), "shop/web", "1.8.2", 6000, 21));
        IMAGES.put("platform/envoy:v1.29.4", RegistryImages.push(ECR.get(), "platform/envoy", "v1.29.4", 5000, 22));
        // The example pins these by digest; the rehearsal's ECR holds images of its own, pinned the same ways.
        String api = RegistryImages.push(ECR.get(), "shop/api", "2.4.0", 7000, 23);
        String migrations = RegistryImages.push(ECR.get(), "shop/migrations", "build-118", 4000, 24);
        PINNED.put("sha256:45ea093ca1964f76155c46449ebbf73534f1a9128c0df7ba2d55ea267e208a24", api);
        PINNED.put("sha256:32c3f16662a10409d9605429580c0436feb22e702188c490a413f523e5a8c019", migrations);
        IMAGES.put("shop/api:2.4.0@" + api, api);
        IMAGES.put("shop/migrations@" + migrations, migrations);
    }

    @BeforeEach
    void standIns() throws Exception {
        manifests = Files.createDirectories(tmp.resolve("k8s"));
        try (var files = Files.list(EXAMPLE)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                for (Map.Entry<String, String> pin : PINNED.entrySet()) {
                    text = text.replace(pin.getKey(), pin.getValue());
                }
                Files.writeString(manifests.resolve(f.getFileName()), text);
            }
        }
        eks = new VeleroCluster().installed();
        for (Path f : Files.list(manifests).filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("eks2aks.yaml")).toList()) {
            try (InputStream in = Files.newInputStream(f)) {
                for (HasMetadata o : eks.admin.load(in).items()) {
                    if (o.getKind().equals("Namespace")) {
                        eks.admin.resource(o).create();
                    } else if (TestVelero.KINDS.contains(o.getKind())) {
                        eks.admin.resource(o).inNamespace(o.getMetadata().getNamespace()).create();
                    }
                }
            }
        }
        aks = new VeleroCluster().installed();
        // AKS with the Workload ID add-on: its webhook runs in kube-system.
        aks.namespace("kube-system");
        aks.admin.apps().deployments().inNamespace("kube-system").resource(new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder()
                .withNewMetadata().withName("azure-wi-webhook-controller-manager").withNamespace("kube-system").endMetadata()
                .withNewSpec().withReplicas(2).endSpec().withNewStatus().withReplicas(2).withReadyReplicas(2).endStatus().build()).create();
        for (String driver : new String[] {"disk.csi.azure.com", "file.csi.azure.com"}) {
            aks.admin.storage().v1().csiDrivers().resource(new CSIDriverBuilder().withNewMetadata().withName(driver).endMetadata()
                    .withNewSpec().endSpec().build()).create();
        }
        aks.admin.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("volumesnapshots.snapshot.storage.k8s.io").endMetadata()
                .withNewSpec().withGroup("snapshot.storage.k8s.io").withScope("Namespaced")
                .withNewNames().withKind("VolumeSnapshot").withPlural("volumesnapshots").withSingular("volumesnapshot").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true).endVersion().endSpec().build()).create();
        for (String[] sc : new String[][] {{"managed-csi-premium", "disk.csi.azure.com"}, {"azurefile-csi", "file.csi.azure.com"},
                {"azurefile-csi-premium", "file.csi.azure.com"}}) {
            aks.admin.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata().withName(sc[0])
                    .endMetadata().withProvisioner(sc[1]).build()).create();
        }
        container = new BlobServiceClientBuilder().connectionString(AZURITE.get().connectionString()).buildClient()
                .getBlobContainerClient("velero-" + System.nanoTime());
        ecrApi = new EcrStandIn(ECR.get().username(), ECR.get().password(), Clock.systemUTC(), Duration.ofHours(12))
                .proxyEndpoint(ECR.get().baseUrl());
        eksApi = new EksApiStandIn("shop-prod");
        eksApi.apiServer(eks.cluster.url(), eks.cluster.certificateAuthority());
        entra = new EntraStandIn(TENANT, CLIENT, SECRET);
        arm = new ArmAksStandIn("rg-shop", "shop-aks");
        arm.access(true, false); // Entra ID integration, no local accounts: the kubeconfig's user runs kubelogin
        // The version a team would create for EKS 1.29 today (the calendar moves on; a fixed one would fall out of support).
        arm.kubernetesVersion(io.jenkins.plugins.eks2aks.kubernetes.SupportCalendar.defaultAksTarget(
                io.jenkins.plugins.eks2aks.kubernetes.KubernetesVersion.parse("1.29").orElseThrow(), java.time.LocalDate.now(java.time.ZoneOffset.UTC)).toString());
        arm.apiServer(aks.cluster.url(), aks.cluster.certificateAuthority());
        velero = new TestVelero().source(eks.admin, s3(), "velero", Map.of("shop-media", MEDIA_DATA))
                .target(aks.admin, container).start();
    }

    @AfterEach
    void stop() {
        velero.close();
        arm.close();
        entra.close();
        eksApi.close();
        ecrApi.close();
        aks.close();
        eks.close();
    }

    @Test
    void theExampleMovesAndEachKilledRunResumesWithoutRepeatingFinishedWork() throws Exception {
        // Killed while it waits for the backup: the Backup goes on in the cluster; the ledger has no finished backup.
        velero.finishBackups = false;
        Thread killed = start();
        await(() -> eks.admin.resources(Backup.class).inNamespace("velero").list().getItems().size() == 1, "the Backup is created");
        killed.interrupt();
        killed.join(30_000);
        Ledger afterKill = ledger();
        assertTrue(afterKill.latest("convert").orElseThrow().succeeded());
        assertFalse(afterKill.latest("backup").map(LedgerEntry::succeeded).orElse(false), "the backup did not finish");
        assertNotNull(interrupted, "the run ends with the interrupt");
        assertTrue(interrupted.getMessage().startsWith("Interrupted in backup; the ledger keeps every step that finished. Resume with: "),
                interrupted.getMessage());
        String note = afterKill.latest("backup").orElseThrow().note();
        assertTrue(note.startsWith("Interrupted while "), "an interrupt is not a server that did not answer: " + note);
        assertTrue(afterKill.latest("sync-storage").isEmpty());

        // Resumed, it fails at sync-storage: the container does not exist yet. The Backup is the same one.
        velero.finishBackups = true;
        MigrationSummary noContainer = run();
        assertEquals("sync-storage", noContainer.failedStep(), noContainer.oneLine());
        assertEquals("its last run failed", noContainer.steps().get(4).reason());
        assertEquals(List.of("eks2aks-migration"), velero.backupsMade, "no second Backup");
        assertEquals(1, count(eks, Backup.class));

        // Resumed with the container; killed while it waits for the restore.
        container.create();
        velero.finishRestores = false;
        Thread killedInRestore = start();
        await(() -> count(aks, Restore.class) == 1, "the Restore is created");
        killedInRestore.interrupt();
        killedInRestore.join(30_000);
        assertTrue(interrupted != null && interrupted.getMessage().startsWith("Interrupted in restore"), String.valueOf(interrupted));
        Ledger beforeRestore = ledger();
        assertTrue(beforeRestore.latest("verify-storage").orElseThrow().succeeded());
        assertEquals(1, beforeRestore.entries().stream().filter(e -> e.step().equals("backup") && e.succeeded()).count());

        // The last resume finishes: nothing before the restore runs again, the Restore is the same one.
        velero.finishRestores = true;
        MigrationSummary done = run();
        assertTrue(done.succeeded(), done.oneLine() + " " + done.steps());
        assertEquals(List.of("up-to-date", "up-to-date", "up-to-date", "up-to-date", "up-to-date", "up-to-date", "up-to-date", "ran", "ran"),
                states(done));
        assertEquals(1, count(eks, Backup.class));
        assertEquals(1, count(aks, Restore.class));
        assertEquals(1, ledger().entries().stream().filter(e -> e.step().equals("sync-storage") && e.succeeded()).count(),
                "the storage was copied once");

        assertTheAksSide();
        assertTheCloudPaths();

        // A re-run repeats nothing at all.
        MigrationSummary again = run();
        assertEquals(0, again.count(StepStatus.State.RAN), again.steps().toString());
        assertEquals(List.of("eks2aks-migration"), velero.backupsMade);
        assertEquals(1, velero.restoresMade.size());
    }

    private void assertTheAksSide() throws Exception {
        Path converted = tmp.resolve("migration/convert/manifests");
        List<HasMetadata> expected = new ArrayList<>();
        try (var files = Files.walk(converted)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    for (HasMetadata o : aks.admin.load(in).items()) {
                        if (TestVelero.KINDS.contains(o.getKind()) && "shop".equals(o.getMetadata().getNamespace())) {
                            expected.add(o);
                        }
                    }
                }
            }
        }
        assertTrue(expected.size() >= 8, "the example has that many objects to move: " + expected.size());
        java.util.Set<String> moved = new java.util.TreeSet<>();
        for (HasMetadata want : expected) {
            HasMetadata got = aks.admin.resource(want).inNamespace("shop").get();
            assertNotNull(got, "restored on AKS: " + want.getKind() + " " + want.getMetadata().getName());
            if (want instanceof Deployment d) {
                Deployment g = (Deployment) got;
                assertEquals(images(d), images(g), "ACR images of " + d.getMetadata().getName());
                assertTrue(images(g).stream().noneMatch(i -> i.contains(".dkr.ecr.")), images(g).toString());
                for (String image : images(g)) {
                    String ref = image.substring(image.indexOf('/') + 1);
                    if (image.startsWith(ACR.get().hostPort() + "/") && IMAGES.containsKey(ref)) {
                        // Pulled by digest when pinned (the tag is then only informative), else by tag.
                        int at = ref.indexOf('@');
                        String name = ref.replaceAll("[:@].*$", "");
                        String reference = at >= 0 ? ref.substring(at + 1) : ref.substring(ref.indexOf(':') + 1);
                        assertEquals(IMAGES.get(ref), RegistryImages.digest(ACR.get(), name, reference).orElseThrow(),
                                image + " is in ACR with the source's digest");
                        moved.add(ref);
                    }
                }
                assertEquals(d.getSpec().getTemplate().getMetadata().getLabels(), g.getSpec().getTemplate().getMetadata().getLabels(),
                        "workload identity labels of " + d.getMetadata().getName());
            } else if (want instanceof Service s) {
                assertEquals(s.getMetadata().getAnnotations(), got.getMetadata().getAnnotations(), "annotations of Service " + s.getMetadata().getName());
                assertEquals(s.getSpec().getType(), ((Service) got).getSpec().getType());
            } else if (want instanceof ServiceAccount sa) {
                assertEquals(sa.getMetadata().getAnnotations(), got.getMetadata().getAnnotations(), "identity of " + sa.getMetadata().getName());
                assertEquals(sa.getMetadata().getLabels(), got.getMetadata().getLabels());
            } else if (want instanceof PersistentVolumeClaim pvc) {
                assertEquals(pvc.getSpec().getStorageClassName(), ((PersistentVolumeClaim) got).getSpec().getStorageClassName(),
                        "storage class of " + pvc.getMetadata().getName());
            }
        }
        assertEquals(new java.util.TreeSet<>(IMAGES.keySet()), moved, "every copied image, tagged or pinned, is what a restored workload pulls");
        Service internal = aks.admin.services().inNamespace("shop").withName("api-internal").get();
        assertEquals("true", internal.getMetadata().getAnnotations().get("service.beta.kubernetes.io/azure-load-balancer-internal"),
                "an internal load balancer stays internal");
        assertArrayEquals(MEDIA_DATA, container.getBlobClient("kopia/shop/shop-media.pack").downloadContent().toBytes(),
                "the claim's data is in the container");
    }

    private static List<String> images(Deployment d) {
        var spec = d.getSpec().getTemplate().getSpec();
        return java.util.stream.Stream.concat(spec.getInitContainers().stream(), spec.getContainers().stream()).map(c -> c.getImage()).toList();
    }

    private MigrateOptions options() {
        String sas = container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1), new BlobContainerSasPermission()
                .setReadPermission(true).setAddPermission(true).setCreatePermission(true).setWritePermission(true).setListPermission(true)));
        return new MigrateOptions(manifests.toString(), null, tmp.resolve("migration").toString(), false, null, null, false, "shop-prod",
                S3Emulator.REGION, null, null, null, "rg-shop", "shop-aks", null,
                null, null, ACR.get().hostPort(), null, "copy",
                List.of(ACR.get().hostPort()), null, List.of("shop"), null, "1m",
                "s3://velero", container.getBlobContainerUrl() + "?" + sas, io.jenkins.plugins.eks2aks.testservers.Azurite.ACCOUNT_NAME,
                container.getBlobContainerName(), "rg-backups");
    }

    private MigrationSummary run() throws InterruptedException {
        return new MigrationRun(e -> { }, Clock.systemUTC()).run(options().request(MigrateOptions.Names.CLI, PathScope.currentFolder())
                .withPollInterval(Duration.ofMillis(50)), new MigrationClients(settings(), null, null, null, azureHttp()), "eks2aks migrate RESUME");
    }

    private Thread start() {
        last = null;
        interrupted = null;
        Thread t = new Thread(() -> {
            try {
                last = run();
            } catch (InterruptedException e) {
                interrupted = e; // what the ledger and the clusters hold is what the next run finds
            }
        }, "migrate");
        t.start();
        return t;
    }

    private void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (last != null) {
                throw new AssertionError("the run ended before " + what + ": " + last.steps());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what + (last == null ? "" : ": " + last.steps()));
            }
            Thread.sleep(20);
        }
    }

    private Ledger ledger() {
        return Ledger.read(tmp.resolve("migration").resolve(Ledger.FILE));
    }

    private static int count(VeleroCluster cluster, Class<? extends HasMetadata> kind) {
        return cluster.admin.resources(kind).inNamespace("velero").list().getItems().size();
    }

    private static List<String> states(MigrationSummary summary) {
        return summary.steps().stream().map(s -> s.state().key()).toList();
    }

    /** Entra ID and ARM as the Azure SDK reaches them: each stand-in over its own loopback TLS. */
    private HttpClient azureHttp() {
        HttpClient toEntra = entra.httpClient();
        HttpClient toArm = arm.httpClient();
        return request -> request.getUrl().getPort() == arm.uri().getPort() ? toArm.send(request) : toEntra.send(request);
    }

    /** EKS by name and region, AKS by resource group and name: the clusters were reached the way the clouds give them. */
    private void assertTheCloudPaths() throws java.io.IOException {
        assertTrue(eksApi.requests().stream().anyMatch(r -> r.method().equals("GET") && r.path().equals("/clusters/shop-prod")),
                "DescribeCluster: " + eksApi.requests());
        List<String> eksTokens = tokens(eks);
        assertFalse(eksTokens.isEmpty());
        for (String bearer : eksTokens) {
            assertTrue(bearer.startsWith("Bearer k8s-aws-v1."), "EKS was called with an EKS token only: " + bearer.substring(0, Math.min(20, bearer.length())));
            String presigned = new String(java.util.Base64.getUrlDecoder().decode(bearer.substring("Bearer k8s-aws-v1.".length())),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(presigned.startsWith("https://sts." + S3Emulator.REGION + ".amazonaws.com/?Action=GetCallerIdentity")
                    && presigned.contains("x-k8s-aws-id"), presigned);
        }
        assertTrue(arm.authorizations().stream().allMatch(a -> a != null && a.startsWith("Bearer entra-")), "ARM saw Entra tokens only");
        assertTrue(entra.requests().stream().anyMatch(r -> String.valueOf(r.form().get("scope")).contains("6dae42f8-4368-4678-94ff-3960e28e3630")),
                "a token for the AKS server application (instead of kubelogin)");
        List<String> aksTokens = tokens(aks);
        assertFalse(aksTokens.isEmpty(), "the run reached AKS");
        assertTrue(aksTokens.stream().allMatch(a -> a.startsWith("Bearer entra-")), "AKS was called with Entra tokens: " + aksTokens);
        assertEquals(List.of(), entra.requestsElsewhere(), "nothing left loopback for Microsoft's authority");
        // The images: the inventory's list of the workloads' ECR images, each read with a GetAuthorizationToken token.
        List<String> listed = Files.readAllLines(tmp.resolve("migration/inventory/ecr-images.txt")).stream().sorted().toList();
        List<String> expected = IMAGES.keySet().stream().map(i -> (i.startsWith("platform/") ? "210987654321.dkr.ecr.eu-west-1"
                : "123456789012.dkr.ecr.us-east-1") + ".amazonaws.com/" + i).sorted().toList();
        assertEquals(expected, listed, "the live inventory's image list is what the images step copied");
        assertTrue(ecrApi.calls("GetAuthorizationToken") >= 2, "a token per ECR registry (two accounts): " + ecrApi.calls("GetAuthorizationToken"));
    }

    /** The credentials the cluster saw, but the test's own (its admin client and the test Velero use the mock's token). */
    private static List<String> tokens(VeleroCluster cluster) {
        String admin = "Bearer " + cluster.admin.getConfiguration().getOauthToken();
        return cluster.cluster.dispatcher().seen().stream().map(PagingCrudDispatcher.Seen::authorization)
                .filter(a -> a != null && !a.equals(admin)).distinct().toList();
    }

    private Map<String, String> settings() {
        S3Emulator s3 = S3.get();
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", s3.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", s3.secretAccessKey());
        env.put("AWS_REGION", s3.region());
        env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_EKS", eksApi.uri().toString());
        env.put("AWS_ENDPOINT_URL_ECR", ecrApi.endpoint().toString());
        env.put("AZURE_CLIENT_ID", CLIENT);
        env.put("AZURE_CLIENT_SECRET", SECRET);
        env.put("AZURE_TENANT_ID", TENANT);
        env.put("AZURE_SUBSCRIPTION_ID", SUBSCRIPTION);
        env.put("AZURE_AUTHORITY_HOST", entra.authorityHost());
        env.put("AZURE_RESOURCE_MANAGER_ENDPOINT", arm.uri().toString());
        return env;
    }

    private static S3Client s3() {
        S3Emulator s3 = S3.get();
        return S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true).region(Region.of(s3.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId(), s3.secretAccessKey())))
                .build();
    }
}
