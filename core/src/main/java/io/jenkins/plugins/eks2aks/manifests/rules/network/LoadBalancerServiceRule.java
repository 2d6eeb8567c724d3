package io.jenkins.plugins.eks2aks.manifests.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.Pointers;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.jenkins.plugins.eks2aks.manifests.rules.network.AwsLoadBalancerScheme.AWS;

/**
 * L1–L22: a Service of type LoadBalancer on EKS becomes an Azure Standard Load Balancer Service. The effective
 * scheme is decided first ({@link AwsLoadBalancerScheme}); an internal load balancer gets
 * {@code azure-load-balancer-internal: "true"}, because on AKS a load balancer is public unless told otherwise.
 * Annotations with an Azure counterpart are translated, those without are dropped or left for a decision.
 */
public final class LoadBalancerServiceRule implements ConversionRule {

    public static final String ID = "L3";
    static final String AZURE = "service.beta.kubernetes.io/azure-";
    static final String AZURE_INTERNAL = AZURE + "load-balancer-internal";
    private static final String ANNOTATIONS = "/metadata/annotations";

    /** AWS annotation suffix → [rule id, Azure annotation (after the azure- prefix)]: the same value, renamed. */
    private static final Map<String, String[]> RENAMED = Map.of(
            "healthcheck-path", new String[] {"L10", "load-balancer-health-probe-request-path"},
            "healthcheck-interval", new String[] {"L13", "load-balancer-health-probe-interval"},
            "healthcheck-unhealthy-threshold", new String[] {"L14", "load-balancer-health-probe-num-of-probe"});
    /** Suffixes with no Azure equivalent (the Azure LB has no such setting, or AKS manages it). */
    private static final Set<String> DROPPED = Set.of("type", "nlb-target-type", "scheme", "internal",
            "healthcheck-healthy-threshold", "healthcheck-timeout", "healthcheck-success-codes",
            "security-groups", "manage-backend-security-group-rules", "security-group-prefix-lists", "disable-nlb-sg",
            "attributes", "target-group-attributes", "cross-zone-load-balancing-enabled", "access-log-enabled",
            "access-log-emit-interval", "access-log-s3-bucket-name", "access-log-s3-bucket-prefix", "target-node-labels",
            "minimum-load-balancer-capacity", "ip-address-type", "name", "connection-draining-enabled",
            "connection-draining-timeout", "healthcheck-port", "healthcheck-protocol", "additional-resource-tags",
            "connection-idle-timeout");
    /** Suffixes that need a person: [rule id, what to decide]. */
    private static final Map<String, String[]> DECISIONS = Map.of(
            "subnets", new String[] {"L5", "choose the subnet for the internal load balancer and set the annotation service.beta.kubernetes.io/azure-load-balancer-internal-subnet: <subnet name>"},
            "eip-allocations", new String[] {"L6", "pre-create a Standard static public IP and set service.beta.kubernetes.io/azure-pip-name (and azure-load-balancer-resource-group when it lives outside the node resource group)"},
            "private-ipv4-addresses", new String[] {"L7", "choose an IP in the internal load balancer's subnet and set service.beta.kubernetes.io/azure-load-balancer-ipv4"},
            "ssl-cert", new String[] {"L9", "the Azure load balancer does not terminate TLS: move TLS into an Ingress or Gateway, or into the application"},
            "ssl-ports", new String[] {"L9", "the Azure load balancer does not terminate TLS: move TLS into an Ingress or Gateway"},
            "ssl-negotiation-policy", new String[] {"L9", "the Azure load balancer does not terminate TLS: choose the TLS policy on the Ingress or Gateway"},
            "alpn-policy", new String[] {"L9", "the Azure load balancer does not terminate TLS: choose ALPN on the Ingress or Gateway"},
            "backend-protocol", new String[] {"L9", "the Azure load balancer is L4 only: TLS to the backend is the application's or the ingress's job"},
            "proxy-protocol", new String[] {"L16", "the Azure load balancer has no PROXY protocol; a Private Link Service has azure-pls-proxy-protocol"});

    private final InputIndex index;

    public LoadBalancerServiceRule(InputIndex index) {
        this.index = index;
    }

