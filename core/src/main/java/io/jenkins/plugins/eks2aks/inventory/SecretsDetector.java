package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.manifests.RuleMode;

/** AWS Secrets Manager and Parameter Store through the Secrets Store CSI driver or External Secrets (catalog §5). */
final class SecretsDetector implements Detector {

    @Override
    public void inspect(ClusterObject o, Findings findings) {
        String group = o.ref().apiVersion().contains("/") ? o.ref().apiVersion().substring(0, o.ref().apiVersion().indexOf('/')) : "";
        if ("SecretProviderClass".equals(o.kind()) && "aws".equals(o.object().path("spec").path("provider").asText())) {
            findings.add("K1", Severity.HIGH, o.ref(), "spec.provider", "AWS Secrets Manager / SSM Parameter Store via the Secrets Store CSI driver",
                    "Azure Key Vault with the azure-keyvault-secrets-provider add-on (provider: azure); secret names need a Key Vault name map",
                    RuleMode.HUMAN);
        }
        if (group.equals("external-secrets.io")) {
            if (("SecretStore".equals(o.kind()) || "ClusterSecretStore".equals(o.kind()))
                    && o.object().path("spec").path("provider").has("aws")) {
                findings.add("E1", Severity.HIGH, o.ref(), "spec.provider.aws",
                        o.object().path("spec").path("provider").path("aws").path("service").asText("SecretsManager"),
                        "spec.provider.azurekv with authType WorkloadIdentity", RuleMode.HUMAN);
            }
            if (o.ref().apiVersion().equals("external-secrets.io/v1beta1")) {
                findings.add("E2", Severity.MEDIUM, o.ref(), "apiVersion", "external-secrets.io/v1beta1",
                        "external-secrets.io/v1 (ESO 0.17 stops serving v1beta1)", RuleMode.AUTO);
            }
        }
    }
}
