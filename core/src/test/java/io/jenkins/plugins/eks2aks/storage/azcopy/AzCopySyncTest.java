package io.jenkins.plugins.eks2aks.storage.azcopy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.storage.StorageAccess;
import io.jenkins.plugins.eks2aks.storage.StorageSync;
import io.jenkins.plugins.eks2aks.storage.StorageSyncOptions;
import io.jenkins.plugins.eks2aks.storage.StorageSyncRequest;
import io.jenkins.plugins.eks2aks.storage.SyncSummary;
import io.jenkins.plugins.eks2aks.testservers.AzCopy;
import io.jenkins.plugins.eks2aks.testservers.AzCopyExtension;
import io.jenkins.plugins.eks2aks.testservers.Azurite;
import io.jenkins.plugins.eks2aks.testservers.AzuriteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The azcopy engine running the real AzCopy into a real Azurite; its resume path with a recorded AzCopy stand-in. */
@ExtendWith({AzuriteExtension.class, AzCopyExtension.class})
class AzCopySyncTest {

    static final StorageSyncOptions.Names NAMES = new StorageSyncOptions.Names("--from", "--to", "--engine", "--parallel",
            "--block-size", "--azcopy", "--out");

    @Test
    void syncsAFolderThenFindsNothingToDoThenDryRunsAChange(Azurite azurite, AzCopy azCopy, @TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("velero-backup.json"), "{}");
        Files.createDirectories(folder.resolve("kopia/shop"));
        Files.write(folder.resolve("kopia/shop/p0001"), new byte[300_000]);
        Files.writeString(folder.resolve("kopia/shop/with space é"), "x");
        // Written an hour ago, as a backup's files are: azcopy sync compares modification times, and Azurite keeps a
        // blob's to the second, so a file written in the same second as its upload would look newer than the blob.
        for (String name : List.of("velero-backup.json", "kopia/shop/p0001", "kopia/shop/with space é")) {
            Files.setLastModifiedTime(folder.resolve(name), FileTime.from(Instant.now().minusSeconds(3600)));
        }
        BlobContainerClient container = container(azurite, "azcopy-sync");
        String url = container.getBlobContainerUrl() + "/eks?" + sas(container, true);
        List<MigrationEvent> events = new ArrayList<>();

        SyncSummary first = sync(folder, url, azCopy, false, events);

        assertEquals(3, first.copied(), first::toString);
        assertEquals(300_003, first.bytesCopied());
        assertTrue(first.failed().isEmpty());
        assertEquals(3, container.listBlobs().stream().filter(b -> b.getName().startsWith("eks/")).count());
        assertTrue(container.getBlobClient("eks/kopia/shop/with space é").exists());
        assertFalse(log(events).contains(url.replaceAll(".*sig=", "")), "no SAS signature in the log");

        SyncSummary second = sync(folder, url, azCopy, false, new ArrayList<>());
        assertEquals(0, second.copied(), second::toString);
        assertEquals(3, second.skipped());

