package io.jenkins.plugins.eks2aks.traffic;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A traffic shift as the CLI options and the step parameters give it, before any check: both edges hand their
 * values over unchanged and get the same validation, defaults and messages, each in its own words ({@link Names}).
 * Null means "not given".
 */
public record TrafficOptions(List<String> hostnames, String eksTarget, String aksTarget, String route53ZoneId, String azureDnsZone,
                             String trafficManagerProfile, String resourceGroup, String weights, String hold, String healthUrl,
                             Integer expectStatus, String latencyBudget, Integer passes, String probeInterval, String errorRateUrl,
                             Double maxErrorRate, Long shiftTtl, Long ttl, boolean dryRun, boolean rollback) {

    public static final String DEFAULT_WEIGHTS = "10,25,50,100";
    public static final String DEFAULT_HOLD = "5m";
    public static final String DEFAULT_LATENCY_BUDGET = "500ms";
    public static final String DEFAULT_PROBE_INTERVAL = "5s";
    public static final int DEFAULT_PASSES = 3;
    public static final long DEFAULT_SHIFT_TTL = 60;
    public static final double DEFAULT_MAX_ERROR_RATE = 0.01;

    /** How an edge spells each option: {@code --hostname} on the command line, {@code hostnames} in a step. */
    public record Names(String hostnames, String eksTarget, String aksTarget, String route53ZoneId, String azureDnsZone,
                        String trafficManagerProfile, String resourceGroup, String weights, String hold, String healthUrl,
                        String expectStatus, String latencyBudget, String passes, String probeInterval, String errorRateUrl,
                        String maxErrorRate, String shiftTtl, String ttl) {
    }

    public TrafficOptions {
        hostnames = hostnames == null ? List.of() : List.copyOf(hostnames);
    }

    /**
     * The validated request.
     *
     * @throws MigrationException one line naming the option (in {@code names}' words) and what to give instead
     */
    public TrafficRequest request(Names names, Path output, boolean forceOutput) {
        List<String> hosts = hostnames(names);
        String eks = required(eksTarget, names.eksTarget(), "the EKS side's DNS name or IP, what the hostnames answer today");
        String aks = required(aksTarget, names.aksTarget(), "the AKS side's public IP or DNS name");
        if (TrafficTargets.same(eks, aks)) {
            throw new MigrationException(names.eksTarget() + " and " + names.aksTarget() + " are the same ('" + eks + "'): nothing to shift");
        }
        DnsProvider provider = provider(names);
        String zone = provider == DnsProvider.ROUTE53 ? route53ZoneId.trim() : provider == DnsProvider.AZURE_DNS ? azureDnsZone.trim() : null;
        String group = provider == DnsProvider.ROUTE53 ? null : resourceGroup.trim();
        String profile = provider == DnsProvider.ROUTE53 ? null : trafficManagerProfile.trim();
        HealthGate gate = gate(names);
        long shift = shiftTtl == null ? DEFAULT_SHIFT_TTL : shiftTtl;
        if (shift < 1 || (ttl != null && ttl < 1)) {
            throw new MigrationException((shift < 1 ? names.shiftTtl() : names.ttl()) + " must be 1 second or more");
        }
        Duration holdFor = Durations.parse(blank(hold) ? DEFAULT_HOLD : hold, names.hold());
        return new TrafficRequest(hosts, new TrafficTargets(eks, aks, names.eksTarget(), names.aksTarget()), provider, zone, group, profile, weights(names), holdFor, gate,
                shift, ttl, dryRun, rollback, output, forceOutput);
    }

    private List<String> hostnames(Names names) {
        if (hostnames.isEmpty()) {
            throw new MigrationException("No hostname: give " + names.hostnames() + " (the DNS names to move, e.g. www.example.com)");
        }
        List<String> out = new ArrayList<>();
        for (String h : hostnames) {
            String n = h.trim().toLowerCase(Locale.ROOT);
            n = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
            if (!n.matches("(\\*\\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\\.)+[a-z0-9-]{2,63}")) {
                throw new MigrationException(names.hostnames() + " '" + h + "' is not a DNS name (expected e.g. www.example.com)");
            }
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private DnsProvider provider(Names names) {
        boolean r53 = !blank(route53ZoneId);
        boolean dns = !blank(azureDnsZone);
        boolean tm = !blank(trafficManagerProfile);
        if (r53 && (dns || tm)) {
            throw new MigrationException(names.route53ZoneId() + " excludes " + (dns ? names.azureDnsZone() : names.trafficManagerProfile())
                    + ": the weights live either in Route 53 or in Azure");
        }
        if (!r53 && !dns && !tm) {
            throw new MigrationException("No DNS provider: give " + names.route53ZoneId() + ", or " + names.trafficManagerProfile()
                    + " (with " + names.azureDnsZone() + " when the hostnames live in an Azure DNS zone) and " + names.resourceGroup());
        }
        if (r53) {
            return DnsProvider.ROUTE53;
        }
        if (!tm) {
            throw new MigrationException("Azure DNS has no weighted records: give " + names.trafficManagerProfile()
                    + ", the Traffic Manager profile whose weighted endpoints the zone's record will point at");
        }
        if (blank(resourceGroup)) {
            throw new MigrationException("No resource group: give " + names.resourceGroup() + " (of the Traffic Manager profile"
                    + (dns ? " and the DNS zone" : "") + ")");
        }
        return dns ? DnsProvider.AZURE_DNS : DnsProvider.TRAFFIC_MANAGER;
    }

    private List<Integer> weights(Names names) {
        String text = blank(weights) ? DEFAULT_WEIGHTS : weights;
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            int w;
            try {
                w = Integer.parseInt(part.trim().replace("%", ""));
            } catch (NumberFormatException e) {
                throw new MigrationException(names.weights() + " '" + text + "': '" + part.trim() + "' is not a whole percentage (expected e.g. "
                        + DEFAULT_WEIGHTS + ")");
            }
            if (w < 1 || w > 100 || (!out.isEmpty() && w <= out.get(out.size() - 1))) {
                throw new MigrationException(names.weights() + " '" + text + "' must rise from 1 to 100, e.g. " + DEFAULT_WEIGHTS);
            }
            out.add(w);
        }
        if (out.get(out.size() - 1) != 100) {
            throw new MigrationException(names.weights() + " '" + text + "' must end at 100 (all traffic on AKS), e.g. " + DEFAULT_WEIGHTS);
        }
        return out;
    }

    private HealthGate gate(Names names) {
        URI health = url(healthUrl, names.healthUrl());
        URI errors = url(errorRateUrl, names.errorRateUrl());
        if (health == null && errors == null) {
            for (Object given : new Object[] {expectStatus, latencyBudget, passes, probeInterval, maxErrorRate}) {
                if (given != null && !(given instanceof String s && s.isBlank())) {
                    throw new MigrationException("The health gate's settings need " + names.healthUrl() + " or " + names.errorRateUrl());
                }
            }
            return null;
        }
        int status = expectStatus == null ? 200 : expectStatus;
        if (status < 100 || status > 599) {
            throw new MigrationException(names.expectStatus() + " " + status + " is not an HTTP status");
        }
        int n = passes == null ? DEFAULT_PASSES : passes;
        if (n < 1) {
            throw new MigrationException(names.passes() + " must be 1 or more");
        }
        Duration budget = Durations.parse(blank(latencyBudget) ? DEFAULT_LATENCY_BUDGET : latencyBudget, names.latencyBudget());
        if (budget.isZero()) {
            throw new MigrationException(names.latencyBudget() + " must be more than 0");
        }
        Duration interval = Durations.parse(blank(probeInterval) ? DEFAULT_PROBE_INTERVAL : probeInterval, names.probeInterval());
        double max = maxErrorRate == null ? DEFAULT_MAX_ERROR_RATE : maxErrorRate;
        if (max < 0 || Double.isNaN(max)) {
            throw new MigrationException(names.maxErrorRate() + " must be 0 or more");
        }
        return new HealthGate(health, status, budget, n, interval, errors, max);
    }

    private static URI url(String value, String option) {
        if (blank(value)) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new MigrationException(option + " '" + value + "' must be an http:// or https:// URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new MigrationException(option + " '" + value + "' is not a URL: " + e.getReason());
        }
    }

    private static String required(String value, String option, String what) {
        if (blank(value)) {
            throw new MigrationException("No " + option + ": give " + what);
        }
        return value.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
