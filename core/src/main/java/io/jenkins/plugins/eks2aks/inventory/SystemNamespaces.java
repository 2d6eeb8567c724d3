package io.jenkins.plugins.eks2aks.inventory;

import java.util.Set;

/**
 * Namespaces of EKS system components and AWS agents (catalog §7.2). Their objects are not migrated (AKS brings
 * its own), so their AWS dependencies are listed for information and their images are not copied to ACR.
 */
public final class SystemNamespaces {

    static final Set<String> NAMES = Set.of("kube-system", "kube-public", "kube-node-lease", "amazon-cloudwatch",
            "amazon-guardduty", "aws-observability", "karpenter", "opentelemetry-operator-system");

    private SystemNamespaces() {
    }

    public static boolean contains(String namespace) {
        return namespace != null && NAMES.contains(namespace);
    }
}
