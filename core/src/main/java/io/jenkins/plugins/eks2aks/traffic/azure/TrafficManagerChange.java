package io.jenkins.plugins.eks2aks.traffic.azure;

import com.azure.resourcemanager.dns.fluent.models.RecordSetInner;
import com.azure.resourcemanager.dns.models.RecordType;
import com.azure.resourcemanager.trafficmanager.fluent.models.ProfileInner;
import io.jenkins.plugins.eks2aks.traffic.RoutingChange;

import java.util.List;

/**
 * One PUT of the whole Traffic Manager profile (its endpoints' weights and its TTL change together), followed, when
 * the hostnames still point elsewhere, by one PUT per Azure DNS record set that points it at the profile.
 */
record TrafficManagerChange(ProfileInner profile, List<RecordSetPut> records, List<String> lines) implements RoutingChange {

    TrafficManagerChange {
        records = List.copyOf(records);
        lines = List.copyOf(lines);
    }

    /** An Azure DNS record set to write. */
    record RecordSetPut(String relativeName, RecordType type, RecordSetInner recordSet) {
    }
}
