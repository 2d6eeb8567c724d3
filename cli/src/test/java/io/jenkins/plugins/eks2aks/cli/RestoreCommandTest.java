package io.jenkins.plugins.eks2aks.cli;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.jenkins.plugins.eks2aks.velero.VeleroCluster;
import io.jenkins.plugins.eks2aks.velero.VeleroController;
import io.jenkins.plugins.eks2aks.velero.model.Backup;
import io.jenkins.plugins.eks2aks.velero.model.BackupSpec;
import io.jenkins.plugins.eks2aks.velero.model.BackupStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class RestoreCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Eks2AksCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        if (args[0].equals("restore")) {
            RestoreCommand restore = cli.getSubcommands().get("restore").getCommand();
            restore.environment = Map.of();
            restore.pollInterval = Duration.ofMillis(100);
        } else {
            VerifyRestoreCommand verify = cli.getSubcommands().get("verify-restore").getCommand();
            verify.environment = Map.of();
            verify.pollInterval = Duration.ofMillis(100);
        }
        return cli.execute(args);
    }

    @Test
    void restoresVerifiesAndSaysSoInTheExitCode(@TempDir Path tmp) throws Exception {
        try (VeleroCluster eks = new VeleroCluster().installed(); VeleroCluster aks = new VeleroCluster().installed();
             VeleroController velero = new VeleroController(aks.admin, 30).syncFrom(eks.admin)) {
            Backup b = new Backup();
            b.setMetadata(new ObjectMetaBuilder().withName("shop-move").withNamespace("velero").build());
            BackupSpec spec = new BackupSpec();
            spec.setIncludedNamespaces(List.of("shop"));
            b.setSpec(spec);
            BackupStatus status = new BackupStatus();
            status.setPhase("Completed");
            b.setStatus(status);
            eks.admin.resource(b).create();
            aks.admin.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata().withName("managed-csi-premium")
                    .endMetadata().withProvisioner("disk.csi.azure.com").build()).create();
            Path mapping = Files.writeString(tmp.resolve("eks2aks.yaml"), "apiVersion: eks2aks.io/v1\nstorageClasses:\n  gp2: managed-csi-premium\n");
            String kubeconfig = aks.kubeconfig(tmp).kubeconfig().toString();

            // Velero restored nothing into shop-aks here: verify-restore names the missing namespace and fails the run.
            int exit = run("restore", "--kubeconfig", kubeconfig, "--backup", "shop-move", "--storage-account", "shopbackups", "--container",
                    "velero", "--storage-resource-group", "rg-backups", "--mapping", mapping.toString(), "--namespace-mapping", "shop:shop-aks",
                    "--timeout", "1s", "--out", tmp.resolve("restore").toString());

            assertEquals(1, exit, err.toString());
            assertTrue(out.toString().contains("[restore] Restore eks2aks-restore-shop-move: Completed, 10/10 items restored"), out.toString());
            assertTrue(err.toString().contains("FAIL Namespace shop-aks exists"), err.toString());
            assertTrue(Files.readString(tmp.resolve("restore/verify-restore-junit.xml")).contains("Namespace shop-aks"));
            aks.namespace("shop-aks");
            assertEquals(0, run("verify-restore", "--kubeconfig", kubeconfig, "--namespaces", "shop-aks", "--out", tmp.resolve("verify").toString()),
                    err.toString());
        }
    }

    @Test
    void aDryRunNeedsNoClusterAndBadOptionsExitWithThree(@TempDir Path tmp) {
        assertEquals(0, run("restore", "--backup", "shop-move", "--storage-account", "a", "--container", "c", "--storage-resource-group", "rg",
                "--dry-run"), err.toString());
        assertTrue(out.toString().startsWith("---\napiVersion: \"velero.io/v1\"\nkind: \"BackupStorageLocation\""), out.toString());
        assertEquals(3, run("restore", "--backup", "shop-move", "--container", "c", "--storage-resource-group", "rg", "--dry-run"));
        assertTrue(err.toString().contains("eks2aks: error: Give --storage-account"), err.toString());
        assertEquals(3, run("restore", "--backup", "b", "--storage-account", "a", "--container", "c", "--storage-resource-group", "rg",
                "-g", "rg-aks", "--out", tmp.resolve("o").toString()));
        assertTrue(err.toString().contains("Give both --resource-group and --name"), err.toString());
    }
}
