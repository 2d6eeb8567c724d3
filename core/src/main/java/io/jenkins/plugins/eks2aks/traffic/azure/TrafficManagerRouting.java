package io.jenkins.plugins.eks2aks.traffic.azure;

import com.azure.core.management.exception.ManagementException;
import com.azure.json.JsonProviders;
import com.azure.resourcemanager.dns.fluent.DnsManagementClient;
import com.azure.resourcemanager.dns.fluent.models.RecordSetInner;
import com.azure.resourcemanager.dns.models.CnameRecord;
import com.azure.resourcemanager.dns.models.RecordType;
import com.azure.resourcemanager.trafficmanager.fluent.TrafficManagerManagementClient;
import com.azure.resourcemanager.trafficmanager.fluent.models.EndpointInner;
import com.azure.resourcemanager.trafficmanager.fluent.models.ProfileInner;
import com.azure.resourcemanager.trafficmanager.models.EndpointStatus;
import com.azure.resourcemanager.trafficmanager.models.TrafficRoutingMethod;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.traffic.HostRouting;
import io.jenkins.plugins.eks2aks.traffic.RoutingChange;
import io.jenkins.plugins.eks2aks.traffic.TrafficTargets;
import io.jenkins.plugins.eks2aks.traffic.WeightedRouting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted external endpoints of an Azure Traffic Manager profile, one for the EKS target and one for the AKS target
 * (created when absent). Traffic Manager weights are 1-1000 and 0 is not one of them: a side at 0% is the endpoint
 * disabled. Each change is one PUT of the whole profile. With an Azure DNS zone ({@code dns} not null) the hostnames'
 * CNAME record sets are pointed at the profile in the change that first puts the pair in place, EKS at 100%: Azure
 * DNS has no weighted records of its own.
 */
public final class TrafficManagerRouting implements WeightedRouting {

    static final String EKS_ENDPOINT = "eks";
    static final String AKS_ENDPOINT = "aks";
    static final String EXTERNAL = "Microsoft.Network/trafficManagerProfiles/externalEndpoints";

    private final TrafficManagerManagementClient trafficManager;
    private final DnsManagementClient dns;
    private final String group;
    private final String name;
    private final String zone;
    private ProfileInner profile;
    private final Map<String, String> relativeNames = new HashMap<>();
    private final Map<String, RecordSetInner> records = new HashMap<>();

    /**
     * @param dns  the Azure DNS client, or null when the hostnames' DNS is elsewhere (already a CNAME to the profile)
     * @param zone the Azure DNS zone, or null
     */
    public TrafficManagerRouting(TrafficManagerManagementClient trafficManager, DnsManagementClient dns, String group, String name, String zone) {
        this.trafficManager = trafficManager;
        this.dns = dns;
        this.group = group;
        this.name = name;
        this.zone = zone;
    }

    @Override
    public String describe() {
        return "Traffic Manager profile " + name + " in " + group + (zone == null ? "" : ", behind Azure DNS zone " + zone);
    }

    @Override
    public List<HostRouting> read(List<String> hostnames, TrafficTargets targets) {
        try {
            profile = trafficManager.getProfiles().getByResourceGroup(group, name);
        } catch (ManagementException e) {
            throw notFoundOr(e, "Traffic Manager profile '" + name + "' not found in resource group '" + group + "'", "read the profile");
        }
        if (!TrafficRoutingMethod.WEIGHTED.equals(profile.trafficRoutingMethod())) {
            throw new MigrationException("Traffic Manager profile " + name + " routes by " + profile.trafficRoutingMethod()
                    + ": only a Weighted profile can shift traffic by weight");
        }
        EndpointInner eks = endpoint(targets.eks());
        EndpointInner aks = endpoint(targets.aks());
        List<String> others = new ArrayList<>();
        for (EndpointInner e : endpoints()) {
            if (e != eks && e != aks) {
                others.add("'" + e.name() + "' -> " + e.target());
            }
        }
        if (!others.isEmpty()) {
            throw new MigrationException("Traffic Manager profile " + name + " has endpoints other than the EKS and AKS targets: "
                    + String.join(", ", others) + "; remove them or give them as " + targets.eksOption() + "/" + targets.aksOption());
        }
        boolean pair = eks != null && aks != null;
        long e = weight(eks);
        long a = weight(aks);
        int percent = !pair ? 0 : e + a == 0 ? 0 : (int) Math.round(100.0 * a / (e + a));
        Long ttl = profile.dnsConfig() == null ? null : profile.dnsConfig().ttl();
        List<HostRouting> out = new ArrayList<>();
        for (String host : hostnames) {
            boolean pointing = dns == null || pointsAtProfile(host, targets);
            out.add(new HostRouting(host, "CNAME", pair && pointing, pair && pointing ? percent : 0, ttl));
        }
        return out;
    }

