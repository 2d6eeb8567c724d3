package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.velero.VeleroCluster;
import io.jenkins.plugins.eks2aks.velero.VeleroController;
import io.jenkins.plugins.eks2aks.velero.model.Backup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class BackupCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Eks2AksCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        BackupCommand backup = cli.getSubcommands().get("backup").getCommand();
        backup.environment = Map.of();
        backup.clock = Clock.systemUTC();
        backup.pollInterval = Duration.ofMillis(100);
        return cli.execute(args);
    }

    @Test
    void theExitCodeSaysHowTheBackupEnded(@TempDir Path tmp) throws Exception {
        try (VeleroCluster eks = new VeleroCluster().installed(); VeleroController velero = new VeleroController(eks.admin, 30)) {
            eks.namespace("shop");
            velero.script("broken", VeleroController.failed()).script("partial", VeleroController.partiallyFailed());
            String kubeconfig = eks.kubeconfig(tmp).kubeconfig().toString();

            assertEquals(0, run("backup", "--kubeconfig", kubeconfig, "--name", "good", "--include-namespaces", "shop", "--out", tmp.resolve("a").toString()), err.toString());
            assertTrue(out.toString().contains("[backup] Backup good Completed: 10 items backed up, 0 warnings, 0 errors"), out.toString());
            assertTrue(Files.readString(tmp.resolve("a/backup-result.json")).contains("\"phase\" : \"Completed\""));
            assertEquals(2, run("backup", "--kubeconfig", kubeconfig, "--name", "partial", "--include-namespaces", "shop", "--out", tmp.resolve("b").toString()));
            assertEquals(1, run("backup", "--kubeconfig", kubeconfig, "--name", "broken", "--include-namespaces", "shop", "--out", tmp.resolve("c").toString()));
            assertTrue(err.toString().contains("failure reason: get a backup store: bucket shop-backups not found"), err.toString());
            assertEquals(3, run("backup", "--kubeconfig", kubeconfig, "--name", "good", "--include-namespaces", "shop,kube-system", "--out", tmp.resolve("d").toString()));
            assertTrue(err.toString().contains("eks2aks: error: Backup velero/good already exists with another spec"), err.toString());
            assertEquals(1, eks.admin.resources(Backup.class).inNamespace("velero").withName("good").get().getSpec().getIncludedNamespaces().size());
        }
    }

    @Test
    void aDryRunPrintsOnlyYamlOnStdoutWithoutAnyCluster() {
        int exit = run("backup", "--name", "shop-move", "--include-namespaces", "shop", "--ttl", "72h", "--no-fs-backup", "--dry-run");

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().startsWith("---\napiVersion: \"velero.io/v1\"\nkind: \"Backup\"\n"), out.toString());
        assertTrue(out.toString().contains("ttl: \"72h0m0s\""), out.toString());
        assertTrue(out.toString().contains("defaultVolumesToFsBackup: false"), out.toString());
        assertTrue(err.toString().contains("dry run"), err.toString());
    }

    @Test
    void badOptionsExitWithThree() {
        assertEquals(3, run("backup", "--name", "Bad_Name", "--dry-run"));
        assertTrue(err.toString().contains("eks2aks: error: --name 'Bad_Name' is not a valid Kubernetes name"), err.toString());
        assertEquals(3, run("backup", "--name", "ok", "--out", "x"));
        assertTrue(err.toString().contains("No cluster: give --kubeconfig FILE, or --cluster NAME [--region R]"), err.toString());
    }
}
