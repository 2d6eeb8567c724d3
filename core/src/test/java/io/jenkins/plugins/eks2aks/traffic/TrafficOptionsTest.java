package io.jenkins.plugins.eks2aks.traffic;

import io.jenkins.plugins.eks2aks.MigrationException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One validation for both edges; each edge's messages name its own spelling of the option. */
class TrafficOptionsTest {

    static final TrafficOptions.Names STEP = new TrafficOptions.Names("hostnames", "eksTarget", "aksTarget", "route53ZoneId", "azureDnsZone",
            "trafficManagerProfile", "resourceGroup", "weights", "hold", "healthUrl", "expectStatus", "latencyBudget", "passes",
            "probeInterval", "errorRateUrl", "maxErrorRate", "shiftTtl", "ttl");

    private static TrafficOptions options(String zone, String dnsZone, String profile, String group, String weights, String healthUrl,
                                          Integer passes) {
        return new TrafficOptions(List.of("WWW.Example.com."), "eks.elb.amazonaws.com", "20.81.4.17", zone, dnsZone, profile, group, weights,
                null, healthUrl, null, null, passes, null, null, null, null, null, false, false);
    }

    private static String error(TrafficOptions o, TrafficOptions.Names names) {
        return assertThrows(MigrationException.class, () -> o.request(names, Path.of("out"), false)).getMessage();
    }

    @Test
    void defaultsFollowTheIssue() {
        TrafficRequest r = options("Z1", null, null, null, null, "https://shop.example.com/healthz", null).request(STEP, Path.of("out"), false);

        assertEquals(List.of("www.example.com"), r.hostnames());
        assertEquals(DnsProvider.ROUTE53, r.provider());
        assertEquals(List.of(10, 25, 50, 100), r.weights());
        assertEquals(Duration.ofMinutes(5), r.hold());
        assertEquals(new HealthGate(URI.create("https://shop.example.com/healthz"), 200, Duration.ofMillis(500), 3, Duration.ofSeconds(5),
                null, 0.01), r.gate());
        assertEquals(60, r.shiftTtl());
        assertNull(r.restoreTtl());
    }

    @Test
    void messagesNameTheOptionTheWayEachEdgeSpellsIt() {
        assertEquals("weights '10,50,25,100' must rise from 1 to 100, e.g. 10,25,50,100",
                error(options("Z1", null, null, null, "10,50,25,100", null, null), STEP));
        assertEquals("--weights '10,50,25,100' must rise from 1 to 100, e.g. 10,25,50,100",
                error(options("Z1", null, null, null, "10,50,25,100", null, null), TrafficTestSupport.NAMES));
        assertEquals("passes must be 1 or more", error(options("Z1", null, null, null, null, "http://h/", 0), STEP));
        assertEquals("The health gate's settings need healthUrl or errorRateUrl", error(options("Z1", null, null, null, null, null, 2), STEP));
        assertEquals("route53ZoneId excludes trafficManagerProfile: the weights live either in Route 53 or in Azure",
                error(options("Z1", null, "tm", "rg", null, null, null), STEP));
        assertEquals("Azure DNS has no weighted records: give --traffic-manager-profile, the Traffic Manager profile whose weighted "
                + "endpoints the zone's record will point at", error(options(null, "example.com", null, "rg", null, null, null), TrafficTestSupport.NAMES));
        assertEquals("No resource group: give resourceGroup (of the Traffic Manager profile and the DNS zone)",
                error(options(null, "example.com", "tm", null, null, null, null), STEP));
        assertEquals("healthUrl 'ftp://x/' must be an http:// or https:// URL", error(options("Z1", null, null, null, null, "ftp://x/", null), STEP));
    }

    @Test
    void azureProvidersNeedTheProfileAndTheGroup() {
        assertEquals(DnsProvider.AZURE_DNS, options(null, "example.com", "shop-tm", "rg", null, null, null).request(STEP, Path.of("o"), false).provider());
        TrafficRequest tm = options(null, null, "shop-tm", "rg", null, null, null).request(STEP, Path.of("o"), false);
        assertEquals(DnsProvider.TRAFFIC_MANAGER, tm.provider());
        assertEquals("Traffic Manager profile shop-tm in rg", tm.where());
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms", "--latency-budget"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m", "--hold"));
        assertEquals(Duration.ZERO, Durations.parse("0", "--hold"));
        assertEquals("--hold '5' has no unit: write e.g. 5s or 5m", assertThrows(MigrationException.class, () -> Durations.parse("5", "--hold")).getMessage());
        assertEquals("5m", Durations.format(Duration.ofMinutes(5)));
        assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
    }
}
