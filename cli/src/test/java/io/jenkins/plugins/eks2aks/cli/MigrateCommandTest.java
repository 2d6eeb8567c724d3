package io.jenkins.plugins.eks2aks.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.testservers.TestServerInstall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrateCommandTest {

    static final Path EXAMPLE = TestServerInstall.repositoryRoot().resolve("examples/eks-sample");
    static final Path DUMP = EXAMPLE.resolve("cluster-dump");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = Eks2AksCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aDryRunSaysWhatWouldRunAndWhyAndWritesNothing(@TempDir Path tmp) {
        Path migration = tmp.resolve("migration");

        int exit = run("migrate", EXAMPLE.toString(), "--dump", DUMP.toString(), "--out", migration.toString(), "--dry-run");

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("inventory: would-run (never ran)"), out.toString());
        assertTrue(out.toString().contains("images: skipped (no target registry: give --acr)"), out.toString());
        assertTrue(out.toString().contains("backup: skipped (no live source cluster: give --eks-cluster or --eks-kubeconfig"), out.toString());
        assertTrue(out.toString().contains("Dry run: 2 steps would run"), out.toString());
        assertFalse(Files.exists(migration));
    }

    @Test
    void theExampleRunsOfflineThenARerunIsUpToDate(@TempDir Path tmp) throws IOException {
        Path migration = tmp.resolve("migration");
        String[] args = {"migrate", EXAMPLE.toString(), "--dump", DUMP.toString(), "--out", migration.toString(), "-q"};

        assertEquals(0, run(args), err.toString());
        assertTrue(out.toString().startsWith("2 ran, 0 up to date, 7 skipped; traffic stays on EKS"), out.toString());
        JsonNode ledger = new ObjectMapper().readTree(migration.resolve("ledger.json").toFile());
        assertEquals(9, ledger.path("entries").size());
        assertTrue(Files.isRegularFile(migration.resolve("inventory/inventory.json")));
        assertTrue(Files.isDirectory(migration.resolve("convert/manifests")));

        assertEquals(0, run(args), err.toString());
        assertTrue(out.toString().startsWith("0 ran, 2 up to date, 7 skipped"), out.toString());
        assertEquals(9, new ObjectMapper().readTree(migration.resolve("ledger.json").toFile()).path("entries").size());
    }

    @Test
    void aFailedStepExits1NamesItAndPrintsTheResumeCommand(@TempDir Path tmp) throws IOException {
        Path mapping = Files.writeString(tmp.resolve("empty.yaml"), "apiVersion: eks2aks.io/v1\n");
        Path migration = tmp.resolve("migration");

        int exit = run("migrate", EXAMPLE.toString(), "--mapping", mapping.toString(), "--out", migration.toString(), "--from", "convert");

        assertEquals(Eks2AksCommand.EXIT_FAILED, exit, err.toString());
        assertTrue(err.toString().contains("convert: failed (forced by --from convert): "), err.toString());
        assertTrue(err.toString().contains("decisions pending: settle them in the mapping file"), err.toString());
        assertTrue(err.toString().contains("resume with: eks2aks migrate " + EXAMPLE + " --mapping " + mapping + " --out " + migration),
                err.toString());
        assertFalse(err.toString().contains("resume with: eks2aks migrate " + EXAMPLE + " --mapping " + mapping + " --out " + migration + " --from"));
    }

    @Test
    void unknownStepsAreUsageErrors(@TempDir Path tmp) {
        assertEquals(Eks2AksCommand.EXIT_USAGE, run("migrate", EXAMPLE.toString(), "--out", tmp.resolve("m").toString(), "--from", "copy"));
        assertTrue(err.toString().contains("Invalid value for --from: 'copy' (allowed: inventory, preflight, images, convert, backup, "
                + "sync-storage, verify-storage, restore, verify-restore)"), err.toString());
    }

    @Test
    void theResumeCommandDropsFromAndDryRunAndQuotesWhatTheShellWouldSplit() {
        assertEquals("eks2aks migrate shop --out 'my dir' --until restore",
                MigrateCommand.resumeCommand(List.of("migrate", "shop", "--out", "my dir", "--from", "backup", "--until", "restore", "--dry-run")));
        assertEquals("eks2aks migrate shop", MigrateCommand.resumeCommand(List.of("shop", "--from=images")));
        assertEquals("eks2aks migrate shop --storage-destination 'https://a.blob.core.windows.net/velero?sv=2024-11-04&sig=<signature>&sp=rl'",
                MigrateCommand.resumeCommand(List.of("shop", "--storage-destination",
                        "https://a.blob.core.windows.net/velero?sv=2024-11-04&sig=c2VjcmV0&sp=rl")), "the SAS signature is not printed");
    }
}
