package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.Set;

/** The workloads of EKS add-ons and AWS agents (catalog §7.1), and a customised CoreDNS. */
final class AddonDetector implements Detector {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "DaemonSet", "StatefulSet");
    private static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "amazon-cloudwatch", "amazon-guardduty",
            "aws-observability", "karpenter", "opentelemetry-operator-system");

    @Override
    public void inspect(ClusterObject o, Findings findings) {
        if (WORKLOADS.contains(o.kind())) {
            AddonCatalog.byName(o.ref().name())
                    .filter(a -> SYSTEM_NAMESPACES.contains(o.ref().namespace()) || a.severity() != Severity.INFO)
                    .ifPresent(a -> findings.add("A1", a.severity(), o.ref(), "metadata.name", a.component(), a.azure(), a.mode()));
        }
        if ("ConfigMap".equals(o.kind()) && "coredns".equals(o.ref().name()) && "kube-system".equals(o.ref().namespace())) {
            JsonNode corefile = o.object().path("data").path("Corefile");
            long servers = corefile.asText("").lines().filter(l -> l.matches("^\\S.*\\{\\s*$")).count();
            if (servers > 1) {
                findings.add("A2", Severity.MEDIUM, o.ref(), "data.Corefile", servers + " server blocks (custom zones or forwarders)",
                        "the same zones in the AKS coredns-custom ConfigMap (*.server keys)", RuleMode.HUMAN);
            }
        }
    }
}
