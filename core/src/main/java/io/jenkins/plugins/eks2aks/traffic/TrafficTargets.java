package io.jenkins.plugins.eks2aks.traffic;

import java.util.Locale;

/**
 * The two sides traffic moves between, as DNS answers: a hostname (a load balancer's DNS name) or an IP address.
 *
 * @param eks what answers today, e.g. {@code a1b2-123.us-east-1.elb.amazonaws.com}
 * @param aks what answers at the end, e.g. {@code 20.81.4.17} or {@code shop.eastus.cloudapp.azure.com}
 * @param eksOption how the front end names the option that gives {@code eks} ({@code --eks-target}, {@code 'eksTarget'}),
 *                  for messages
 * @param aksOption the same for {@code aks}
 */
public record TrafficTargets(String eks, String aks, String eksOption, String aksOption) {

    /** Whether {@code answer} (a record's value or alias target) names {@code target}: case, a final dot and {@code dualstack.} aside. */
    public static boolean same(String answer, String target) {
        return answer != null && target != null && normalize(answer).equals(normalize(target));
    }

    /** {@code A} for an IPv4 address, {@code AAAA} for an IPv6 address, {@code CNAME} for a hostname. */
    public static String recordTypeOf(String target) {
        if (target.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return "A";
        }
        return target.contains(":") ? "AAAA" : "CNAME";
    }

    private static String normalize(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        n = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
        return n.startsWith("dualstack.") ? n.substring("dualstack.".length()) : n;
    }
}
