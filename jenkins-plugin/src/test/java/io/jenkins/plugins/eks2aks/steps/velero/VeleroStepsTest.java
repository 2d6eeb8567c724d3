package io.jenkins.plugins.eks2aks.steps.velero;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.credentials.CredentialsLookup;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import io.jenkins.plugins.eks2aks.velero.VeleroCluster;
import io.jenkins.plugins.eks2aks.velero.VeleroController;
import io.jenkins.plugins.eks2aks.velero.model.Backup;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The Velero steps against fabric8's mock API server through a workspace kubeconfig, Velero played by the test. */
@Timeout(300)
class VeleroStepsTest {

    @TempDir
    Path workspace;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private StepContext context;

    private Map<String, Object> run(Step step) throws Exception {
        TaskListener listener = mock(TaskListener.class);
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        context = mock(StepContext.class);
        when(context.get(TaskListener.class)).thenReturn(listener);
        when(context.get(FilePath.class)).thenReturn(new FilePath(workspace.toFile()));
        when(context.get(EnvVars.class)).thenReturn(new EnvVars());
        when(context.get(Run.class)).thenReturn(mock(Run.class));
        StepCredentials none = new StepCredentials(new CredentialsLookup() {
            @Override
            public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> r) {
                return null;
            }
        });
        if (step instanceof VeleroBackupStep b) {
            b.credentials = none;
            b.pollMillis = 100L;
        } else if (step instanceof AksRestoreStep r) {
            r.credentials = none;
            r.pollMillis = 100L;
        } else if (step instanceof VerifyRestoreStep v) {
            v.credentials = none;
            v.pollMillis = 100L;
        }
        return ((VeleroExecution) step.start(context)).run();
    }

    @Test
    void veleroBackupReturnsTheResultAndMarksAPartialFailureUnstable() throws Exception {
        try (VeleroCluster eks = new VeleroCluster().installed(); VeleroController velero = new VeleroController(eks.admin, 30)) {
            eks.namespace("shop");
            velero.script("partial", VeleroController.partiallyFailed()).script("broken", VeleroController.failed());
            eks.cluster.writeKubeconfig(workspace.resolve("eks.kubeconfig"), "t");
            VeleroBackupStep step = new VeleroBackupStep();
            step.setKubeconfig("eks.kubeconfig");
            step.setName("good");
            step.setIncludeNamespaces("shop");

            Map<String, Object> result = run(step);

            assertEquals("Completed", result.get("phase"));
            assertEquals(10, result.get("itemsBackedUp"));
            assertTrue(Files.exists(workspace.resolve("eks2aks/backup/backup-result.json")));
            verify(context, never()).setResult(Result.UNSTABLE);
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("[backup] Backup good: InProgress"), log.toString(StandardCharsets.UTF_8));
            assertTrue(result.get("validationErrors") instanceof ArrayList);

            step.setName("partial");
            assertEquals("PartiallyFailed", run(step).get("phase"));
            verify(context).setResult(Result.UNSTABLE);

            step.setName("broken");
            AbortException e = assertThrows(AbortException.class, () -> run(step));
            assertTrue(e.getMessage().startsWith("veleroBackup: Backup broken Failed"), e.getMessage());
            assertEquals(3, eks.admin.resources(Backup.class).inNamespace("velero").list().getItems().size());

            step.setName("missing");
            step.setIncludeNamespaces("nope");
            assertEquals("veleroBackup: Namespace nope does not exist on the cluster: check includeNamespaces",
                    assertThrows(AbortException.class, () -> run(step)).getMessage(), "the step's parameter, not the CLI's flag");
        }
    }

    @Test
    void badParametersAndFailedChecksFailTheStepsInOneLine() throws Exception {
        VeleroBackupStep backup = new VeleroBackupStep();
        backup.setName("Bad_Name");
        backup.setDryRun(true);
        assertEquals("veleroBackup: name 'Bad_Name' is not a valid Kubernetes name: use lower-case letters, digits, '-' and '.', "
                + "starting and ending with a letter or digit (at most 253 characters)", assertThrows(AbortException.class, () -> run(backup)).getMessage());
        AksRestoreStep restore = new AksRestoreStep();
        restore.setBackup("b");
        restore.setStorageAccount("a");
        restore.setContainer("c");
        restore.setResourceGroup("rg");
        restore.setCluster("aks");
        restore.setStorageResourceGroup("rg-b");
        assertTrue(assertThrows(AbortException.class, () -> run(restore)).getMessage().startsWith("aksRestore: no Azure credentials"));
        AksRestoreStep withoutConfigMaps = new AksRestoreStep();
        withoutConfigMaps.setBackup("b");
        withoutConfigMaps.setStorageAccount("a");
        withoutConfigMaps.setContainer("c");
        withoutConfigMaps.setStorageResourceGroup("rg-b");
        withoutConfigMaps.setVeleroConfigMaps("velero");
        withoutConfigMaps.setDryRun(true);
        Files.createDirectories(workspace.resolve("velero"));
        String noConfigMaps = assertThrows(AbortException.class, () -> run(withoutConfigMaps)).getMessage();
        assertTrue(noConfigMaps.startsWith("aksRestore: veleroConfigMaps '"), noConfigMaps);
        assertTrue(noConfigMaps.endsWith("): give the velero/ folder the convertManifests step with veleroConfigMaps: true wrote"),
                "the step that writes it, not a CLI command: " + noConfigMaps);
        try (VeleroCluster aks = new VeleroCluster()) {
            aks.cluster.writeKubeconfig(workspace.resolve("aks.kubeconfig"), "t");
            VerifyRestoreStep verifyStep = new VerifyRestoreStep();
            verifyStep.setKubeconfig("aks.kubeconfig");
            verifyStep.setNamespaces("shop");
            verifyStep.setTimeout("1s");
            AbortException e = assertThrows(AbortException.class, () -> run(verifyStep));
            assertTrue(e.getMessage().startsWith("verifyRestore: verify-restore: 0 passed, 1 failed"), e.getMessage());
            assertTrue(Files.readString(workspace.resolve("eks2aks/verify/verify-restore-junit.xml")).contains("Namespace shop"));
            assertFalse(Files.readString(workspace.resolve("eks2aks/verify/verify-restore-junit.xml")).contains("--"),
                    "no CLI flag in a build's test report");
        }
    }
}