    /** With no input around the Service: no kustomize patches. */
    public LoadBalancerServiceRule() {
        this(InputIndex.empty());
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * A LoadBalancer Service; or a kustomize patch of a Service that leaves the type to its target and sets AWS
     * load-balancer annotations: an overlay making a base's load balancer internal must keep it internal on AKS.
     */
    @Override
    public boolean appliesTo(KubeObject object) {
        if (!"Service".equals(object.kind())) {
            return false;
        }
        String type = object.at("/spec/type").asText("");
        if (type.equals("LoadBalancer")) {
            return true;
        }
        return type.isEmpty() && index.isPatch(object) && hasAwsAnnotation(object);
    }

    private static boolean hasAwsAnnotation(KubeObject service) {
        for (Iterator<String> it = service.at(ANNOTATIONS).fieldNames(); it.hasNext(); ) {
            if (it.next().startsWith(AWS)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Change> apply(KubeObject service) {
        List<Change> out = new ArrayList<>();
        boolean internal = AwsLoadBalancerScheme.isInternal(service);
        keepInternal(service, ANNOTATIONS, service.at("/spec/loadBalancerClass").asText(""), "", out);
        if (AwsLoadBalancerScheme.LBC_CLASSES.contains(service.at("/spec/loadBalancerClass").asText(""))) {
            out.add(Changes.of(service, "L1").remove("/spec/loadBalancerClass", RuleMode.AUTO_WARN,
                    "the AWS load balancer class has no meaning on AKS; loadBalancerClass cannot change on a live Service, "
                            + "so create the Service anew on AKS rather than patching it (catalog L1, S15)"));
        }
        if (service.at("/spec/loadBalancerIP").isTextual()) {
            Changes l8 = Changes.of(service, "L8");
            out.add(l8.put(ANNOTATIONS, AZURE + "load-balancer-ipv4", service.at("/spec/loadBalancerIP").asText(), RuleMode.AUTO_WARN,
                    "spec.loadBalancerIP is deprecated; AKS takes the address from this annotation; check it lies in the Azure subnet (catalog L8, S11)"));
            out.add(l8.remove("/spec/loadBalancerIP", RuleMode.AUTO_WARN, "replaced by service.beta.kubernetes.io/azure-load-balancer-ipv4 (catalog L8)"));
        }
        out.addAll(annotations(service, ANNOTATIONS, service.at("/spec/ports"), internal));
        return out;
    }

    /**
     * The same conversion for an annotation map that is not a Service's own: the annotations a custom resource or
     * a chart's values give the Service its operator or chart creates ({@code where} says so in each reason). An
     * internal load balancer stays internal exactly as for a Service; the Service's ports are not known there, so
     * the per-port probe settings become decisions.
     */
    public static List<Change> annotationMap(KubeObject object, String mapPointer, String where) {
        List<Change> out = new ArrayList<>();
        keepInternal(object, mapPointer, "", where, out);
        boolean internal = AwsLoadBalancerScheme.isInternal(object.at(mapPointer), "");
        for (Change c : annotations(object, mapPointer, MissingNode.getInstance(), internal)) {
            out.add(c.withReason(where + c.reason()));
        }
        return out;
    }

    /** L3: an internal EKS load balancer gets the annotation without which an AKS load balancer is public. */
    private static void keepInternal(KubeObject object, String map, String loadBalancerClass, String where, List<Change> out) {
        JsonNode annotations = object.at(map);
        if (AwsLoadBalancerScheme.isInternal(annotations, loadBalancerClass)
                && !"true".equals(annotations.path(AZURE_INTERNAL).asText())) {
            out.add(Changes.of(object, "L3").put(map, AZURE_INTERNAL, "true", RuleMode.AUTO, where
                    + "the EKS load balancer is internal (" + why(annotations, loadBalancerClass) + "); on AKS a load "
                    + "balancer is public unless this annotation is set (catalog L3; S9, S11)"));
        }
    }

    private static List<Change> annotations(KubeObject service, String map, JsonNode ports, boolean internal) {
        List<Change> out = new ArrayList<>();
        JsonNode annotations = service.at(map);
        for (Iterator<String> it = annotations.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith(AWS)) {
                continue;
            }
            String suffix = key.substring(AWS.length());
            String value = annotations.path(key).asText();
            if (RENAMED.containsKey(suffix)) {
                String[] target = RENAMED.get(suffix);
                Changes c = Changes.of(service, target[0]);
                out.add(c.put(map, AZURE + target[1], value, RuleMode.AUTO, "Azure health probe setting for " + key + " (catalog " + target[0] + ", S11)"));
                out.add(c.removeKey(map, key, RuleMode.AUTO, "replaced by " + AZURE + target[1] + " (catalog " + target[0] + ")"));
            } else if (suffix.equals("healthcheck-protocol") || suffix.equals("healthcheck-port")) {
                out.addAll(perPortProbe(service, map, ports, key, suffix, value));
            } else if (suffix.equals("connection-idle-timeout")) {
                out.addAll(idleTimeout(service, map, key, value));
            } else if (suffix.equals("additional-resource-tags") && !internal) {
                Changes c = Changes.of(service, "L19");
                out.add(c.put(map, AZURE + "pip-tags", value, RuleMode.AUTO_WARN, "tags of the public IP; check the key=value format (catalog L19, S11)"));
                out.add(c.removeKey(map, key, RuleMode.AUTO_WARN, "replaced by " + AZURE + "pip-tags (catalog L19)"));
            } else if (DECISIONS.containsKey(suffix)) {
                String[] decision = DECISIONS.get(suffix);
                out.add(Changes.of(service, decision[0]).decision(Pointers.child(map, key),
                        key + ": " + decision[1] + " (catalog " + decision[0] + ")"));
            } else if (DROPPED.contains(suffix)) {
                String id = dropId(suffix);
                out.add(Changes.of(service, id).removeKey(map, key, RuleMode.DROP,
                        key + " has no meaning for the Azure Standard Load Balancer" + dropNote(suffix) + " (catalog " + id + ")"));
            } else {
                out.add(Changes.of(service, "L20").decision(Pointers.child(map, key),
                        key + " is an AWS load balancer setting this tool does not know: decide whether AKS needs an equivalent (catalog §3.1)"));
            }
        }
        return out;
    }

    /** L11, L12: the AWS setting is one for all ports; the Azure one is per port. */
    private static List<Change> perPortProbe(KubeObject service, String map, JsonNode ports, String key,
                                             String suffix, String value) {
        String id = suffix.equals("healthcheck-protocol") ? "L11" : "L12";
        Changes c = Changes.of(service, id);
        List<Change> out = new ArrayList<>();
        if (!(id.equals("L12") && value.equals("traffic-port"))) {
            String azure = id.equals("L11") ? "health-probe_protocol" : "health-probe_port";
            if (ports.isMissingNode()) {
                // Not a Service: the ports of the Service that will carry these annotations are not known here.
                return List.of(c.decision(Pointers.child(map, key), key + " is one setting for all ports; Azure's is per port: "
                        + "replace it by service.beta.kubernetes.io/port_<port>_" + azure + " for each port of the Service (catalog " + id + ")"));
            }
            for (JsonNode port : ports) {
                String annotation = "service.beta.kubernetes.io/port_" + port.path("port").asText() + "_" + azure;
                out.add(c.put(map, annotation, value, RuleMode.AUTO, "per-port Azure health probe setting for " + key + " (catalog " + id + ", S11)"));
            }
        }
        out.add(c.removeKey(map, key, RuleMode.AUTO, id.equals("L12") && value.equals("traffic-port")
                ? "traffic-port is what the Azure probe uses by default (catalog L12)"
                : "replaced by per-port service.beta.kubernetes.io/port_<port>_" + (id.equals("L11") ? "health-probe_protocol" : "health-probe_port") + " (catalog " + id + ")"));
        return out;
    }

    /** L22: the CLB idle timeout in seconds becomes the Azure TCP idle timeout in minutes (4–30). */
    private static List<Change> idleTimeout(KubeObject service, String map, String key, String value) {
        Changes c = Changes.of(service, "L22");
        List<Change> out = new ArrayList<>();
        try {
            int minutes = Math.max(4, Math.min(30, (int) Math.ceil(Integer.parseInt(value.trim()) / 60.0)));
            out.add(c.put(map, AZURE + "load-balancer-tcp-idle-timeout", String.valueOf(minutes), RuleMode.AUTO_WARN,
                    "idle timeout " + value + " s as whole minutes within Azure's 4–30 (catalog L22, S11)"));
        } catch (NumberFormatException e) {
            return List.of(c.decision(Pointers.child(map, key), key + " is not a number of seconds: set "
                    + AZURE + "load-balancer-tcp-idle-timeout (minutes, 4–30) yourself (catalog L22)"));
        }
        out.add(c.removeKey(map, key, RuleMode.AUTO_WARN, "replaced by " + AZURE + "load-balancer-tcp-idle-timeout (catalog L22)"));
        return out;
    }

    private static String dropId(String suffix) {
        return switch (suffix) {
            case "type", "nlb-target-type" -> "L2";
            case "scheme", "internal" -> "L3";
            case "healthcheck-healthy-threshold", "healthcheck-timeout", "healthcheck-success-codes" -> "L15";
            case "security-groups", "manage-backend-security-group-rules", "security-group-prefix-lists", "disable-nlb-sg" -> "L18";
            case "additional-resource-tags" -> "L19";
            case "connection-draining-enabled", "connection-draining-timeout" -> "L22";
            default -> "L20";
        };
    }

    private static String dropNote(String suffix) {
        return switch (suffix) {
            case "scheme", "internal" -> "; the scheme it set is kept by azure-load-balancer-internal";
            case "type", "nlb-target-type" -> ": the Azure Standard Load Balancer is always L4, without target types";
            case "security-groups", "manage-backend-security-group-rules", "security-group-prefix-lists", "disable-nlb-sg" -> ": AKS manages the network security group";
            case "additional-resource-tags" -> ": an internal load balancer has no public IP to tag";
            default -> "; review whether an Azure setting is needed";
        };
    }

    private static String why(JsonNode annotations, String loadBalancerClass) {
        String scheme = AwsLoadBalancerScheme.annotation(annotations, "scheme");
        if (!scheme.isEmpty()) {
            return "scheme " + scheme;
        }
        if (!AwsLoadBalancerScheme.annotation(annotations, "internal").isEmpty()) {
            return AWS + "internal";
        }
        return "the AWS Load Balancer Controller's default scheme";
    }
}
