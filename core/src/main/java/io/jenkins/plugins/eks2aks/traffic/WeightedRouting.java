package io.jenkins.plugins.eks2aks.traffic;

import java.util.List;

/**
 * A DNS provider's weighted routing for the hostnames being moved: Route 53 weighted record sets, Traffic Manager
 * weighted endpoints. Implementations read before they plan, change nothing in {@link #read} or {@link #plan}, and
 * make each {@link #apply} one atomic change that has taken effect when it returns.
 */
public interface WeightedRouting {

    /** The zone or profile, for the log and the reports, e.g. {@code Route 53 zone Z0123 (example.com.)}. */
    String describe();

    /**
     * The hostnames' routing now, checked: each exists, is a simple or weighted record of one type, and answers for
     * the EKS target (and the AKS target where a weighted pair exists).
     *
     * @throws io.jenkins.plugins.eks2aks.MigrationException one line naming the hostname and what is wrong; nothing changed
     */
    List<HostRouting> read(List<String> hostnames, TrafficTargets targets);

    /**
     * The change that leaves every hostname as a weighted pair with {@code aksPercent} of the answers for AKS, and
     * {@code ttl} seconds (null: each record keeps its TTL). A simple record is replaced by the pair in the same change.
     */
    RoutingChange plan(List<HostRouting> current, TrafficTargets targets, int aksPercent, Long ttl);

    /** Makes the change, and returns once the provider says it is in effect everywhere. */
    void apply(RoutingChange change);
}
