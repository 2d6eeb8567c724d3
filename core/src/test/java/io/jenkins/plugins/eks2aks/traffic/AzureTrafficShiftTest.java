package io.jenkins.plugins.eks2aks.traffic;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;
import io.jenkins.plugins.eks2aks.standins.ArmTrafficStandIn;
import io.jenkins.plugins.eks2aks.standins.HealthTarget;
import io.jenkins.plugins.eks2aks.traffic.azure.AzureRoutings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Traffic Manager weighted endpoints and Azure DNS through the SDK's real managers, against the local ARM stand-in. */
class AzureTrafficShiftTest {

    static final String EKS = "shop-eks-1234.us-east-1.elb.amazonaws.com";
    static final String AKS = "shop.eastus.cloudapp.azure.com";
    static final TokenCredential TOKEN = request -> Mono.just(new AccessToken("arm-test-token", OffsetDateTime.now().plusHours(1)));

    static ArmTrafficStandIn arm;
    static com.azure.core.http.HttpClient http;

    @TempDir
    Path out;
    final TrafficTestSupport t = new TrafficTestSupport();

    @BeforeAll
    static void start() {
        arm = new ArmTrafficStandIn();
        http = arm.httpClient();
    }

    @AfterAll
    static void stop() {
        arm.close();
    }

    private TrafficResult run(String profile, String zone, String healthUrl, String hostname, boolean rollback) {
        return run(profile, zone, healthUrl, hostname, rollback, TrafficTestSupport.NAMES);
    }

    private TrafficResult run(String profile, String zone, String healthUrl, String hostname, boolean rollback, TrafficOptions.Names names) {
        TrafficRequest request = new TrafficOptions(List.of(hostname), EKS, AKS, null, zone, profile, "rg-shop", "10,50,100", "1m",
                healthUrl, null, healthUrl == null ? null : "10s", healthUrl == null ? null : 1, null, null, null, null, null, false, rollback)
                .request(names, out.resolve("r" + System.nanoTime()), false);
        AzureSettings settings = new AzureSettings(TOKEN, "a test token", "00000000-0000-0000-0000-000000000001", arm.uri());
        try (OpenRouting routing = AzureRoutings.open(request, settings, http)) {
            return t.shift().run(request, routing.routing());
        }
    }

    @Test
    void weightedEndpointsMoveToAksAndThePutKeepsWhatTheToolDidNotWrite() {
        arm.profile("rg-shop", "shop-tm", "Weighted", 300, "eks-east=" + EKS + "=1000");

        TrafficResult result = run("shop-tm", null, null, "shop.example.com", false);

        assertEquals(TrafficOutcome.SHIFTED, result.outcome(), t.log.toString());
        assertEquals("Disabled", arm.endpoint("rg-shop", "shop-tm", "eks-east").path("endpointStatus").asText(), "0% is a disabled endpoint");
        assertEquals(100, arm.endpoint("rg-shop", "shop-tm", "aks").path("weight").asInt());
        assertEquals("Enabled", arm.endpoint("rg-shop", "shop-tm", "aks").path("endpointStatus").asText());
        assertEquals(AKS, arm.endpoint("rg-shop", "shop-tm", "aks").path("target").asText());
        assertEquals(300, arm.profile("rg-shop", "shop-tm").path("properties").path("dnsConfig").path("ttl").asInt(), "TTL restored");
        assertEquals("shop", arm.profile("rg-shop", "shop-tm").path("tags").path("app").asText());
        assertEquals("/healthz", arm.profile("rg-shop", "shop-tm").path("properties").path("monitorConfig").path("path").asText());
    }

    @Test
    void aFailingGateRollsTheEndpointsBack() {
        arm.profile("rg-shop", "tm-gate", "Weighted", 60, "eks=" + EKS + "=100", "aks=" + AKS + "=1=Disabled");
        try (HealthTarget health = new HealthTarget().failAfter(3)) { // a warm-up, 1 probe before any change, 1 at 10%; 50% fails
            TrafficResult result = run("tm-gate", null, health.health().toString(), "shop.example.com", false);

            assertEquals(TrafficOutcome.ROLLED_BACK, result.outcome(), t.log.toString());
            assertEquals(90, arm.endpoint("rg-shop", "tm-gate", "eks").path("weight").asInt());
            assertEquals("Enabled", arm.endpoint("rg-shop", "tm-gate", "eks").path("endpointStatus").asText());
            assertEquals(10, arm.endpoint("rg-shop", "tm-gate", "aks").path("weight").asInt());
            assertEquals("Enabled", arm.endpoint("rg-shop", "tm-gate", "aks").path("endpointStatus").asText());
        }
    }

