package io.jenkins.plugins.eks2aks.traffic.route53;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.traffic.HostRouting;
import io.jenkins.plugins.eks2aks.traffic.TrafficTargets;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One hostname's Route 53 records of the type that is moved, sorted into the EKS and the AKS side.
 *
 * @param hostname the name, as the user gave it
 * @param type     {@code A}, {@code AAAA} or {@code CNAME}
 * @param eks      the record that answers for EKS: the simple record, or the weighted one naming the EKS target
 * @param aks      the weighted record naming the AKS target, or null when there is none yet
 */
record HostRecords(String hostname, String type, ResourceRecordSet eks, ResourceRecordSet aks) {

    private static final Set<String> ADDRESS_TYPES = Set.of("A", "AAAA", "CNAME");

    boolean weighted() {
        return eks.setIdentifier() != null;
    }

    HostRouting routing() {
        int aksPercent = 0;
        if (weighted()) {
            long e = eks.weight() == null ? 0 : eks.weight();
            long a = aks == null || aks.weight() == null ? 0 : aks.weight();
            aksPercent = e + a == 0 ? 50 : (int) Math.round(100.0 * a / (e + a)); // all zero: Route 53 answers evenly
        }
        Long ttl = eks.ttl() != null ? eks.ttl() : aks != null ? aks.ttl() : null;
        return new HostRouting(hostname, type, weighted(), aksPercent, ttl);
    }

    /**
     * Sorts the records of {@code hostname} (all types, as listed) into the two sides.
     *
     * @throws MigrationException one line naming the hostname, when it cannot be moved as it is
     */
    static HostRecords classify(String hostname, String zone, List<ResourceRecordSet> records, TrafficTargets targets) {
        List<ResourceRecordSet> address = records.stream().filter(r -> ADDRESS_TYPES.contains(r.typeAsString())).toList();
        if (address.isEmpty()) {
            throw new MigrationException(hostname + " has no A, AAAA or CNAME record in zone " + zone
                    + ": create it first, pointing at the EKS side (" + targets.eks() + ")");
        }
        Set<String> types = new TreeSet<>();
        address.forEach(r -> types.add(r.typeAsString()));
        if (types.size() > 1) {
            throw new MigrationException(hostname + " has records of types " + String.join(" and ", types) + " in zone " + zone
                    + ": only one of them can be moved; move the other by hand or remove it");
        }
        String type = types.iterator().next();
        for (ResourceRecordSet r : address) {
            String policy = policy(r);
            if (policy != null) {
                throw new MigrationException(hostname + " uses " + policy + " routing (set '" + r.setIdentifier() + "') in zone " + zone
                        + ": only a simple record or a weighted pair can be shifted");
            }
        }
        String aksType = TrafficTargets.recordTypeOf(targets.aks());
        if (!aksType.equals(type)) {
            throw new MigrationException(hostname + " is a" + ("A".equals(type) ? "n" : "") + " " + type + " record in zone " + zone + ", but the AKS target '"
                    + targets.aks() + "' needs a" + ("A".equals(aksType) ? "n" : "") + " " + aksType + " record: give "
                    + ("CNAME".equals(type) ? "the AKS side's DNS name" : "A".equals(type) ? "its public IPv4 address" : "its public IPv6 address"));
        }
        if (address.size() == 1 && address.get(0).setIdentifier() == null) {
            ResourceRecordSet simple = address.get(0);
            if (!answers(simple, targets.eks())) {
                throw new MigrationException(hostname + " points to " + answer(simple) + ", not to the EKS target '" + targets.eks()
                        + "': give the EKS side it answers with today");
            }
            return new HostRecords(hostname, type, simple, null);
        }
        ResourceRecordSet eks = null;
        ResourceRecordSet aks = null;
        List<String> others = new ArrayList<>();
        for (ResourceRecordSet r : address) {
            if (r.setIdentifier() == null || r.weight() == null) {
                others.add("a simple record");
            } else if (answers(r, targets.eks()) && eks == null) {
                eks = r;
            } else if (answers(r, targets.aks()) && aks == null) {
                aks = r;
            } else {
                others.add("'" + r.setIdentifier() + "' -> " + answer(r));
            }
        }
        if (eks == null || !others.isEmpty()) {
            throw new MigrationException(hostname + " has weighted records that are not the EKS/AKS pair in zone " + zone + ": "
                    + (eks == null ? "none answers with the EKS target '" + targets.eks() + "'" : "also " + String.join(", ", others)));
        }
        return new HostRecords(hostname, type, eks, aks);
    }

    /** What a record answers: its alias target or its values. */
    static String answer(ResourceRecordSet r) {
        if (r.aliasTarget() != null) {
            return "alias " + r.aliasTarget().dnsName();
        }
        return String.join(" ", r.resourceRecords().stream().map(ResourceRecord::value).toList());
    }

    private static boolean answers(ResourceRecordSet r, String target) {
        if (r.aliasTarget() != null) {
            return TrafficTargets.same(r.aliasTarget().dnsName(), target);
        }
        return r.resourceRecords().stream().anyMatch(v -> TrafficTargets.same(v.value(), target));
    }

    private static String policy(ResourceRecordSet r) {
        if (r.failover() != null) {
            return "failover";
        }
        if (r.region() != null) {
            return "latency";
        }
        if (r.geoLocation() != null) {
            return "geolocation";
        }
        if (r.geoProximityLocation() != null) {
            return "geoproximity";
        }
        if (r.cidrRoutingConfig() != null) {
            return "IP-based";
        }
        if (Boolean.TRUE.equals(r.multiValueAnswer())) {
            return "multivalue answer";
        }
        return null;
    }

    /** Route 53's spelling of a name: lower case, a final dot, {@code *} as {@code \052}. */
    static String dnsName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("\\052", "*");
        return n.endsWith(".") ? n : n + ".";
    }
}
