package io.jenkins.plugins.eks2aks.manifests.rules.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** API13: access reviews {@code authorization.k8s.io/v1beta1} → {@code v1}, where {@code spec.group} is {@code spec.groups}. */
public final class AccessReviewApiRule extends RemovedApiRule {

    public static final String ID = "API13";
    private static final Set<String> KINDS = Set.of("SubjectAccessReview", "LocalSubjectAccessReview",
            "SelfSubjectAccessReview", "SelfSubjectRulesReview");

    public AccessReviewApiRule(RuleContext context) {
        super(ID, context);
    }

    @Override
    boolean handles(KubeObject object) {
        return KINDS.contains(object.kind());
    }

    @Override
    List<Change> convert(KubeObject review, ApiRemovals.Removal removal) {
        List<Change> out = new ArrayList<>();
        out.add(apiVersion(review, removal, "authorization.k8s.io/v1", RuleMode.AUTO, "spec.group is spec.groups"));
        JsonNode group = review.at("/spec/group");
        if (!group.isMissingNode()) {
            out.add(changes(review).remove("/spec/group", RuleMode.AUTO, "renamed spec.groups on v1" + source()));
            out.add(changes(review).put("/spec", "groups", group.isArray() ? group.deepCopy()
                    : JsonNodeFactory.instance.arrayNode().add(group.asText()), RuleMode.AUTO, "the groups of spec.group" + source()));
        }
        return out;
    }
}
