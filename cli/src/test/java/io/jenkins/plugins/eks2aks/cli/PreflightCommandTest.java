package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.standins.MockCluster;
import io.jenkins.plugins.eks2aks.testservers.FreePort;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreflightCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return runWith(Map.of(), args);
    }

    private int runWith(Map<String, String> environment, String... args) {
        CommandLine cli = Eks2AksCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        PreflightCommand preflight = cli.getSubcommands().get("preflight").getCommand();
        preflight.environment = environment;
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
    void aFailedAzureSignInIsOneLineExitThreeAndTheOtherChecksAreStillReported(@TempDir Path tmp) throws IOException {
        Path kubeconfig = MockCluster.sharedShop().writeKubeconfig(tmp.resolve("kubeconfig"), "t");
        int closedPort = FreePort.pick();
        Map<String, String> env = Map.of("AZURE_CLIENT_ID", "client", "AZURE_CLIENT_SECRET", "not-this-one", "AZURE_TENANT_ID", "tenant",
                "AZURE_AUTHORITY_HOST", "https://127.0.0.1:" + closedPort + "/", "AZURE_RESOURCE_MANAGER_ENDPOINT", "https://127.0.0.1:" + closedPort + "/");

        int exit = runWith(env, "preflight", "--subscription", "sub", "-g", "rg", "-n", "aks", "--kubeconfig", kubeconfig.toString(),
                "--out", tmp.resolve("preflight").toString());

        assertEquals(Eks2AksCommand.EXIT_ERROR, exit, err.toString());
        String last = err.toString().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("eks2aks: error: Cannot reach Entra ID at https://127.0.0.1:" + closedPort + "/tenant to sign in with "
                + "the credential from AZURE_CLIENT_ID/AZURE_CLIENT_SECRET/AZURE_TENANT_ID"), err.toString());
        assertFalse(err.toString().contains("unexpected error") || err.toString().contains("\tat "), err.toString());
        assertFalse(err.toString().contains("not-this-one"));
        String json = Files.readString(tmp.resolve("preflight/preflight.json"));
        assertTrue(json.contains("velero/crds"), "the kubeconfig checks ran and were written: " + json);
    }

    @Test
    void halfAnAzureClusterNameIsAnError(@TempDir Path tmp) {
        assertEquals(Eks2AksCommand.EXIT_ERROR, run("preflight", "--resource-group", "rg", "--out", tmp.toString()));
        assertEquals("eks2aks: error: Give both --resource-group and --name to read the AKS cluster from Azure, or neither", err.toString().strip());
    }
}
