package io.jenkins.plugins.eks2aks.traffic;

import java.util.List;

/** One atomic change a {@link WeightedRouting} plans and applies: what a dry run prints and the log shows. */
public interface RoutingChange {

    /** One line per record changed, e.g. {@code UPSERT www.example.com. CNAME [aks] weight 10 TTL 60 -> shop.eastus...}. */
    List<String> lines();
}
