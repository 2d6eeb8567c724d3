package io.jenkins.plugins.eks2aks.manifests.rules.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * API9: Deployment, DaemonSet, StatefulSet and ReplicaSet on {@code apps/v1beta1}, {@code apps/v1beta2} or
 * {@code extensions/v1beta1} → {@code apps/v1}. apps/v1 requires {@code spec.selector} (and makes it immutable);
 * the old APIs defaulted it to the template's labels, so that is what is written. The old APIs also defaulted
 * DaemonSet (extensions) and StatefulSet (apps/v1beta1) updates to OnDelete, which is written out so that
 * updates on AKS behave as on EKS.
 */
public final class WorkloadApiRule extends RemovedApiRule {

    public static final String ID = "API9";
    private static final Set<String> KINDS = Set.of("Deployment", "DaemonSet", "StatefulSet", "ReplicaSet");

    public WorkloadApiRule(RuleContext context) {
        super(ID, context);
    }

    @Override
    boolean handles(KubeObject object) {
        return KINDS.contains(object.kind());
    }

    @Override
    List<Change> convert(KubeObject workload, ApiRemovals.Removal removal) {
        Changes c = changes(workload);
        String old = workload.ref().apiVersion();
        List<Change> out = new ArrayList<>();
        boolean oldDefaults = !"apps/v1beta2".equals(old);
        out.add(apiVersion(workload, removal, "apps/v1", "Deployment".equals(workload.kind()) && oldDefaults
                ? RuleMode.AUTO_WARN : RuleMode.AUTO, "Deployment".equals(workload.kind()) && oldDefaults
                ? "apps/v1 defaults differ (rollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600): "
                        + "set them in the source if the old ones matter" : "same fields once the selector is explicit"));
        if (!workload.at("/spec/selector").isObject()) {
            JsonNode labels = workload.at("/spec/template/metadata/labels");
            if (labels.isObject() && !labels.isEmpty()) {
                ObjectNode selector = JsonNodeFactory.instance.objectNode();
                selector.set("matchLabels", labels.deepCopy());
                out.add(c.put("/spec", "selector", selector, RuleMode.AUTO_WARN, "apps/v1 requires spec.selector, and it "
                        + "cannot be changed later; " + old + " defaulted it to the pod template's labels, which is what is "
                        + "written" + source()));
            } else {
                out.add(c.decision("/spec/selector", "apps/v1 requires spec.selector and the pod template has no labels to "
                        + "derive it from: add labels and a selector in the source" + source()));
            }
        }
        boolean onDeleteDefault = "DaemonSet".equals(workload.kind()) && "extensions/v1beta1".equals(old)
                || "StatefulSet".equals(workload.kind()) && "apps/v1beta1".equals(old);
        if (onDeleteDefault && !workload.at("/spec/updateStrategy").isObject()) {
            out.add(c.put("/spec", "updateStrategy", JsonNodeFactory.instance.objectNode().put("type", "OnDelete"),
                    RuleMode.AUTO_WARN, old + " defaulted updates to OnDelete, apps/v1 to RollingUpdate: OnDelete is "
                            + "written to keep the behaviour; remove it for rolling updates" + source()));
        }
        return out;
    }
}
