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
import io.jenkins.plugins.eks2aks.files.PathScope;
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
 * The rehearsal over stand-ins for both clouds: the example's workloads on a mock EKS with a test Velero that carries
 * them through the S3 emulator, eks2aks' sync into Azurite and a test Velero on a mock AKS that restores them from
 * there with the ConfigMaps convert wrote; the images move between two docker-registry servers (ECR and ACR). The run is killed in the backup, fails at sync-storage and is killed in the
 * restore; each re-run completes without repeating finished work.
 */
class RehearsalTest {

    @RegisterExtension
    static final S3EmulatorExtension S3 = S3EmulatorExtension.withBuckets("velero");
    @RegisterExtension
    static final AzuriteExtension AZURITE = new AzuriteExtension();
    /** ECR and ACR: the example's images by tag, under the same repository paths. */
    @RegisterExtension
    static final DockerRegistryExtension ECR = DockerRegistryExtension.anonymous();
    @RegisterExtension
    static final DockerRegistryExtension ACR = DockerRegistryExtension.anonymous();
    private static final Map<String, String> IMAGES = new HashMap<>();

    private static final Path EXAMPLE = TestServerInstall.repositoryRoot().resolve("examples/eks-sample");
    private static final byte[] MEDIA_DATA = "the shop's product photos".repeat(500).getBytes();

    @TempDir
    Path tmp;

    private VeleroCluster eks;
    private VeleroCluster aks;
    private TestVelero velero;
    private BlobContainerClient container;
    private Path manifests;
    private Path eksConfig;
    private Path imagesFile;
    private Path aksConfig;
    /** The summary of the last run started in a thread, for the message of a failed wait. */
    private volatile MigrationSummary last;

    @BeforeAll
    static void pushTheSourceImages() throws Exception {
        IMAGES.put("shop/web:1.8.2", RegistryImages.push(ECR.get(), "shop/web", "1.8.2", 6000, 21));
        IMAGES.put("platform/envoy:v1.29.4", RegistryImages.push(ECR.get(), "platform/envoy", "v1.29.4", 5000, 22));
    }

    @BeforeEach
    void standIns() throws Exception {
        manifests = Files.createDirectories(tmp.resolve("k8s"));
        try (var files = Files.list(EXAMPLE)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, manifests.resolve(f.getFileName()));
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
        List<String> lines = new ArrayList<>();
        IMAGES.keySet().forEach(i -> lines.add(ECR.get().hostPort() + "/" + i));
        imagesFile = Files.write(tmp.resolve("ecr-images.txt"), lines);
        eksConfig = eks.kubeconfig(tmp).kubeconfig();
        aksConfig = aks.kubeconfig(tmp).kubeconfig();
        velero = new TestVelero().source(eks.admin, s3(), "velero", Map.of("shop-media", MEDIA_DATA))
                .target(aks.admin, container).start();
    }

    @AfterEach
    void stop() {
        velero.close();
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
        int copied = 0;
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
                        String[] parts = ref.split(":");
                        assertEquals(IMAGES.get(ref), RegistryImages.digest(ACR.get(), parts[0], parts[1]).orElseThrow(),
                                image + " is in ACR with the source's digest");
                        copied++;
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
        assertEquals(IMAGES.size(), copied, "every copied image is what a restored workload pulls");
        Service internal = aks.admin.services().inNamespace("shop").withName("api-internal").get();
        assertEquals("true", internal.getMetadata().getAnnotations().get("service.beta.kubernetes.io/azure-load-balancer-internal"),
                "an internal load balancer stays internal");
        assertArrayEquals(MEDIA_DATA, container.getBlobClient("kopia/shop/shop-media.pack").downloadContent().toBytes(),
                "the claim's data is in the container");
    }

    private static List<String> images(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().stream().map(c -> c.getImage()).toList();
    }

    private MigrateOptions options() {
        String sas = container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1), new BlobContainerSasPermission()
                .setReadPermission(true).setAddPermission(true).setCreatePermission(true).setWritePermission(true).setListPermission(true)));
        return new MigrateOptions(manifests.toString(), null, tmp.resolve("migration").toString(), false, null, null, false, null,
                S3Emulator.REGION, eksConfig.toString(), null, null, null, null, null,
                aksConfig.toString(), null, ACR.get().hostPort(), imagesFile.toString(), "copy",
                List.of(ECR.get().hostPort(), ACR.get().hostPort()), null, List.of("shop"), null, "1m",
                "s3://velero", container.getBlobContainerUrl() + "?" + sas, io.jenkins.plugins.eks2aks.testservers.Azurite.ACCOUNT_NAME,
                container.getBlobContainerName(), "rg-backups");
    }

    private MigrationSummary run() throws InterruptedException {
        return new MigrationRun(e -> { }, Clock.systemUTC()).run(options().request(MigrateOptions.Names.CLI, PathScope.currentFolder())
                .withPollInterval(Duration.ofMillis(50)), new MigrationClients(settings(), null, null, null), "eks2aks migrate RESUME");
    }

    private Thread start() {
        last = null;
        Thread t = new Thread(() -> {
            try {
                last = run();
            } catch (InterruptedException | RuntimeException e) {
                // killed: what the ledger and the clusters hold is what the next run finds
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

    private static Map<String, String> settings() {
        S3Emulator s3 = S3.get();
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", s3.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", s3.secretAccessKey());
        env.put("AWS_REGION", s3.region());
        env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
        return env;
    }

    private static S3Client s3() {
        S3Emulator s3 = S3.get();
        return S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true).region(Region.of(s3.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId(), s3.secretAccessKey())))
                .build();
    }
}
