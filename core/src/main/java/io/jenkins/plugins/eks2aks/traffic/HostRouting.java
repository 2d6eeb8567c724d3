package io.jenkins.plugins.eks2aks.traffic;

/**
 * How one hostname is routed, as read from the DNS provider (or as a planned change will leave it).
 *
 * @param hostname   the name, as the user gave it
 * @param recordType {@code A}, {@code AAAA} or {@code CNAME}
 * @param weighted   false while a simple record (no weights) answers for the EKS side
 * @param aksPercent the share of answers that name the AKS side, 0-100 (0 for a simple record)
 * @param ttl        seconds, or null where the provider has none (an alias record)
 */
public record HostRouting(String hostname, String recordType, boolean weighted, int aksPercent, Long ttl) {

    /** The same hostname as a weighted pair at {@code percent}, with {@code newTtl} (or its TTL when null). */
    public HostRouting shifted(int percent, Long newTtl) {
        return new HostRouting(hostname, recordType, true, percent, newTtl == null || ttl == null ? ttl : newTtl);
    }

    /** {@code www.example.com (CNAME, 10% AKS, TTL 60)}. */
    public String describe() {
        return hostname + " (" + recordType + ", " + (weighted ? aksPercent + "% AKS" : "simple record, 100% EKS")
                + (ttl == null ? "" : ", TTL " + ttl) + ")";
    }
}
