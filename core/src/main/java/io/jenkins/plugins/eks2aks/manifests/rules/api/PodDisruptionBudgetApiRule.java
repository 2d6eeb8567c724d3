package io.jenkins.plugins.eks2aks.manifests.rules.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.List;

/**
 * API4: PodDisruptionBudget {@code policy/v1beta1} → {@code policy/v1}. The fields are the same, but an empty
 * selector changed meaning: on v1beta1 it selected no pods, on v1 it selects every pod of the namespace. Such a
 * budget is converted with a warning, since it now blocks evictions it did not block before.
 */
public final class PodDisruptionBudgetApiRule extends RemovedApiRule {

    public static final String ID = "API4";

    public PodDisruptionBudgetApiRule(RuleContext context) {
        super(ID, context);
    }

    @Override
    boolean handles(KubeObject object) {
        return "PodDisruptionBudget".equals(object.kind());
    }

    @Override
    List<Change> convert(KubeObject pdb, ApiRemovals.Removal removal) {
        if (isEmpty(pdb.at("/spec/selector"))) {
            return List.of(apiVersion(pdb, removal, "policy/v1", RuleMode.AUTO_WARN, "its empty spec.selector selected "
                    + "no pods on policy/v1beta1 and selects every pod of the namespace on policy/v1: give it the selector "
                    + "of the pods it is meant for, or drop the budget"));
        }
        return List.of(apiVersion(pdb, removal, "policy/v1", RuleMode.AUTO, "same fields"));
    }

    /** {@code {}}, or only empty matchLabels/matchExpressions; a missing (null) selector matches nothing on both. */
    static boolean isEmpty(JsonNode selector) {
        return selector.isObject() && selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty();
    }
}
