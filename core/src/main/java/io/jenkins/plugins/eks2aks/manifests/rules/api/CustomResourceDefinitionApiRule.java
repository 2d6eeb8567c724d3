package io.jenkins.plugins.eks2aks.manifests.rules.api;

import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;

import java.util.List;

/**
 * API11: a CustomResourceDefinition on {@code apiextensions.k8s.io/v1beta1} cannot be converted mechanically:
 * v1 requires a structural {@code openAPIV3Schema} for every version, which v1beta1 allowed to be missing or
 * non-structural, and only the CRD's owner knows the schema. A decision.
 */
public final class CustomResourceDefinitionApiRule extends RemovedApiRule {

    public static final String ID = "API11";

    public CustomResourceDefinitionApiRule(RuleContext context) {
        super(ID, context);
    }

    @Override
    boolean handles(KubeObject object) {
        return "CustomResourceDefinition".equals(object.kind());
    }

    @Override
    List<Change> convert(KubeObject crd, ApiRemovals.Removal removal) {
        return List.of(changes(crd).decision("/apiVersion", removed(crd, removal) + ": apiextensions.k8s.io/v1 needs "
                + "a structural openAPIV3Schema per version, spec.scope, versions[] (version → versions, validation → "
                + "versions[*].schema, JSONPath → jsonPath) and x-kubernetes-preserve-unknown-fields instead of "
                + "preserveUnknownFields: true; take the v1 CRD from a current release of its operator, or write the "
                + "schema" + source()));
    }
}
