package io.jenkins.plugins.eks2aks.manifests.rules.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.KeyVaultTarget;

import java.util.ArrayList;
import java.util.List;

/**
 * E1: an External Secrets Operator SecretStore or ClusterSecretStore on AWS Secrets Manager or Parameter Store
 * reads Azure Key Vault instead, with Workload ID: {@code azurekv} with the vault URL, tenant and the
 * ServiceAccount the AWS store authenticated as (the operator's own when none was named, as on AWS).
 */
public final class AwsSecretStoreRule implements ConversionRule {

    public static final String ID = "E1";

    private final KeyVaultTarget vault;

    public AwsSecretStoreRule(RuleContext context) {
        this.vault = context.mapping().keyVault();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return ("SecretStore".equals(object.kind()) || "ClusterSecretStore".equals(object.kind()))
                && object.ref().apiVersion().startsWith("external-secrets.io/")
                && object.at("/spec/provider/aws").isObject();
    }

    @Override
    public List<Change> apply(KubeObject store) {
        Changes c = Changes.of(store, ID);
        JsonNode aws = store.at("/spec/provider/aws");
        if (vault == null) {
            return List.of(c.decision("/spec/provider/aws", "which Key Vault replaces AWS " + aws.path("service").asText("SecretsManager")
                    + ": set keyVault.name (and keyVault.tenantId) (catalog E1; S20)").withMappingKeys("keyVault.name", "keyVault.tenantId"));
        }
        ObjectNode azure = JsonNodeFactory.instance.objectNode();
        azure.put("authType", "WorkloadIdentity");
        azure.put("vaultUrl", vault.uri());
        if (vault.tenantId() != null) {
            azure.put("tenantId", vault.tenantId());
        }
        JsonNode serviceAccount = aws.at("/auth/jwt/serviceAccountRef");
        if (serviceAccount.isObject()) {
            azure.set("serviceAccountRef", serviceAccount.deepCopy());
        }
        List<String> dropped = new ArrayList<>();
        aws.fieldNames().forEachRemaining(f -> {
            if (!"auth".equals(f) && !"service".equals(f)) {
                dropped.add(f);
            }
        });
        if (aws.at("/auth/secretRef").isObject()) {
            dropped.add("auth.secretRef (static access keys)");
        }
        ObjectNode provider = JsonNodeFactory.instance.objectNode();
        provider.set("azurekv", azure);
        String who = serviceAccount.isObject() ? "ServiceAccount " + serviceAccount.path("name").asText()
                : "the operator's ServiceAccount";
        return List.of(c.replace("/spec/provider", provider, RuleMode.AUTO_WARN, "AWS " + aws.path("service").asText("SecretsManager")
                + " becomes Key Vault " + vault.name() + " read with Workload ID as " + who + ", which needs the "
                + "azure.workload.identity/client-id annotation, a federated credential and the Key Vault Secrets User "
                + "role" + (dropped.isEmpty() ? "" : "; dropped: " + String.join(", ", dropped)) + " (catalog E1; S17, S20)"));
    }
}
