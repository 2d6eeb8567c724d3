package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.standins.EksApiStandIn;
import io.jenkins.plugins.eks2aks.standins.MockCluster;
import io.jenkins.plugins.eks2aks.testservers.TestServerInstall;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InventoryCommandTest {

    static final String DUMP = TestServerInstall.repositoryRoot().resolve("examples/eks-sample/cluster-dump").toString();
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLEsessionTOKEN0123456789";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        CommandLine cli = Eks2AksCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        InventoryCommand inventory = cli.getSubcommands().get("inventory").getCommand();
        inventory.environment = env;
        inventory.clock = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
        return cli.execute(args);
    }

    private static Map<String, String> credentials(EksApiStandIn eksApi) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "ASIAIOSFODNN7EXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("AWS_SESSION_TOKEN", SESSION_TOKEN);
        env.put("AWS_ENDPOINT_URL_EKS", eksApi.uri().toString());
        return env;
    }

    @Test
    void anOutHoldingTheDumpIsRefusedAndTheDumpKept(@TempDir Path tmp) throws IOException {
        Path dump = Files.createDirectories(tmp.resolve("estate/dump"));
        Files.writeString(dump.resolve("all.yaml"), "apiVersion: v1\nkind: List\nitems: []\n");

        int exit = run(Map.of(), "inventory", "--dump", dump.toString(), "--out", tmp.resolve("estate").toString(), "--force");

        assertEquals(Eks2AksCommand.EXIT_ERROR, exit);
        assertTrue(err.toString().contains("contains the input '" + dump + "' and would replace it"), err.toString());
        assertTrue(Files.exists(dump.resolve("all.yaml")));
    }

    @Test
    void theBundledDumpIsInventoriedOffline(@TempDir Path tmp) throws IOException {
        int exit = run(Map.of(), "inventory", "--dump", DUMP, "--source-version", "1.29", "--out", tmp.resolve("inv").toString(), "-q");

        assertEquals(0, exit, err.toString());
        assertEquals(5, Files.readAllLines(tmp.resolve("inv/ecr-images.txt")).size());
        for (String file : List.of("inventory.json", "inventory.md", "inventory.html")) {
            assertTrue(Files.exists(tmp.resolve("inv").resolve(file)), file);
        }
        assertTrue(out.toString().startsWith("49 objects, 20 images (5 from ECR), "), out.toString());
        String json = Files.readString(tmp.resolve("inv/inventory.json"));
        assertTrue(json.contains("(copy with eks2aks copy-images)"), "the image findings name the command that copies");
        assertFalse(json.contains("ecrToAcr"), "no Jenkins step named to a command-line user");
    }

    @Test
    void anUnknownClusterIsOneErrorLineNamingTheClusterAndTheRegion(@TempDir Path tmp) {
        try (EksApiStandIn eksApi = new EksApiStandIn("shop-prod")) {
            int exit = run(credentials(eksApi), "inventory", "--cluster", "shop-prd", "--region", "eu-west-1", "--out", tmp.resolve("inv").toString());

            assertEquals(Eks2AksCommand.EXIT_ERROR, exit);
            assertEquals("eks2aks: error: EKS cluster 'shop-prd' was not found in region 'eu-west-1' (DescribeCluster): "
                    + "check the cluster name and the region", err.toString().strip());
            assertFalse(Files.exists(tmp.resolve("inv")));
        }
    }

    @Test
    void missingSettingsNameTheVariableToSet(@TempDir Path tmp) {
        assertEquals(Eks2AksCommand.EXIT_ERROR, run(Map.of("AWS_PROFILE", "does-not-exist-" + System.nanoTime()), "inventory", "--cluster", "c", "--out", tmp.toString()));
        assertTrue(err.toString().contains("No AWS region: give --region or set AWS_REGION"), err.toString());

        StringWriter before = new StringWriter();
        before.write(err.toString());
        assertEquals(Eks2AksCommand.EXIT_ERROR, run(Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"), "inventory", "--cluster", "c",
                "--region", "us-east-1", "--out", tmp.toString()));
        assertTrue(err.toString().substring(before.toString().length())
                .contains("Incomplete AWS credentials: AWS_SECRET_ACCESS_KEY is not set although AWS_ACCESS_KEY_ID is"), err.toString());
    }

    @Test
    void aLiveInventoryNeverPrintsOrWritesTheCredentials(@TempDir Path tmp) throws IOException {
        MockCluster cluster = MockCluster.sharedShop();
        try (EksApiStandIn eksApi = new EksApiStandIn("shop-prod")) {
            eksApi.apiServer(cluster.url(), cluster.certificateAuthority());

            int exit = run(credentials(eksApi), "inventory", "--cluster", "shop-prod", "--region", "us-east-1", "--out", tmp.resolve("inv").toString());

            assertEquals(0, exit, err.toString());
        }
        String console = out + "\n" + err;
        assertTrue(console.contains("[inventory] EKS cluster shop-prod: Kubernetes 1.29"), console);
        List<String> secrets = List.of(SECRET_KEY, SESSION_TOKEN, "k8s-aws-v1.");
        for (String secret : secrets) {
            assertFalse(console.contains(secret), "the console shows " + secret);
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), file + " holds " + secret);
                }
            }
        }
        assertTrue(Files.readString(tmp.resolve("inv/inventory.json")).contains("\"nodePools\""));
    }
}
