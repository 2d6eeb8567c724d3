package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.standins.HealthTarget;
import io.jenkins.plugins.eks2aks.standins.Route53StandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jenkins.plugins.eks2aks.standins.Route53StandIn.simple;
import static io.jenkins.plugins.eks2aks.standins.Route53StandIn.weighted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code eks2aks shift-traffic} against the Route 53 stand-in (through AWS_ENDPOINT_URL_ROUTE_53) and a local health target. */
class ShiftTrafficCommandTest {

    static final String EKS = "shop-eks-1234.us-east-1.elb.amazonaws.com";
    static final String AKS = "shop.eastus.cloudapp.azure.com";

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<java.time.Duration> pauses = new ArrayList<>();
    private Route53StandIn route53;
    private HealthTarget health;

    @BeforeEach
    void zone() {
        route53 = new Route53StandIn().zone("Z0CLI", "example.com.");
        route53.put("Z0CLI", simple("www.example.com.", "CNAME", 300, EKS));
        health = new HealthTarget();
    }

    @AfterEach
    void stop() {
        route53.close();
        health.close();
    }

    private int run(String... args) {
        CommandLine cli = Eks2AksCommand.commandLineFor(args, new PrintWriter(out, true), new PrintWriter(err, true));
        ShiftTrafficCommand command = cli.getSubcommands().get("shift-traffic").getCommand();
        command.environment = Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "AWS_ENDPOINT_URL_ROUTE_53", route53.uri().toString());
        command.pause = pauses::add;
        return cli.execute(args);
    }

    private String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("shift-traffic", "--hostname", "www.example.com", "--eks-target", EKS, "--aks-target", AKS,
                "--route53-zone-id", "Z0CLI", "--hold", "30s", "--health-url", health.health().toString(), "--passes", "2", "--latency-budget", "10s",
                "--probe-interval", "1s", "--out", tmp.resolve("traffic").toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void aHealthyShiftEndsOnAksWithExitZero() throws Exception {
        int exit = run(args("--weights", "50,100"));

        assertEquals(Eks2AksCommand.EXIT_OK, exit, err.toString());
        assertEquals(weighted("www.example.com.", "CNAME", "aks", 100, 300, AKS), route53.find("Z0CLI", "www.example.com.", "CNAME", "aks"));
        assertTrue(out.toString().contains("[traffic] all traffic of www.example.com on AKS (from 0%)"), out.toString());
        assertTrue(Files.exists(tmp.resolve("traffic/traffic-shift.json")));
        assertTrue(pauses.contains(java.time.Duration.ofSeconds(30)), "the hold: " + pauses);
    }

    @Test
    void aFailedGateRollsBackAndExitsWithOne() {
        health.failAfter(5); // a warm-up, 2 probes before any change, 2 at 10%: the first at 50% fails

        int exit = run(args("--weights", "10,50,100"));

        assertEquals(Eks2AksCommand.EXIT_FAILED, exit, out.toString());
        assertEquals(weighted("www.example.com.", "CNAME", "eks", 90, 300, EKS), route53.find("Z0CLI", "www.example.com.", "CNAME", "eks"), out + "\n" + err);
        assertTrue(err.toString().contains("[traffic] WARNING: FAIL " + health.health() + ": 503 (expected 200)"), err.toString());
        assertTrue(out.toString().contains("rolled back to 10% AKS"), out.toString());
    }

    @Test
    void dryRunAndRollbackAreSafeToRepeat() {
        assertEquals(0, run(args("--dry-run")), err.toString());
        assertEquals(0, run(args("--rollback", "--force")), err.toString());
        assertEquals(List.of(), route53.batches(), "a dry run changes nothing, and a simple record is all EKS already");
        route53.zone("Z0CLI", "example.com."); // emptied: now a half-shifted pair
        route53.put("Z0CLI", weighted("www.example.com.", "CNAME", "eks", 50, 60, EKS)).put("Z0CLI", weighted("www.example.com.", "CNAME", "aks", 50, 60, AKS));
        assertEquals(0, run(args("--rollback", "--ttl", "120")), err.toString());
        assertEquals(weighted("www.example.com.", "CNAME", "eks", 100, 120, EKS), route53.find("Z0CLI", "www.example.com.", "CNAME", "eks"));
        int batches = route53.batches().size();
        assertEquals(0, run(args("--rollback", "--ttl", "120")), err.toString());
        assertEquals(batches, route53.batches().size(), "already on EKS: nothing to change");
    }

    @Test
    void trafficManagerReadsTheAzureCredentialsFromTheEnvironment() {
        assertEquals(Eks2AksCommand.EXIT_ERROR, run("shift-traffic", "--hostname", "www.example.com", "--eks-target", EKS, "--aks-target", AKS,
                "--traffic-manager-profile", "shop-tm", "-g", "rg-shop", "--out", tmp.resolve("tm").toString()));
        assertTrue(err.toString().startsWith("eks2aks: error: No Azure credentials: AZURE_CLIENT_ID is not set"), err.toString());
    }

    @Test
    void badOptionsExitWithThreeAndOneLine() {
        assertEquals(Eks2AksCommand.EXIT_ERROR, run(args("--weights", "10,50")));
        assertEquals("eks2aks: error: --weights '10,50' must end at 100 (all traffic on AKS), e.g. 10,25,50,100", err.toString().strip());
        assertEquals(List.of(), route53.batches());
    }
}
