package io.jenkins.plugins.eks2aks.velero;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Names of the objects eks2aks creates in Velero's namespace: DNS-1123 subdomains, as Kubernetes requires. */
public final class VeleroNames {

    /** The label every object eks2aks creates carries, so a re-run knows what it wrote. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String EKS2AKS = "eks2aks";

    private static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private VeleroNames() {
    }

    /** @throws MigrationException naming the option when {@code name} is not a DNS-1123 subdomain */
    public static String check(String name, String option) {
        if (name.length() > 253 || !DNS_1123.matcher(name).matches()) {
            throw new MigrationException(option + " '" + name + "' is not a valid Kubernetes name: use lower-case letters, digits, "
                    + "'-' and '.', starting and ending with a letter or digit (at most 253 characters)");
        }
        return name;
    }

    /** {@code eks2aks-20261205-073000}: the default Backup name. */
    public static String timestamped(Instant now) {
        return "eks2aks-" + STAMP.format(now);
    }
}
