package io.jenkins.plugins.eks2aks.traffic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A validated traffic shift, with its defaults: built by {@link TrafficOptions#request}, run by {@link TrafficShift}.
 *
 * @param hostnames     the names moved together, lower case, no final dot
 * @param targets       the EKS and AKS answers
 * @param provider      where the weights live
 * @param zone          the Route 53 hosted zone id, or the Azure DNS zone name
 * @param resourceGroup the Azure resource group (Traffic Manager, Azure DNS), or null
 * @param profile       the Traffic Manager profile, or null
 * @param weights       the AKS shares to move through, rising, ending at 100
 * @param hold          how long each increment holds before its gate
 * @param gate          the health gate, or null for none
 * @param shiftTtl      the TTL while weights move, seconds
 * @param restoreTtl    the TTL to end with, or null for the TTL found at the start
 * @param dryRun        print the changes, change nothing
 * @param rollback      move everything back to EKS instead
 * @param output        the report folder, replaced as a whole
 * @param forceOutput   replace {@code output} even when eks2aks did not write it
 */
public record TrafficRequest(List<String> hostnames, TrafficTargets targets, DnsProvider provider, String zone, String resourceGroup,
                             String profile, List<Integer> weights, Duration hold, HealthGate gate, long shiftTtl, Long restoreTtl,
                             boolean dryRun, boolean rollback, Path output, boolean forceOutput) {

    public TrafficRequest {
        hostnames = List.copyOf(hostnames);
        weights = List.copyOf(weights);
    }

    /** {@code Route 53 zone Z0123}, {@code Traffic Manager profile shop-tm in rg-shop}: for the reports. */
    public String where() {
        return switch (provider) {
            case ROUTE53 -> "Route 53 zone " + zone;
            case TRAFFIC_MANAGER -> "Traffic Manager profile " + profile + " in " + resourceGroup;
            case AZURE_DNS -> "Azure DNS zone " + zone + " through Traffic Manager profile " + profile + " in " + resourceGroup;
        };
    }
}