    /** Reads the hostname's CNAME record set: at the profile already, or at the EKS target (to be moved). */
    private boolean pointsAtProfile(String host, TrafficTargets targets) {
        String relative = host.equals(zone) ? "@" : host.endsWith("." + zone) ? host.substring(0, host.length() - zone.length() - 1) : null;
        if (relative == null) {
            throw new MigrationException(host + " is not in Azure DNS zone " + zone);
        }
        RecordSetInner cname;
        try {
            cname = dns.getRecordSets().get(group, zone, relative, RecordType.CNAME);
        } catch (ManagementException e) {
            throw notFoundOr(e, host + " has no CNAME record set in Azure DNS zone " + zone + " (resource group " + group
                    + "): only a CNAME can point at a Traffic Manager profile", "read " + host);
        }
        String answer = cname.cnameRecord() == null ? null : cname.cnameRecord().cname();
        relativeNames.put(host, relative);
        records.put(host, cname);
        if (TrafficTargets.same(answer, fqdn())) {
            return true;
        }
        if (!TrafficTargets.same(answer, targets.eks())) {
            throw new MigrationException(host + " points to " + answer + ", not to the EKS target '" + targets.eks()
                    + "' nor to Traffic Manager profile " + fqdn() + ": give the EKS side it answers with today");
        }
        return false;
    }

    @Override
    public RoutingChange plan(List<HostRouting> current, TrafficTargets targets, int aksPercent, Long ttl) {
        ProfileInner next = copy(profile);
        EndpointInner eks = endpoint(next, targets.eks(), EKS_ENDPOINT);
        EndpointInner aks = endpoint(next, targets.aks(), AKS_ENDPOINT);
        List<String> lines = new ArrayList<>();
        set(eks, 100 - aksPercent, lines);
        set(aks, aksPercent, lines);
        next.withEndpoints(new ArrayList<>(List.of(eks, aks)));
        if (ttl != null && next.dnsConfig() != null) {
            next.dnsConfig().withTtl(ttl);
        }
        lines.add("PUT profile " + name + " TTL " + (next.dnsConfig() == null ? "-" : next.dnsConfig().ttl()));
        List<TrafficManagerChange.RecordSetPut> puts = new ArrayList<>();
        for (HostRouting state : current) {
            RecordSetInner record = records.get(state.hostname());
            if (!state.weighted() && record != null && !TrafficTargets.same(record.cnameRecord().cname(), fqdn())) {
                RecordSetInner moved = new RecordSetInner().withTtl(record.ttl()).withMetadata(record.metadata())
                        .withCnameRecord(new CnameRecord().withCname(fqdn()));
                puts.add(new TrafficManagerChange.RecordSetPut(relativeNames.get(state.hostname()), RecordType.CNAME, moved));
                lines.add("PUT Azure DNS " + zone + " CNAME " + relativeNames.get(state.hostname()) + " TTL " + record.ttl() + " -> "
                        + fqdn() + " (was " + record.cnameRecord().cname() + ")");
            }
        }
        return new TrafficManagerChange(next, puts, lines);
    }

    @Override
    public void apply(RoutingChange change) {
        TrafficManagerChange c = (TrafficManagerChange) change;
        try {
            profile = trafficManager.getProfiles().createOrUpdate(group, name, c.profile());
        } catch (ManagementException e) {
            throw failure("update Traffic Manager profile " + name, e);
        }
        for (TrafficManagerChange.RecordSetPut put : c.records()) {
            try {
                RecordSetInner written = dns.getRecordSets().createOrUpdate(group, zone, put.relativeName(), put.type(), put.recordSet());
                relativeNames.forEach((host, rel) -> {
                    if (rel.equals(put.relativeName())) {
                        records.put(host, written);
                    }
                });
            } catch (ManagementException e) {
                throw failure("point " + put.relativeName() + "." + zone + " at the profile (the profile already has the EKS/AKS pair)", e);
            }
        }
    }

    private List<EndpointInner> endpoints() {
        return profile.endpoints() == null ? List.of() : profile.endpoints();
    }

    private EndpointInner endpoint(String target) {
        return endpoints().stream().filter(e -> TrafficTargets.same(e.target(), target)).findFirst().orElse(null);
    }

    private static EndpointInner endpoint(ProfileInner p, String target, String newName) {
        if (p.endpoints() != null) {
            for (EndpointInner e : p.endpoints()) {
                if (TrafficTargets.same(e.target(), target)) {
                    return e;
                }
            }
        }
        return new EndpointInner().withName(newName).withType(EXTERNAL).withTarget(target);
    }

    /** A side's share: {@code percent} as the weight, or disabled at 0 (Traffic Manager's weights start at 1). */
    private static void set(EndpointInner e, int percent, List<String> lines) {
        e.withWeight((long) Math.max(1, percent)).withEndpointStatus(percent == 0 ? EndpointStatus.DISABLED : EndpointStatus.ENABLED);
        lines.add("endpoint " + e.name() + " " + (percent == 0 ? "Disabled" : "weight " + percent) + " -> " + e.target());
    }

    private static long weight(EndpointInner e) {
        return e == null || EndpointStatus.DISABLED.equals(e.endpointStatus()) || e.weight() == null ? 0 : e.weight();
    }

    private String fqdn() {
        return profile.dnsConfig() == null ? null : profile.dnsConfig().fqdn();
    }

    private static ProfileInner copy(ProfileInner p) {
        try {
            return ProfileInner.fromJson(JsonProviders.createReader(p.toJsonString()));
        } catch (IOException e) {
            throw new UncheckedIOException("a Traffic Manager profile always round-trips through JSON", e);
        }
    }

    private static MigrationException notFoundOr(ManagementException e, String notFound, String what) {
        if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
            return new MigrationException(notFound);
        }
        return failure(what, e);
    }

    private static MigrationException failure(String what, ManagementException e) {
        String detail = e.getValue() == null ? e.getMessage() : e.getValue().getCode() + ": " + e.getValue().getMessage();
        return new MigrationException("Azure could not " + what + ": " + detail, e);
    }
}