        Files.writeString(folder.resolve("velero-backup.json"), "{\"changed\":true}");
        Files.setLastModifiedTime(folder.resolve("velero-backup.json"), FileTime.from(Instant.now().plusSeconds(120)));
        List<MigrationEvent> dryEvents = new ArrayList<>();
        SyncSummary dry = sync(folder, url, azCopy, true, dryEvents);
        assertEquals(1, dry.copied(), dry::toString);
        assertTrue(log(dryEvents).contains("would copy velero-backup.json (16 B)"), log(dryEvents));
        assertEquals("{}", container.getBlobClient("eks/velero-backup.json").downloadContent().toString());
    }

    @Test
    void aSasThatMayNotWriteIsOneLine(Azurite azurite, AzCopy azCopy, @TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a.txt"), "a");
        BlobContainerClient container = container(azurite, "azcopy-readonly");
        String url = container.getBlobContainerUrl() + "?" + sas(container, false);

        MigrationException e = assertThrows(MigrationException.class, () -> sync(folder, url, azCopy, false, new ArrayList<>()));

        assertTrue(e.getMessage().startsWith("AzCopy was refused by " + container.getBlobContainerUrl() + "/?"), e::getMessage);
        assertTrue(e.getMessage().contains("sig=****"), e::getMessage);
    }

    @Test
    void failedTransfersAreResumedAndAwsKeysStayOutOfTheCommandLine(@TempDir Path dir) throws Exception {
        Path fake = fakeAzCopy(dir, "10.32.2");
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEYID0001");
        env.put("AWS_SECRET_ACCESS_KEY", "secret/KEY+value0001");
        env.put("AWS_REGION", "us-east-1");
        env.put("FAKE_DIR", dir.toString());
        StorageSyncRequest request = new StorageSyncOptions("s3://velero/eks", "https://acct.blob.core.windows.net/backups?sv=1&sig=SIGNATURE",
                "azcopy", null, null, false, fake.toString(), null, false).request(NAMES);
        StorageAccess access = StorageAccess.resolve(env, request.destination(), true, null, "--region", false, null, 8);
        List<MigrationEvent> events = new ArrayList<>();

        SyncSummary summary = new StorageSync(events::add).run(request, access, env);

        assertEquals(2, summary.copied(), summary::toString);
        assertTrue(summary.failed().isEmpty(), summary::toString);
        assertTrue(log(events).contains("ended CompletedWithErrors with 1 failed transfers: resuming (1 of 2)"), log(events));
        String calls = Files.readString(dir.resolve("calls"));
        assertTrue(calls.contains("copy https://s3.amazonaws.com/velero/eks/* https://acct.blob.core.windows.net/backups?sv=1&sig=SIGNATURE "
                + "--recursive --overwrite=ifSourceNewer --from-to S3Blob --output-type json"), calls);
        assertTrue(calls.contains("jobs resume job-1 --destination-sas sv=1&sig=SIGNATURE --output-type json"), calls);
        assertFalse(calls.contains("secret/KEY+value0001"), calls);
        assertTrue(Files.readString(dir.resolve("env")).contains("AWS_SECRET_ACCESS_KEY=secret/KEY+value0001"));
        assertFalse(log(events).contains("SIGNATURE"), log(events));
        assertFalse(log(events).contains("secret/KEY+value0001"), log(events));
    }

    @Test
    void anAzCopyThatIsMissingOrTooOldIsRefused(@TempDir Path dir) throws Exception {
        MigrationException missing = assertThrows(MigrationException.class,
                () -> AzCopyBinary.locate(null, "--azcopy", Map.of("PATH", dir.toString())));
        assertTrue(missing.getMessage().startsWith("AzCopy is not on the PATH"), missing::getMessage);

        Path old = fakeAzCopy(dir, "10.3.0");
        MigrationException tooOld = assertThrows(MigrationException.class, () -> AzCopyBinary.locate(null, "--azcopy",
                Map.of("PATH", dir.toString())));
        assertEquals("AzCopy 10.3.0 at '" + old + "' is too old: 10.20.0 or newer is needed (https://aka.ms/downloadazcopy-v10-linux)",
                tooOld.getMessage());
    }

    static SyncSummary sync(Path folder, String url, AzCopy azCopy, boolean dryRun, List<MigrationEvent> events) throws Exception {
        StorageSyncRequest request = new StorageSyncOptions(folder.toString(), url, "azcopy", null, null, dryRun,
                azCopy.binary().toString(), null, false).request(NAMES);
        Map<String, String> env = Map.of("AZCOPY_LOG_LOCATION", azCopy.logDirectory().toString(),
                "AZCOPY_JOB_PLAN_LOCATION", azCopy.jobPlanDirectory().toString(), "AZCOPY_DISABLE_SYSLOG", "true");
        StorageAccess access = StorageAccess.resolve(env, request.destination(), false, null, "--region", false, null, 8);
        return new StorageSync((EventSink) events::add).run(request, access, env);
    }

    /** A stand-in that answers --version, fails one transfer on the first run and completes on jobs resume. */
    static Path fakeAzCopy(Path dir, String version) throws Exception {
        Path script = dir.resolve("azcopy");
        String failed = "{\"MessageType\":\"EndOfJob\",\"MessageContent\":\"{\\\"JobID\\\":\\\"job-1\\\",\\\"JobStatus\\\":"
                + "\\\"CompletedWithErrors\\\",\\\"TotalTransfers\\\":\\\"2\\\",\\\"TransfersCompleted\\\":\\\"1\\\",\\\"TransfersFailed\\\":"
                + "\\\"1\\\",\\\"TotalBytesTransferred\\\":\\\"10\\\",\\\"FailedTransfers\\\":[{\\\"Src\\\":\\\"s3 b\\\",\\\"Dst\\\":"
                + "\\\"https://acct.blob.core.windows.net/backups/b\\\",\\\"ErrorCode\\\":500}]}\"}";
        String done = "{\"MessageType\":\"EndOfJob\",\"MessageContent\":\"{\\\"JobID\\\":\\\"job-1\\\",\\\"JobStatus\\\":\\\"Completed\\\","
                + "\\\"TotalTransfers\\\":\\\"2\\\",\\\"TransfersCompleted\\\":\\\"2\\\",\\\"TransfersFailed\\\":\\\"0\\\","
                + "\\\"TotalBytesTransferred\\\":\\\"20\\\",\\\"TotalBytesEnumerated\\\":\\\"20\\\",\\\"FailedTransfers\\\":[]}\"}";
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ \"$1\" = --version ]; then echo 'azcopy version " + version + "'; exit 0; fi\n"
                + "echo \"$*\" >> \"$FAKE_DIR/calls\"\nenv > \"$FAKE_DIR/env\"\n"
                + "echo '{\"MessageType\":\"Init\",\"MessageContent\":\"{\\\"JobID\\\":\\\"job-1\\\"}\"}'\n"
                + "echo 'INFO: some plain text'\n"
                + "if [ \"$1\" = jobs ]; then echo '" + done + "'; exit 0; fi\n"
                + "echo '" + failed + "'; exit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    static BlobContainerClient container(Azurite azurite, String name) {
        BlobContainerClient c = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
                .getBlobContainerClient(name);
        c.createIfNotExists();
        return c;
    }

    static String sas(BlobContainerClient container, boolean write) {
        return container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1), new BlobContainerSasPermission()
                .setReadPermission(true).setListPermission(true).setWritePermission(write).setCreatePermission(write).setAddPermission(write)));
    }

    static String log(List<MigrationEvent> events) {
        StringBuilder out = new StringBuilder();
        events.forEach(e -> out.append(e.toLogLine()).append('\n'));
        return out.toString();
    }
}
