package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.PodSpecs;
import io.jenkins.plugins.eks2aks.manifests.rules.network.AlbIngressSchemes;
import io.jenkins.plugins.eks2aks.manifests.rules.network.AwsLoadBalancerScheme;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * AWS load balancing and VPC networking (catalog §3): NLB/CLB services, ALB ingresses, LBC and VPC CNI objects.
 * Services and ALB ingresses are judged internal exactly as {@code convert} judges them; an Ingress's scheme depends
 * on its IngressClass, IngressClassParams and IngressGroup, so ingresses are reported once every object was seen.
 */
final class NetworkDetector implements Detector {

    private static final String LB_PREFIX = "service.beta.kubernetes.io/aws-load-balancer-";

    private final AlbIngressSchemes albIngresses = new AlbIngressSchemes();
    private final List<ClusterObject> ingresses = new ArrayList<>();

    @Override
    public void inspect(ClusterObject o, Findings findings) {
        switch (o.kind()) {
            case "Service" -> service(o, findings);
            case "Ingress" -> {
                // Kept until every IngressClass was seen: without the fields no rule reads, an estate's many do not add up.
                ClusterObject kept = withoutBookkeeping(o);
                albIngresses.add(kept.asKubeObject());
                ingresses.add(kept);
            }
            case "IngressClass" -> {
                albIngresses.add(o.asKubeObject());
                String controller = o.object().path("spec").path("controller").asText();
                if (controller.equals("ingress.k8s.aws/alb") || controller.equals("eks.amazonaws.com/alb")) {
                    findings.add("N17", Severity.INFO, o.ref(), "spec.controller", controller,
                            "not migrated: the AKS ingress add-on creates its own IngressClass", RuleMode.EXCLUDE);
                }
            }
            case "TargetGroupBinding" -> findings.add("X1", Severity.HIGH, o.ref(), "spec.targetGroupARN",
                    o.object().path("spec").path("targetGroupARN").asText(),
                    "none: an Azure Load Balancer or Application Gateway backend pool, re-designed", RuleMode.EXCLUDE);
            case "SecurityGroupPolicy" -> findings.add("X2", Severity.HIGH, o.ref(), "spec.securityGroups",
                    "pod security groups " + o.object().path("spec").path("securityGroups").path("groupIds"),
                    "Kubernetes NetworkPolicy with an AKS network policy engine (Azure NPM, Cilium or Calico)", RuleMode.EXCLUDE);
            case "ENIConfig" -> findings.add("X4", Severity.INFO, o.ref(), "spec", "VPC CNI custom networking",
                    "not migrated: Azure CNI Overlay chosen at cluster creation", RuleMode.EXCLUDE);
            case "IngressClassParams" -> {
                albIngresses.add(o.asKubeObject());
                findings.add("N17", Severity.INFO, o.ref(), "spec", "ALB ingress class parameters",
                        "not migrated: its scheme decides whether the Ingresses of its class stay internal", RuleMode.EXCLUDE);
            }
            default -> { }
        }
        PodSpecs.containers(o.asKubeObject()).forEach(c -> {
            String args = c.container().path("args").toString() + c.container().path("command");
            if (args.contains("--provider=aws") && c.container().path("image").asText().contains("external-dns")) {
                findings.add("X5", Severity.MEDIUM, o.ref(), IdentityDetector.pointer(c.pointer()) + ".args", "external-dns --provider=aws (Route 53)",
                        "external-dns --provider=azure (or azure-private-dns) with workload identity", RuleMode.HUMAN);
            }
        });
    }

    @Override
    public void finish(Findings findings) {
        ingresses.forEach(o -> ingress(o, findings));
    }