    @Test
    void anAzureDnsRecordIsPointedAtTheProfileOnceThePairIsInPlace() {
        arm.profile("rg-shop", "tm-dns", "Weighted", 300);
        arm.cname("rg-shop", "example.com", "www", 3600, EKS);
        int before = arm.writes().size();

        TrafficResult result = run("tm-dns", "example.com", null, "www.example.com", false);

        assertEquals(TrafficOutcome.SHIFTED, result.outcome(), t.log.toString());
        List<String> writes = arm.writes().subList(before, arm.writes().size());
        assertEquals("PUT Microsoft.Network/trafficManagerProfiles/tm-dns", writes.get(0), "the pair first, EKS at 100%");
        assertEquals("PUT Microsoft.Network/dnszones/example.com/CNAME/www", writes.get(1), "then the name moves to the profile");
        assertEquals("tm-dns.trafficmanager.net", arm.cname("rg-shop", "example.com", "www").path("properties").path("CNAMERecord").path("cname").asText());
        assertEquals(3600, arm.cname("rg-shop", "example.com", "www").path("properties").path("TTL").asInt(), "the record's own TTL is kept");
        assertEquals("web", arm.cname("rg-shop", "example.com", "www").path("properties").path("metadata").path("owner").asText());
        assertEquals(100, arm.endpoint("rg-shop", "tm-dns", "aks").path("weight").asInt());

        TrafficResult back = run("tm-dns", "example.com", null, "www.example.com", true);
        assertEquals(TrafficOutcome.RESTORED, back.outcome());
        assertEquals(100, arm.endpoint("rg-shop", "tm-dns", "eks").path("weight").asInt());
        assertEquals("Disabled", arm.endpoint("rg-shop", "tm-dns", "aks").path("endpointStatus").asText());
    }

    @Test
    void profilesThatCannotShiftAreOneLineAndUntouched() {
        arm.profile("rg-shop", "tm-perf", "Performance", 60, "eks=" + EKS + "=1");
        arm.profile("rg-shop", "tm-extra", "Weighted", 60, "eks=" + EKS + "=1", "dr=dr.example.net=1");
        int before = arm.writes().size();
        assertEquals("Traffic Manager profile tm-perf routes by Performance: only a Weighted profile can shift traffic by weight",
                assertThrows(MigrationException.class, () -> run("tm-perf", null, null, "shop.example.com", false)).getMessage());
        assertEquals("Traffic Manager profile tm-extra has endpoints other than the EKS and AKS targets: 'dr' -> dr.example.net; remove "
                + "them or give them as --eks-target/--aks-target",
                assertThrows(MigrationException.class, () -> run("tm-extra", null, null, "shop.example.com", false)).getMessage());
        TrafficOptions.Names step = new TrafficOptions.Names("'hostnames'", "'eksTarget'", "'aksTarget'", "'route53ZoneId'",
                "'azureDnsZone'", "'trafficManagerProfile'", "'resourceGroup'", "'weights'", "'hold'", "'healthUrl'", "'expectStatus'",
                "'latencyBudget'", "'passes'", "'probeInterval'", "'errorRateUrl'", "'maxErrorRate'", "'shiftTtl'", "'ttl'");
        assertTrue(assertThrows(MigrationException.class, () -> run("tm-extra", null, null, "shop.example.com", false, step)).getMessage()
                .endsWith("; remove them or give them as 'eksTarget'/'aksTarget'"), "the shiftTraffic step's parameters");
        assertEquals("Traffic Manager profile 'nope' not found in resource group 'rg-shop'",
                assertThrows(MigrationException.class, () -> run("nope", null, null, "shop.example.com", false)).getMessage());
        arm.cname("rg-shop", "example.com", "old", 300, "legacy.example.net");
        arm.profile("rg-shop", "tm-old", "Weighted", 60);
        assertEquals("old.example.com points to legacy.example.net, not to the EKS target '" + EKS + "' nor to Traffic Manager profile "
                + "tm-old.trafficmanager.net: give the EKS side it answers with today",
                assertThrows(MigrationException.class, () -> run("tm-old", "example.com", null, "old.example.com", false)).getMessage());
        assertEquals(before, arm.writes().size());
    }
}
