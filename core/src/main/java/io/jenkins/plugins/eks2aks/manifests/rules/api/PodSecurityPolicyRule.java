package io.jenkins.plugins.eks2aks.manifests.rules.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;

import java.util.List;

/**
 * API5: PodSecurityPolicy was removed with no replacement API. It is left out, and the report says how to get
 * the same protection on AKS: Pod Security Admission namespace labels (the level closest to this policy is
 * suggested) or Azure Policy for AKS.
 */
public final class PodSecurityPolicyRule extends RemovedApiRule {

    public static final String ID = "API5";

    public PodSecurityPolicyRule(RuleContext context) {
        super(ID, context);
    }

    @Override
    boolean handles(KubeObject object) {
        return "PodSecurityPolicy".equals(object.kind());
    }

    @Override
    List<Change> convert(KubeObject psp, ApiRemovals.Removal removal) {
        String level = level(psp.at("/spec"));
        return List.of(changes(psp).exclude(removed(psp, removal) + " and has no replacement API: label the namespaces "
                + "it protected with Pod Security Admission, pod-security.kubernetes.io/enforce: " + level
                + " (and pod-security.kubernetes.io/audit, pod-security.kubernetes.io/warn; levels privileged|baseline|"
                + "restricted), or use Azure Policy for AKS" + source()));
    }

    /** The Pod Security Standard closest to the policy: what it allows decides. */
    static String level(JsonNode spec) {
        boolean host = spec.path("privileged").asBoolean(false) || spec.path("hostNetwork").asBoolean(false)
                || spec.path("hostPID").asBoolean(false) || spec.path("hostIPC").asBoolean(false)
                || spec.path("hostPorts").size() > 0;
        boolean anyCapability = false;
        for (JsonNode capability : spec.path("allowedCapabilities")) {
            anyCapability |= "*".equals(capability.asText());
        }
        for (JsonNode volume : spec.path("volumes")) {
            anyCapability |= "*".equals(volume.asText()) || "hostPath".equals(volume.asText());
        }
        if (host || anyCapability) {
            return "privileged";
        }
        boolean nonRoot = "MustRunAsNonRoot".equals(spec.at("/runAsUser/rule").asText());
        boolean dropsAll = false;
        for (JsonNode capability : spec.path("requiredDropCapabilities")) {
            dropsAll |= "ALL".equalsIgnoreCase(capability.asText());
        }
        boolean noEscalation = spec.has("allowPrivilegeEscalation") && !spec.path("allowPrivilegeEscalation").asBoolean(true);
        return nonRoot && dropsAll && noEscalation ? "restricted" : "baseline";
    }
}
