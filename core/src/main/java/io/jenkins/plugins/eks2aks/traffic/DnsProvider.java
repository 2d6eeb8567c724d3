package io.jenkins.plugins.eks2aks.traffic;

/** Where the weights live. */
public enum DnsProvider {
    /** Weighted record sets in a Route 53 hosted zone. */
    ROUTE53,
    /** Weighted external endpoints of an Azure Traffic Manager profile. */
    TRAFFIC_MANAGER,
    /**
     * An Azure DNS zone: it has no weighted records, so the hostname's record set is pointed at a Traffic Manager
     * profile (in the same change that would otherwise create the weighted pair), whose endpoints carry the weights.
     */
    AZURE_DNS
}
