package io.jenkins.plugins.eks2aks.traffic;

import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.traffic.route53.Route53Clients;
import io.jenkins.plugins.eks2aks.traffic.route53.Route53Routing;
import software.amazon.awssdk.services.route53.Route53Client;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The routing a request names, with the client behind it, from settings resolved at the edge: the CLI and the step
 * open it the same way and close it after the run.
 *
 * @param routing the provider's weighted routing
 * @param client  what to close
 */
public record OpenRouting(WeightedRouting routing, AutoCloseable client) implements AutoCloseable {

    /** How often a pending Route 53 change is polled, and how long it may take: Route 53 usually syncs within 60 s. */
    public static final Duration POLL = Duration.ofSeconds(5);
    public static final Duration SYNC_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param aws   the AWS settings, resolved only for Route 53
     * @param azure the Azure routing, built only for Traffic Manager and Azure DNS
     * @param pause how to wait between polls of a pending change
     */
    public static OpenRouting open(TrafficRequest request, Supplier<AwsSettings> aws, Supplier<OpenRouting> azure, EventSink events,
                                   Pause pause) {
        if (request.provider() == DnsProvider.ROUTE53) {
            Route53Client client = Route53Clients.create(aws.get(), CALL_TIMEOUT);
            return new OpenRouting(new Route53Routing(client, request.zone(), events, pause, POLL, SYNC_TIMEOUT), client);
        }
        return azure.get();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            // closing an HTTP client after the run: nothing the user can act on
        }
    }
}
