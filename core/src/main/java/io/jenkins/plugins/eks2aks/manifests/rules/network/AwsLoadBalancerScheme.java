package io.jenkins.plugins.eks2aks.manifests.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a Service's AWS load balancer is internal, the way the AWS Load Balancer Controller and the
 * legacy in-tree provider decide it (catalog §3.1, S9). When the annotations disagree the answer is internal:
 * a private service must never become public by conversion.
 */
public final class AwsLoadBalancerScheme {

    public static final String AWS = "service.beta.kubernetes.io/aws-load-balancer-";
    public static final Set<String> LBC_CLASSES = Set.of("service.k8s.aws/nlb", "eks.amazonaws.com/nlb");

    private AwsLoadBalancerScheme() {
    }

    /** Whether the AWS Load Balancer Controller (rather than the in-tree provider) owns the Service. */
    public static boolean managedByLoadBalancerController(KubeObject service) {
        return managedByLoadBalancerController(service.at("/metadata/annotations"), service.at("/spec/loadBalancerClass").asText(""));
    }

    private static boolean managedByLoadBalancerController(JsonNode annotations, String loadBalancerClass) {
        String type = annotation(annotations, "type").toLowerCase(Locale.ROOT);
        return LBC_CLASSES.contains(loadBalancerClass) || type.equals("external") || type.equals("nlb-ip");
    }

    /** Whether the load balancer EKS gives this Service is internal. */
    public static boolean isInternal(KubeObject service) {
        return isInternal(service.at("/metadata/annotations"), service.at("/spec/loadBalancerClass").asText(""));
    }

    /**
     * Whether a Service carrying {@code annotations} (and {@code loadBalancerClass}, "" for none) gets an internal
     * load balancer on EKS; also used for annotation maps an operator or a chart copies onto the Service it creates.
     */
    public static boolean isInternal(JsonNode annotations, String loadBalancerClass) {
        String scheme = annotation(annotations, "scheme").trim().toLowerCase(Locale.ROOT);
        String internal = annotation(annotations, "internal").trim().toLowerCase(Locale.ROOT);
        // The deprecated flag's legacy in-tree form was a CIDR such as 0.0.0.0/0: anything but false counts.
        boolean flag = !internal.isEmpty() && !internal.equals("false");
        if (scheme.equals("internal") || flag) {
            return true;
        }
        if (!scheme.isEmpty()) {
            return false;
        }
        return managedByLoadBalancerController(annotations, loadBalancerClass);
    }

    static String annotation(KubeObject service, String suffix) {
        return annotation(service.at("/metadata/annotations"), suffix);
    }

    static String annotation(JsonNode annotations, String suffix) {
        JsonNode value = annotations.get(AWS + suffix);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
