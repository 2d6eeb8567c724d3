package io.jenkins.plugins.eks2aks.cli;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import io.jenkins.plugins.eks2aks.testservers.Azurite;
import io.jenkins.plugins.eks2aks.testservers.AzuriteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sync-storage and verify-storage end to end from a folder into a real Azurite, with their exit codes. */
@ExtendWith(AzuriteExtension.class)
class StorageCommandsTest {

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = Eks2AksCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        ((SyncStorageCommand) cli.getSubcommands().get("sync-storage").getCommand()).environment = env;
        ((VerifyStorageCommand) cli.getSubcommands().get("verify-storage").getCommand()).environment = env;
        return cli.execute(args);
    }

    @Test
    void syncThenVerifyThenCatchADeletedBlob(Azurite azurite, @TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("backup/backups/nightly"));
        Files.writeString(folder.resolve("velero-backup.json"), "{}");
        Files.write(folder.resolve("nightly.tar.gz"), new byte[70_000]);
        BlobContainerClient container = container(azurite, "cli-sync");
        String url = container.getBlobContainerUrl() + "?" + sas(container);
        String source = tmp.resolve("backup").toString();

        assertEquals(0, run(Map.of(), "sync-storage", source, url, "--out", tmp.resolve("sync").toString()), err.toString());
        assertTrue(out.toString().contains("[sync-storage] copied 2 objects (68.4 KiB), 0 unchanged (0 B), 0 failed"), out.toString());
        assertFalse((out + err.toString()).contains(url.replaceAll(".*sig=", "")), "no signature printed");
        assertTrue(Files.readString(tmp.resolve("sync/sync-result.json")).contains("\"copied\" : 2"));

        assertEquals(0, run(Map.of(), "sync-storage", source, url, "-q"), err.toString());
        assertTrue(out.toString().startsWith("copied 0 objects (0 B), 2 unchanged (68.4 KiB), 0 failed"), out.toString());

        assertEquals(0, run(Map.of(), "verify-storage", source, url, "--velero-backup", "nightly", "--out", tmp.resolve("verify").toString()),
                err.toString());
        assertTrue(out.toString().contains("[verify-storage] PASSED: 2 objects"), out.toString());

        container.getBlobClient("backups/nightly/nightly.tar.gz").delete();
        assertEquals(2, run(Map.of(), "verify-storage", source, url, "--velero-backup", "nightly", "--out", tmp.resolve("verify").toString()));
        assertTrue(err.toString().contains("[verify-storage] WARNING: MISSING backups/nightly/nightly.tar.gz: not in the destination"), err.toString());
        assertTrue(Files.readString(tmp.resolve("verify/verify-junit.xml")).contains("failures=\"2\""));
    }

    @Test
    void anEmptySourceExitsWithTwoAndBadInputWithThree(Azurite azurite, @TempDir Path tmp) throws Exception {
        BlobContainerClient container = container(azurite, "cli-bad");
        String url = container.getBlobContainerUrl() + "?" + sas(container);
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        assertEquals(2, run(Map.of(), "sync-storage", empty.toString(), url));
        assertTrue(err.toString().contains("holds no objects"), err.toString());

        assertEquals(3, run(Map.of(), "sync-storage", empty.toString(), url, "--engine", "robocopy"));
        assertEquals("eks2aks: error: Unknown --engine 'robocopy': expected java or azcopy", err.toString().strip());

        Files.writeString(empty.resolve("a"), "a");
        assertEquals(3, run(Map.of("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString()), "sync-storage", empty.toString(),
                azurite.containerUrl("no-such-container")));
        assertFalse(err.toString().contains(azurite.accountKey()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("eks2aks: error: Container 'no-such-container' does not exist"), err.toString());

        assertEquals(3, run(Map.of(), "verify-storage", empty.toString(), url, "--sample-rate", "2"));
        assertEquals("eks2aks: error: Invalid --sample-rate 2.0: give a share from 0 to 1, e.g. 0.1", err.toString().strip());
    }

    static BlobContainerClient container(Azurite azurite, String name) {
        BlobContainerClient c = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
                .getBlobContainerClient(name);
        c.createIfNotExists();
        return c;
    }

    static String sas(BlobContainerClient container) {
        return container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1), new BlobContainerSasPermission()
                .setReadPermission(true).setListPermission(true).setWritePermission(true).setCreatePermission(true).setAddPermission(true)));
    }
}
