package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.standins.MockCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreflightCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Eks2AksCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        PreflightCommand preflight = cli.getSubcommands().get("preflight").getCommand();
        preflight.environment = Map.of();
        preflight.clock = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
        return cli.execute(args);
    }

    @Test
    void aTargetWithoutVeleroOrTheAzureStorageClassesExitsWithTwoAndWritesJunit(@TempDir Path tmp) throws IOException {
        // The source cluster itself stands in for an unprepared target: no Velero, no Azure storage classes.
        Path kubeconfig = MockCluster.sharedShop().writeKubeconfig(tmp.resolve("kubeconfig"), "t");
        int inventory = run("inventory", "--dump", InventoryCommandTest.DUMP, "--source-version", "1.29", "--out", tmp.resolve("inv").toString(), "-q");
        assertEquals(0, inventory, err.toString());

        int exit = run("preflight", "--kubeconfig", kubeconfig.toString(), "--inventory", tmp.resolve("inv/inventory.json").toString(),
                "--ingress", "app-routing", "--out", tmp.resolve("preflight").toString());

        assertEquals(Eks2AksCommand.EXIT_DECISIONS_PENDING, exit, err.toString());
        assertTrue(err.toString().contains("[preflight] WARNING: FAIL storage-class/managed-csi-premium: missing"), err.toString());
        assertTrue(err.toString().contains("FAIL velero/crds"), err.toString());
        assertTrue(out.toString().contains("[preflight] NOT_CHECKED oidc-issuer"), out.toString());
        String junit = Files.readString(tmp.resolve("preflight/preflight-junit.xml"));
        assertTrue(junit.contains("<testsuite name=\"aksPreflight kubeconfig "), junit);
        assertTrue(junit.contains("<failure message=\"missing; the migrated claims use it\""), junit);
    }

    @Test
    void halfAnAzureClusterNameIsAnError(@TempDir Path tmp) {
        assertEquals(Eks2AksCommand.EXIT_ERROR, run("preflight", "--resource-group", "rg", "--out", tmp.toString()));
        assertEquals("eks2aks: error: Give both --resource-group and --name to read the AKS cluster from Azure, or neither", err.toString().strip());
    }
}
