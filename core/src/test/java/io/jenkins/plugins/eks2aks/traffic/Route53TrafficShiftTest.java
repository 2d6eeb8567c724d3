package io.jenkins.plugins.eks2aks.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.standins.HealthTarget;
import io.jenkins.plugins.eks2aks.standins.Route53StandIn;
import io.jenkins.plugins.eks2aks.standins.Route53StandIn.RecordSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.Route53Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.jenkins.plugins.eks2aks.standins.Route53StandIn.alias;
import static io.jenkins.plugins.eks2aks.standins.Route53StandIn.simple;
import static io.jenkins.plugins.eks2aks.standins.Route53StandIn.weighted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shift through the AWS SDK's real Route 53 client against the local Route 53 stand-in, with local health targets. */
class Route53TrafficShiftTest {

    static final String ZONE = "Z0EKS2AKSTEST";
    static final String EKS = "shop-eks-1234.us-east-1.elb.amazonaws.com";
    static final String AKS = "shop.eastus.cloudapp.azure.com";

    @TempDir
    Path out;
    Route53StandIn route53;
    HealthTarget health;
    Route53Client client;
    final TrafficTestSupport t = new TrafficTestSupport();

    @BeforeEach
    void zone() {
        route53 = new Route53StandIn().zone(ZONE, "example.com.");
        route53.put(ZONE, simple("example.com.", "MX", 3600, "10 mail.example.com."))
                .put(ZONE, simple("api.example.com.", "TXT", 300, "\"v=1\""))
                .put(ZONE, simple("shop.example.com.", "CNAME", 300, EKS))
                .put(ZONE, simple("www.example.com.", "CNAME", 300, EKS))
                .put(ZONE, simple("zz.example.com.", "A", 300, "192.0.2.10"));
        health = new HealthTarget();
        client = TrafficTestSupport.client(route53);
    }

    @AfterEach
    void stop() {
        client.close();
        route53.close();
        health.close();
    }

    private TrafficResult run(TrafficTestSupport.Options o) {
        return t.shift().run(o.request(out.resolve("report")), t.routing(client, ZONE));
    }

    private TrafficTestSupport.Options gated(String... hostnames) {
        TrafficTestSupport.Options o = TrafficTestSupport.options(ZONE, hostnames);
        o.healthUrl = health.health().toString();
        o.passes = 2;
        return o;
    }

