package io.jenkins.plugins.eks2aks.traffic;

import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.standins.Route53StandIn;
import io.jenkins.plugins.eks2aks.traffic.route53.Route53Clients;
import io.jenkins.plugins.eks2aks.traffic.route53.Route53Routing;
import software.amazon.awssdk.services.route53.Route53Client;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The pieces a traffic test puts together: CLI names, a recording pause, the real Route 53 client on the stand-in. */
final class TrafficTestSupport {

    static final TrafficOptions.Names NAMES = new TrafficOptions.Names("--hostname", "--eks-target", "--aks-target", "--route53-zone-id",
            "--azure-dns-zone", "--traffic-manager-profile", "--resource-group", "--weights", "--hold", "--health-url", "--expect-status",
            "--latency-budget", "--passes", "--probe-interval", "--error-rate-url", "--max-error-rate", "--shift-ttl", "--ttl");

    final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> polls = Collections.synchronizedList(new ArrayList<>());
    final Pause pause = pauses::add;
    final EventSink events = (MigrationEvent e) -> log.add(e.toLogLine());

    /** The SDK's client, pointed at the stand-in through {@code AWS_ENDPOINT_URL_ROUTE_53} as a user would. */
    static Route53Client client(Route53StandIn standIn) {
        AwsSettings settings = AwsSettings.resolveGlobal(Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_ENDPOINT_URL_ROUTE_53", standIn.uri().toString()), null, null);
        return Route53Clients.create(settings, Duration.ofSeconds(10));
    }

    Route53Routing routing(Route53Client client, String zone) {
        return new Route53Routing(client, zone, events, polls::add, Duration.ofSeconds(2), Duration.ofMinutes(1));
    }

    TrafficShift shift() {
        return new TrafficShift(events, Clock.systemUTC(), pause, new HealthProbe(HealthProbe.defaultClient(), Clock.systemUTC(), pause));
    }

    static Options options(String zone, String... hostnames) {
        return new Options(zone, List.of(hostnames));
    }

    /** A mutable builder over {@link TrafficOptions} for tests. */
    static final class Options {
        List<String> hostnames;
        String eks = "shop-eks-1234.us-east-1.elb.amazonaws.com";
        String aks = "shop.eastus.cloudapp.azure.com";
        String zone;
        String weights;
        String hold = "1m";
        String healthUrl;
        Integer passes;
        String errorRateUrl;
        Long ttl;
        boolean dryRun;
        boolean rollback;

        Options(String zone, List<String> hostnames) {
            this.zone = zone;
            this.hostnames = hostnames;
        }

        TrafficRequest request(Path out) {
            return new TrafficOptions(hostnames, eks, aks, zone, null, null, null, weights, hold, healthUrl, null, healthUrl == null ? null : "10s", passes,
                    healthUrl == null ? null : "1s",
                    errorRateUrl, null, null, ttl, dryRun, rollback).request(NAMES, out, false);
        }
    }
}
