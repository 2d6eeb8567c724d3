package io.jenkins.plugins.eks2aks.storage;

import static io.jenkins.plugins.eks2aks.storage.StorageFixtures.NAMES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import io.jenkins.plugins.eks2aks.storage.verify.Finding;
import io.jenkins.plugins.eks2aks.storage.verify.StorageVerify;
import io.jenkins.plugins.eks2aks.storage.verify.VerifyOptions;
import io.jenkins.plugins.eks2aks.storage.verify.VerifyReports;
import io.jenkins.plugins.eks2aks.storage.verify.VerifyRequest;
import io.jenkins.plugins.eks2aks.storage.verify.VerifySummary;
import io.jenkins.plugins.eks2aks.testservers.Azurite;
import io.jenkins.plugins.eks2aks.testservers.AzuriteExtension;
import io.jenkins.plugins.eks2aks.testservers.S3Emulator;
import io.jenkins.plugins.eks2aks.testservers.S3EmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The gate on a real S3 emulator and a real Azurite: passes a faithful copy, names what is missing, cut, changed or extra. */
class VerifyStorageTest {

    @RegisterExtension
    static final S3EmulatorExtension S3 = S3EmulatorExtension.withBuckets("velero");
    @RegisterExtension
    static final AzuriteExtension AZURITE = new AzuriteExtension();

    static final VerifyOptions.Names VERIFY_NAMES = new VerifyOptions.Names("--from", "--to", "--sample-rate", "--velero-backup",
            "--parallel");

    @BeforeAll
    static void velero(S3Emulator s3) {
        S3Client client = StorageFixtures.s3(s3);
        StorageFixtures.put(client, "velero", "eks/backups/nightly/velero-backup.json", "{\"kind\":\"Backup\"}".getBytes());
        StorageFixtures.put(client, "velero", "eks/backups/nightly/nightly.tar.gz", S3ToBlobSyncTest.random(300_000, 5));
        StorageFixtures.put(client, "velero", "eks/kopia/shop/kopia.repository", "{\"uniqueID\":\"x\"}".getBytes());
        StorageFixtures.putMultipart(client, "velero", "eks/kopia/shop/p0001", S3ToBlobSyncTest.random(6 * 1024 * 1024, 6),
                5 * 1024 * 1024);
    }

    @Test
    void aFaithfulCopyPassesAndEveryKindOfDamageIsNamed(S3Emulator s3, Azurite azurite, @TempDir Path out) throws Exception {
        BlobContainerClient container = StorageFixtures.container(azurite, "gate");
        String url = StorageFixtures.url(container, "", StorageFixtures.sas(container));
        StorageSyncRequest sync = new StorageSyncOptions("s3://velero/eks", url, null, 4, null, false, null, null, false).request(NAMES);
        new StorageSync(new StorageFixtures.RecordingEvents()).run(sync, access(s3, sync), Map.of());

        VerifySummary good = verify(s3, url, "nightly", out.resolve("good"));

        assertTrue(good.passed(), good::oneLine);
        assertEquals(4, good.objects());
        assertEquals(3, good.byMd5(), "single-part ETags are MD5s the blobs' Content-MD5 must equal");
        assertEquals(1, good.byReread(), "the multipart object is re-read on both sides");
        String junit = Files.readString(out.resolve("good").resolve(VerifyReports.JUNIT));
        assertTrue(junit.contains("tests=\"4\" failures=\"0\""), junit);

        byte[] tarball = container.getBlobClient("backups/nightly/nightly.tar.gz").downloadContent().toBytes();
        tarball[1000] ^= 1;
        container.getBlobClient("backups/nightly/nightly.tar.gz").upload(BinaryData.fromBytes(tarball), true);
        byte[] pack = container.getBlobClient("kopia/shop/p0001").downloadContent().toBytes();
        pack[pack.length - 1] ^= 1;
        BlobClient packBlob = container.getBlobClient("kopia/shop/p0001");
        // Forged to keep the old size and no Content-MD5: only a re-read can tell.
        packBlob.uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(pack)).setHeaders(new BlobHttpHeaders()), null, null);
        container.getBlobClient("kopia/shop/kopia.repository").upload(BinaryData.fromString("{\"uniq"), true);
        container.getBlobClient("backups/nightly/velero-backup.json").delete();
        container.getBlobClient("other-cluster/backups/x/velero-backup.json").upload(BinaryData.fromString("{}"));

        VerifySummary bad = verify(s3, url, "nightly", out.resolve("bad"));

        assertFalse(bad.passed());
        assertEquals(List.of(
                "MISSING backups/nightly/velero-backup.json",
                "TRUNCATED kopia/shop/kopia.repository",
                "DIFFERENT backups/nightly/nightly.tar.gz",
                "DIFFERENT kopia/shop/p0001",
                "EXTRA other-cluster/backups/x/velero-backup.json",
                "VELERO_LAYOUT backups/nightly/velero-backup.json"),
                bad.findings().stream().map(f -> f.kind() + " " + f.name()).toList(), bad::oneLine);
        assertTrue(bad.findings().get(3).detail().startsWith("content differs: SHA-256 "), bad.findings().get(3)::detail);
        String badJunit = Files.readString(out.resolve("bad").resolve(VerifyReports.JUNIT));
        assertTrue(badJunit.contains("failures=\"6\""), badJunit);
        assertTrue(badJunit.contains("<testcase classname=\"verifyStorage\" name=\"backups/nightly/nightly.tar.gz\" time=\"0\">\n"
                + "    <failure message=\"content differs: MD5 "), badJunit);
        assertFalse(badJunit.contains(S3ToBlobSyncTest.sigOf(url)));
        assertEquals(Finding.Kind.MISSING.name(), ((Map<?, ?>) ((List<?>) io.jenkins.plugins.eks2aks.images.registry.JsonValues
                .object(Files.readAllBytes(out.resolve("bad").resolve(VerifyReports.JSON))).get("findings")).get(0)).get("kind"));
    }

    @Test
    void aVeleroBackupThatIsNotInTheSourceFailsTheGate(S3Emulator s3, Azurite azurite) throws Exception {
        BlobContainerClient container = StorageFixtures.container(azurite, "gate-layout");
        String url = StorageFixtures.url(container, "", StorageFixtures.sas(container));
        StorageSyncRequest sync = new StorageSyncOptions("s3://velero/eks", url, null, 4, null, false, null, null, false).request(NAMES);
        new StorageSync(new StorageFixtures.RecordingEvents()).run(sync, access(s3, sync), Map.of());

        VerifySummary summary = verify(s3, url, "weekly", null);

        assertFalse(summary.passed());
        assertEquals(2, summary.count(Finding.Kind.VELERO_LAYOUT), summary::oneLine);
        assertTrue(summary.findings().get(0).detail().contains("not in the source either"), summary.findings().get(0)::detail);
    }

    static VerifySummary verify(S3Emulator s3, String url, String backup, Path out) throws InterruptedException {
        VerifyRequest request = new VerifyOptions("s3://velero/eks", url, null, backup, 4, out, false).request(VERIFY_NAMES);
        StorageAccess access = StorageAccess.resolve(StorageFixtures.env(s3), request.destination(), true, null, "--region", false, null, 4);
        return new StorageVerify(new StorageFixtures.RecordingEvents(), access.masking()).run(request,
                access.source(request.s3Source(), request.folder()), access.blobDestination());
    }

    static StorageAccess access(S3Emulator s3, StorageSyncRequest request) {
        return StorageAccess.resolve(StorageFixtures.env(s3), request.destination(), true, null, "--region", false, null, 4);
    }
}
