package io.jenkins.plugins.eks2aks.manifests.rules.secrets;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.List;

/**
 * E2: External Secrets Operator v0.17.0 stopped serving {@code external-secrets.io/v1beta1} and has no conversion
 * webhook, so the objects move to {@code v1}, whose fields are the same (S20).
 */
public final class ExternalSecretsApiRule implements ConversionRule {

    public static final String ID = "E2";
    private static final String OLD = "external-secrets.io/v1beta1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return OLD.equals(object.ref().apiVersion());
    }

    @Override
    public List<Change> apply(KubeObject object) {
        return List.of(Changes.of(object, ID).replace("/apiVersion", "external-secrets.io/v1", RuleMode.AUTO,
                "External Secrets Operator v0.17.0 stopped serving v1beta1 and has no conversion webhook; v1 has the "
                        + "same fields (catalog E2; S20)"));
    }
}