    @Test
    void simpleRecordsBecomeWeightedPairsInOneAtomicBatchAndMoveToAks() throws Exception {
        TrafficResult result = run(gated("www.example.com", "shop.example.com"));

        assertEquals(TrafficOutcome.SHIFTED, result.outcome(), t.log.toString());
        assertEquals(List.of("DELETE www.example.com. CNAME", "CREATE www.example.com. CNAME [eks]", "CREATE www.example.com. CNAME [aks]",
                "DELETE shop.example.com. CNAME", "CREATE shop.example.com. CNAME [eks]", "CREATE shop.example.com. CNAME [aks]"),
                route53.batches().get(0), "one batch replaces both simple records: resolution never breaks");
        assertEquals(7, route53.batches().size(), "pair, lower TTL, 10, 25, 50, 100, restore TTL");
        for (String host : List.of("www.example.com.", "shop.example.com.")) {
            assertNull(route53.find(ZONE, host, "CNAME", null));
            assertEquals(new RecordSet(host, "CNAME", "eks", 0L, 300L, List.of(EKS), null, null, null), route53.find(ZONE, host, "CNAME", "eks"));
            assertEquals(new RecordSet(host, "CNAME", "aks", 100L, 300L, List.of(AKS), null, null, null), route53.find(ZONE, host, "CNAME", "aks"));
        }
        assertTrue(route53.getChangeCalls() >= 7, "every change was polled until INSYNC");
        assertEquals(List.of(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1)),
                t.pauses.stream().filter(d -> d.toSeconds() >= 60).toList(), "the old TTL is waited out after lowering it, then each hold");
        assertTrue(t.polls.size() >= 7 && t.polls.stream().allMatch(Duration.ofSeconds(2)::equals), "GetChange was polled: " + t.polls);
        assertEquals(11, health.requests(), "a warm-up, then 2 probes before any change and after each of 4 increments");
        JsonNode json = new ObjectMapper().readTree(result.json().toFile());
        assertEquals("SHIFTED", json.get("outcome").asText());
        assertEquals(List.of("PAIR", "LOWER_TTL", "SHIFT", "SHIFT", "SHIFT", "SHIFT", "RESTORE_TTL"),
                json.get("changes").findValuesAsText("kind"));
        assertTrue(Files.readString(result.markdown()).contains("| SHIFT | 50 | 50 | 60 | yes |"), Files.readString(result.markdown()));
    }

    @Test
    void aGateFailingMidShiftRollsBackToTheLastGoodWeightsRecordByRecord() throws Exception {
        health.failAfter(7); // a warm-up; before any change, 10% and 25% pass (2 probes each); the first probe at 50% gets a 503
        TrafficResult result = run(gated("www.example.com", "shop.example.com"));

        assertEquals(TrafficOutcome.ROLLED_BACK, result.outcome());
        assertEquals(25, result.toPercent());
        assertEquals(health.health() + " at 50% AKS: 503 (expected 200)", result.failure());
        for (String host : List.of("www.example.com.", "shop.example.com.")) {
            assertEquals(new RecordSet(host, "CNAME", "eks", 75L, 300L, List.of(EKS), null, null, null), route53.find(ZONE, host, "CNAME", "eks"));
            assertEquals(new RecordSet(host, "CNAME", "aks", 25L, 300L, List.of(AKS), null, null, null), route53.find(ZONE, host, "CNAME", "aks"));
        }
        assertEquals(List.of("UPSERT www.example.com. CNAME [eks]", "UPSERT www.example.com. CNAME [aks]", "UPSERT shop.example.com. CNAME [eks]",
                "UPSERT shop.example.com. CNAME [aks]"), route53.batches().get(route53.batches().size() - 1));
        assertTrue(Files.readString(result.junit()).contains("<testcase classname=\"shiftTraffic\" name=\"health gate at 50% AKS\" time=\"0\">\n    <failure"),
                Files.readString(result.junit()));
        assertTrue(t.log.contains("[traffic] WARNING: rolling back to 25% AKS, the last weights whose gate passed"), t.log.toString());
    }

    @Test
    void aFailingGateBeforeAnyChangeChangesNothing() {
        health.failAfter(0);
        TrafficResult result = run(gated("www.example.com"));

        assertEquals(TrafficOutcome.HELD, result.outcome());
        assertEquals(List.of(), route53.batches());
        assertEquals(simple("www.example.com.", "CNAME", 300, EKS), route53.find(ZONE, "www.example.com.", "CNAME", null));
    }

    @Test
    void aRunResumesFromTheWeightsItFindsAndAFinishedShiftChangesNothing() {
        route53.zone("Z2", "example.com.");
        route53.put("Z2", weighted("www.example.com.", "CNAME", "blue", 75, 60, EKS)).put("Z2", weighted("www.example.com.", "CNAME", "green", 25, 60, AKS));
        TrafficTestSupport.Options o = TrafficTestSupport.options("Z2", "www.example.com");

        TrafficResult first = t.shift().run(o.request(out.resolve("r1")), t.routing(client, "Z2"));

        assertEquals(25, first.fromPercent());
        assertEquals(List.of(WeightChange.Kind.SHIFT, WeightChange.Kind.SHIFT, WeightChange.Kind.RESTORE_TTL),
                first.changes().stream().map(WeightChange::kind).toList(), "no pair, no TTL to lower: 50, 100, then the TTL");
        assertEquals(0L, route53.find("Z2", "www.example.com.", "CNAME", "blue").weight(), "the existing set identifiers are reused");
        assertEquals(TrafficShift.FALLBACK_TTL, route53.find("Z2", "www.example.com.", "CNAME", "green").ttl());
        int batches = route53.batches().size();

        TrafficResult again = t.shift().run(o.request(out.resolve("r2")), t.routing(client, "Z2"));

        assertEquals(TrafficOutcome.SHIFTED, again.outcome());
        assertEquals(batches, route53.batches().size(), "nothing left to change");
    }

    @Test
    void aDryRunPrintsTheBatchesAndChangesNothing() throws Exception {
        TrafficTestSupport.Options o = gated("www.example.com");
        o.dryRun = true;

        TrafficResult result = run(o);

        assertEquals(TrafficOutcome.PLANNED, result.outcome());
        assertEquals(List.of(), route53.batches());
        assertEquals(0, health.requests());
        assertEquals(List.of(), t.pauses);
        assertEquals(List.of(), t.polls);
        assertEquals(7, result.changes().size());
        assertTrue(t.log.contains("[traffic]   DELETE www.example.com. CNAME (simple) TTL 300 -> " + EKS), t.log.toString());
        assertTrue(t.log.contains("[traffic]   UPSERT www.example.com. CNAME [aks] weight 25 TTL 60 -> " + AKS), t.log.toString());
        assertTrue(Files.readString(result.markdown()).contains("no (dry run)"));
    }

    @Test
    void rollbackPutsEverythingBackOnEks() {
        route53.zone("Z3", "example.com.");
        route53.put("Z3", weighted("www.example.com.", "CNAME", "eks", 50, 60, EKS)).put("Z3", weighted("www.example.com.", "CNAME", "aks", 50, 60, AKS));
        TrafficTestSupport.Options o = TrafficTestSupport.options("Z3", "www.example.com");
        o.rollback = true;
        o.ttl = 120L;

        TrafficResult result = t.shift().run(o.request(out.resolve("r")), t.routing(client, "Z3"));

        assertEquals(TrafficOutcome.RESTORED, result.outcome());
        assertEquals(weighted("www.example.com.", "CNAME", "eks", 100, 120, EKS), route53.find("Z3", "www.example.com.", "CNAME", "eks"));
        assertEquals(weighted("www.example.com.", "CNAME", "aks", 0, 120, AKS), route53.find("Z3", "www.example.com.", "CNAME", "aks"));
        assertEquals(1, route53.batches().size());
    }

    @Test
    void anAliasRecordToTheLoadBalancerBecomesAWeightedAliasAndAnARecord() {
        route53.put(ZONE, alias("api.example.com.", "A", "Z35SXDOTRQ7X7K", "dualstack.api-eks-99.us-east-1.elb.amazonaws.com."));
        TrafficTestSupport.Options o = TrafficTestSupport.options(ZONE, "api.example.com");
        o.eks = "api-eks-99.us-east-1.elb.amazonaws.com";
        o.aks = "20.81.4.17";
        o.weights = "50,100";

        TrafficResult result = run(o);

        assertEquals(TrafficOutcome.SHIFTED, result.outcome(), t.log.toString());
        assertEquals(new RecordSet("api.example.com.", "A", "eks", 0L, null, List.of(), "Z35SXDOTRQ7X7K",
                "dualstack.api-eks-99.us-east-1.elb.amazonaws.com.", null), route53.find(ZONE, "api.example.com.", "A", "eks"));
        assertEquals(100L, route53.find(ZONE, "api.example.com.", "A", "aks").weight());
        assertEquals(60L, route53.find(ZONE, "api.example.com.", "A", "aks").ttl(), "the AKS side of an alias pair moves at the shift TTL");
        assertEquals(List.of("20.81.4.17"), route53.find(ZONE, "api.example.com.", "A", "aks").values());
    }

    @Test
    void recordsAreReadAcrossPages() {
        route53.pageSize(1);
        route53.put(ZONE, simple("www.example.com.", "CNAME", 300, EKS));
        TrafficTestSupport.Options o = TrafficTestSupport.options(ZONE, "www.example.com");
        o.dryRun = true;

        run(o);

        assertTrue(route53.listCalls() >= 2, "one record per page: the listing went on to the next page to see the name's end");
    }

    @Test
    void badInputIsOneLineAndChangesNothing() {
        route53.put(ZONE, new RecordSet("eu.example.com.", "CNAME", "eu", null, 60L, List.of(EKS), null, null,
                "<Failover>PRIMARY</Failover>"));
        route53.put(ZONE, simple("old.example.com.", "CNAME", 300, "legacy-elb.us-east-1.elb.amazonaws.com"));
        route53.put(ZONE, simple("ip.example.com.", "A", 300, "192.0.2.10"));
        assertBad("Route 53 hosted zone 'ZNOPE' does not exist (or these credentials cannot see it): check the zone id "
                + "(aws route53 list-hosted-zones)", "ZNOPE", "www.example.com", AKS);
        assertBad("www.example.org is not in Route 53 zone " + ZONE + " (example.com.)", ZONE, "www.example.org", AKS);
        assertBad("nope.example.com has no A, AAAA or CNAME record in zone example.com.: create it first, pointing at the EKS side ("
                + EKS + ")", ZONE, "nope.example.com", AKS);
        assertBad("eu.example.com uses failover routing (set 'eu') in zone example.com.: only a simple record or a weighted pair can be shifted",
                ZONE, "eu.example.com", AKS);
        assertBad("old.example.com points to legacy-elb.us-east-1.elb.amazonaws.com, not to the EKS target '" + EKS
                + "': give the EKS side it answers with today", ZONE, "old.example.com", AKS);
        assertBad("www.example.com is a CNAME record in zone example.com., but the AKS target '20.81.4.17' needs an A record: "
                + "give the AKS side's DNS name", ZONE, "www.example.com", "20.81.4.17");
        MigrationException weights = assertThrows(MigrationException.class, () -> {
            TrafficTestSupport.Options o = TrafficTestSupport.options(ZONE, "www.example.com");
            o.weights = "10,50";
            o.request(out);
        });
        assertEquals("--weights '10,50' must end at 100 (all traffic on AKS), e.g. 10,25,50,100", weights.getMessage());
        assertEquals(List.of(), route53.batches());
    }

    private void assertBad(String expected, String zone, String host, String aks) {
        TrafficTestSupport.Options o = TrafficTestSupport.options(zone, host);
        o.aks = aks;
        MigrationException e = assertThrows(MigrationException.class, () -> t.shift().run(o.request(out.resolve("bad")), t.routing(client, zone)));
        assertEquals(expected, e.getMessage());
    }
}