    /** A copy without managedFields and status (the input is shared with the other detectors, so it is not changed). */
    private static ClusterObject withoutBookkeeping(ClusterObject o) {
        ObjectNode copy = o.object().deepCopy();
        copy.remove("status");
        if (copy.path("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
        }
        return new ClusterObject(o.ref(), copy, o.origin());
    }

    private static void service(ClusterObject o, Findings findings) {
        JsonNode spec = o.object().path("spec");
        JsonNode annotations = o.annotations();
        String lbClass = spec.path("loadBalancerClass").asText("");
        boolean lbc = lbClass.equals("service.k8s.aws/nlb") || lbClass.equals("eks.amazonaws.com/nlb")
                || annotations.path(LB_PREFIX + "type").asText("").matches("external|nlb-ip");
        if (!"LoadBalancer".equals(spec.path("type").asText()) && lbClass.isEmpty()) {
            return;
        }
        String scheme = annotations.path(LB_PREFIX + "scheme").asText("");
        boolean internal = AwsLoadBalancerScheme.isInternal(o.asKubeObject());
        if (internal) {
            findings.add("L3", Severity.HIGH, o.ref(), "metadata.annotations[" + LB_PREFIX + "scheme]",
                    !scheme.isEmpty() ? "internal" : lbc ? "internal (the AWS Load Balancer Controller's default)"
                            : "internal (" + LB_PREFIX + "internal: " + annotations.path(LB_PREFIX + "internal").asText() + ")",
                    "service.beta.kubernetes.io/azure-load-balancer-internal: \"true\" (an AKS load balancer is public without it)",
                    RuleMode.AUTO);
        }
        if (!lbClass.isEmpty()) {
            findings.add("L1", Severity.LOW, o.ref(), "spec.loadBalancerClass", lbClass,
                    "removed; create the Service anew on AKS (the field cannot change on a live Service)", RuleMode.AUTO_WARN);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = annotations.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (!key.startsWith(LB_PREFIX) || key.equals(LB_PREFIX + "scheme") || key.equals(LB_PREFIX + "internal")) {
                continue;
            }
            String suffix = key.substring(LB_PREFIX.length());
            String[] rule = annotationRule(suffix);
            findings.add(rule[0], rule[0].equals("L9") || rule[0].equals("L6") ? Severity.HIGH : Severity.LOW, o.ref(),
                    "metadata.annotations[" + key + "]", e.getValue().asText(), rule[1],
                    RuleMode.valueOf(rule[2]));
        }
    }

    /** Catalog row (id, Azure side, mode) for an aws-load-balancer-* annotation suffix. */
    private static String[] annotationRule(String suffix) {
        if (suffix.equals("type") || suffix.equals("nlb-target-type")) {
            return new String[] {"L2", "removed: the Azure Standard Load Balancer is L4 with no target types", "DROP"};
        }
        if (suffix.equals("subnets")) {
            return new String[] {"L5", "service.beta.kubernetes.io/azure-load-balancer-internal-subnet (one subnet name)", "HUMAN"};
        }
        if (suffix.equals("eip-allocations")) {
            return new String[] {"L6", "a static public IP named by service.beta.kubernetes.io/azure-pip-name", "HUMAN"};
        }
        if (suffix.equals("private-ipv4-addresses")) {
            return new String[] {"L7", "service.beta.kubernetes.io/azure-load-balancer-ipv4", "HUMAN"};
        }
        if (suffix.startsWith("ssl-") || suffix.equals("alpn-policy") || suffix.equals("backend-protocol")) {
            return new String[] {"L9", "none: the Azure load balancer does not terminate TLS; use an ingress or Gateway", "HUMAN"};
        }
        if (suffix.startsWith("healthcheck-")) {
            return new String[] {"L10", "service.beta.kubernetes.io/azure-load-balancer-health-probe-* / port_{port}_health-probe_*", "AUTO"};
        }
        if (suffix.equals("additional-resource-tags")) {
            return new String[] {"L19", "service.beta.kubernetes.io/azure-pip-tags", "AUTO_WARN"};
        }
        if (suffix.startsWith("proxy-protocol")) {
            return new String[] {"L16", "none on the load balancer (Private Link Service has azure-pls-proxy-protocol)", "HUMAN"};
        }
        return new String[] {"L20", "none (AKS manages the load balancer and its NSG)", "DROP"};
    }

    private void ingress(ClusterObject o, Findings findings) {
        JsonNode annotations = o.annotations();
        KubeObject ingress = o.asKubeObject();
        if (!albIngresses.isAlb(ingress) && !annotations.has("alb.ingress.kubernetes.io/scheme")) {
            return;
        }
        String cls = albIngresses.className(ingress);
        findings.add("N1", Severity.HIGH, o.ref(), "spec.ingressClassName", "AWS ALB ingress (class " + cls + ")",
                "app routing (webapprouting.kubernetes.azure.com), Application Gateway for Containers or AGIC: pick one", RuleMode.HUMAN);
        AlbIngressSchemes.Resolution scheme = albIngresses.resolve(ingress);
        if (scheme.internal()) {
            findings.add("N2", Severity.HIGH, o.ref(), "metadata.annotations[alb.ingress.kubernetes.io/scheme]",
                    scheme.scheme() == AlbIngressSchemes.Scheme.UNKNOWN ? "unknown: " + scheme.source() : "internal: " + scheme.source(),
                    "an internal ingress controller (NginxIngressController with azure-load-balancer-internal) or AGIC private IP",
                    scheme.scheme() == AlbIngressSchemes.Scheme.UNKNOWN ? RuleMode.HUMAN : RuleMode.AUTO);
        }
        if (annotations.has("alb.ingress.kubernetes.io/certificate-arn")) {
            findings.add("N4", Severity.HIGH, o.ref(), "metadata.annotations[alb.ingress.kubernetes.io/certificate-arn]",
                    annotations.path("alb.ingress.kubernetes.io/certificate-arn").asText(),
                    "a Key Vault certificate (kubernetes.azure.com/tls-cert-keyvault-uri) or cert-manager; ACM certificates cannot be exported",
                    RuleMode.HUMAN);
        }
        for (String waf : new String[] {"wafv2-acl-arn", "waf-acl-id", "shield-advanced-protection"}) {
            if (annotations.has("alb.ingress.kubernetes.io/" + waf)) {
                findings.add("N14", Severity.HIGH, o.ref(), "metadata.annotations[alb.ingress.kubernetes.io/" + waf + "]",
                        annotations.path("alb.ingress.kubernetes.io/" + waf).asText(), "Azure WAF policy on Application Gateway", RuleMode.HUMAN);
            }
        }
        if (annotations.has("alb.ingress.kubernetes.io/auth-type")) {
            findings.add("N15", Severity.HIGH, o.ref(), "metadata.annotations[alb.ingress.kubernetes.io/auth-type]",
                    annotations.path("alb.ingress.kubernetes.io/auth-type").asText(), "oauth2-proxy with NGINX auth-url", RuleMode.HUMAN);
        }
    }
}
