package io.jenkins.plugins.eks2aks.steps.storage;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.RestartedContext;
import io.jenkins.plugins.eks2aks.steps.inventory.BufferListener;
import io.jenkins.plugins.eks2aks.testservers.Azurite;
import io.jenkins.plugins.eks2aks.testservers.AzuriteExtension;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** azcopySync and verifyStorage with a mocked StepContext, a real workspace and a real Azurite. */
class StorageStepsTest {

    @RegisterExtension
    static final AzuriteExtension AZURITE = new AzuriteExtension();

    @TempDir
    Path workspace;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private StepContext context(EnvVars env) throws Exception {
        TaskListener listener = mock(TaskListener.class);
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        StepContext context = mock(StepContext.class);
        when(context.get(TaskListener.class)).thenReturn(listener);
        when(context.get(FilePath.class)).thenReturn(new FilePath(workspace.toFile()));
        when(context.get(EnvVars.class)).thenReturn(env);
        when(context.get(Run.class)).thenReturn(mock(Run.class));
        return context;
    }

    @Test
    void syncsAWorkspaceFolderVerifiesItAndTheGateNamesADeletedBlob() throws Exception {
        Azurite azurite = AZURITE.get();
        Path backup = Files.createDirectories(workspace.resolve("velero/backups/nightly"));
        Files.writeString(backup.resolve("velero-backup.json"), "{}");
        Files.write(backup.resolve("nightly.tar.gz"), new byte[50_000]);
        BlobContainerClient container = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
                .getBlobContainerClient("steps");
        container.createIfNotExists();
        EnvVars env = new EnvVars("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString());

        Map<String, Object> synced = ((AzcopySyncExecution) new AzcopySyncStep("velero", container.getBlobContainerUrl() + "/eks")
                .start(context(env))).run();

        assertEquals(2L, synced.get("copied"), synced.toString());
        assertEquals(0, ((Number) synced.get("failed")).intValue());
        assertTrue(container.getBlobClient("eks/backups/nightly/nightly.tar.gz").exists());
        assertTrue(Files.isRegularFile(workspace.resolve("eks2aks/storage/sync-result.json")));

        VerifyStorageStep gate = new VerifyStorageStep("velero", container.getBlobContainerUrl() + "/eks");
        gate.setVeleroBackup("nightly");
        Map<String, Object> verified = ((VerifyStorageExecution) gate.start(context(env))).run();
        assertEquals(true, verified.get("passed"), verified.toString());

        container.getBlobClient("eks/backups/nightly/velero-backup.json").delete();
        AbortException e = assertThrows(AbortException.class, () -> ((VerifyStorageExecution) gate.start(context(env))).run());
        assertTrue(e.getMessage().startsWith("verifyStorage: the destination does not hold the whole source (2 problems, first: "
                + "MISSING backups/nightly/velero-backup.json)"), e.getMessage());
        assertTrue(Files.readString(workspace.resolve("eks2aks/verify/verify-junit.xml")).contains("failures=\"2\""));

        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("[sync-storage] credentials: AWS: the default chain of the agent; Blob: AZURE_STORAGE_CONNECTION_STRING"), text);
        assertFalse(text.contains(azurite.accountKey()), "the log never shows the account key");
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().contains("eks2aks")).toList()) {
                assertFalse(Files.readString(file).contains(azurite.accountKey()), file + " holds the account key");
            }
        }
    }

    @Test
    void anEmptySourceFailsTheStepAndMissingParametersFailBeforeAnAgentIsUsed() throws Exception {
        Azurite azurite = AZURITE.get();
        Files.createDirectories(workspace.resolve("empty"));
        new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient().getBlobContainerClient("empty-steps")
                .createIfNotExists();
        EnvVars env = new EnvVars("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString());

        AbortException empty = assertThrows(AbortException.class, () -> ((AzcopySyncExecution) new AzcopySyncStep("empty",
                azurite.containerUrl("empty-steps")).start(context(env))).run());
        assertTrue(empty.getMessage().startsWith("azcopySync: the source empty holds no objects"), empty.getMessage());

        StepContext context = context(env);
        AbortException noDestination = assertThrows(AbortException.class, () -> ((AzcopySyncExecution) new AzcopySyncStep("empty", " ")
                .start(context)).run());
        assertTrue(noDestination.getMessage().startsWith("azcopySync: 'destination' is required"), noDestination.getMessage());
        verify(context, never()).get(FilePath.class);

        AzcopySyncStep badEngine = new AzcopySyncStep("empty", azurite.containerUrl("empty-steps"));
        badEngine.setEngine("rsync");
        AbortException engine = assertThrows(AbortException.class, () -> ((AzcopySyncExecution) badEngine.start(context(env))).run());
        assertEquals("azcopySync: Unknown 'engine' 'rsync': expected java or azcopy", engine.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterAControllerRestartTheSyncRunsAgainFromItsPersistedValuesAndSkipsWhatTheDestinationHolds() throws Exception {
        Azurite azurite = AZURITE.get();
        Path backup = Files.createDirectories(workspace.resolve("velero/backups/weekly"));
        Files.writeString(backup.resolve("velero-backup.json"), "{}");
        Files.write(backup.resolve("weekly.tar.gz"), new byte[50_000]);
        String container = azurite.containerUrl("resumed-steps");
        new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient().getBlobContainerClient("resumed-steps")
                .createIfNotExists();
        AzcopySyncStep step = new AzcopySyncStep("velero", container + "/eks");
        byte[] persisted = RestartedContext.persist(step.start(new RestartedContext(workspace, "sync",
                Map.of("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString()))));
        String stored = new String(persisted, StandardCharsets.ISO_8859_1);
        assertFalse(stored.contains("AzcopySyncStep") || stored.contains("AzcopySyncCallable$Parameters"), "only plain values are persisted");
        BufferListener.BUFFER.reset();

        Map<String, Object> first = (Map<String, Object>) RestartedContext.resume(persisted, "sync", (AzcopySyncExecution e) -> e.resumedWorker());
        Map<String, Object> again = (Map<String, Object>) RestartedContext.resume(persisted.clone(), "sync", (AzcopySyncExecution e) -> e.resumedWorker());

        assertEquals(2L, first.get("copied"), first.toString());
        assertEquals(0L, again.get("copied"), again.toString());
        assertEquals(2L, again.get("skipped"), "the second resume finds both objects at the destination: " + again);
        assertTrue(BufferListener.BUFFER.toString(StandardCharsets.UTF_8).contains("[sync-storage] resumed after a controller restart"));
    }
}
