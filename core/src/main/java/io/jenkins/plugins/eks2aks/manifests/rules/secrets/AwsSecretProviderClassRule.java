package io.jenkins.plugins.eks2aks.manifests.rules.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.KeyVaultTarget;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.ArrayList;
import java.util.List;

/**
 * K1–K4: a Secrets Store CSI SecretProviderClass of the AWS provider becomes one of the Azure Key Vault provider.
 * The driver ({@code secrets-store.csi.k8s.io}) and the pods' volumes stay the same; only the class changes:
 * provider (K1), the objects to mount (K2), where and as whom to read them (K3). {@code secretObjects} keep
 * their shape and their references, since every mounted file keeps its name (K4).
 */
public final class AwsSecretProviderClassRule implements ConversionRule {

    public static final String ID = "K1";
    private static final String PARAMETERS = "/spec/parameters";
    /** AWS-only parameters: the region is the vault's, and files keep their names through aliases. */
    private static final List<String> AWS_PARAMETERS = List.of("region", "failoverRegion", "pathTranslation");

    private final MigrationMapping mapping;
    private final KeyVaultNames names;

    public AwsSecretProviderClassRule(RuleContext context) {
        this.mapping = context.mapping();
        this.names = new KeyVaultNames(context.mapping());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return "SecretProviderClass".equals(object.kind()) && "aws".equals(object.at("/spec/provider").asText());
    }

    @Override
    public List<Change> apply(KubeObject spc) {
        List<Change> out = new ArrayList<>();
        out.add(Changes.of(spc, ID).replace("/spec/provider", "azure", RuleMode.AUTO, "the Azure Key Vault provider "
                + "(add-on azure-keyvault-secrets-provider) reads the secrets; driver and pod volumes stay the same "
                + "(catalog K1; S18, S19)"));
        out.addAll(vaultAndIdentity(spc));
        out.addAll(objects(spc));
        return out;
    }

    /** K3: region and friends go; keyvaultName, tenantId, clientID and usePodIdentity "false" come. */
    private List<Change> vaultAndIdentity(KubeObject spc) {
        Changes c = Changes.of(spc, "K3");
        JsonNode parameters = spc.at(PARAMETERS);
        List<Change> out = new ArrayList<>();
        for (String key : AWS_PARAMETERS) {
            if (parameters.has(key)) {
                out.add(c.removeKey(PARAMETERS, key, RuleMode.DROP, "AWS provider parameter " + key + " has no meaning "
                        + "for Key Vault: the vault is regional by itself, and mounted files keep their names through "
                        + "objectAlias (catalog K3; S18, S19)"));
            }
        }
        out.add(c.put(PARAMETERS, "usePodIdentity", "false", RuleMode.AUTO, "Microsoft Entra Workload ID replaces IRSA "
                + "and EKS Pod Identity; pod identity is not used (catalog K3; S19)"));
        KeyVaultTarget vault = mapping.keyVault();
        if (vault == null) {
            out.add(c.decision(PARAMETERS, "which Key Vault holds these secrets: set keyVault.name (and keyVault.tenantId, "
                    + "keyVault.clientId) (catalog K3; S19)").withMappingKeys("keyVault.name", "keyVault.tenantId", "keyVault.clientId"));
            return out;
        }
        out.add(c.put(PARAMETERS, "keyvaultName", vault.name(), RuleMode.AUTO, "the Key Vault of the mapping file (catalog K3; S19)"));
        if (vault.tenantId() == null) {
            out.add(c.decision(PARAMETERS, "the vault's tenant: set keyVault.tenantId (catalog K3; S19)").withMappingKeys("keyVault.tenantId"));
        } else {
            out.add(c.put(PARAMETERS, "tenantId", vault.tenantId(), RuleMode.AUTO, "the vault's tenant (catalog K3; S19)"));
        }
        if (vault.clientId() == null) {
            out.add(c.decision(PARAMETERS, "the Workload ID identity that reads the vault: set keyVault.clientId to its "
                    + "client id; it needs the Key Vault Secrets User role on " + vault.name() + " and a federated "
                    + "credential for the pods' ServiceAccount (catalog K3, K5; S17, S19)").withMappingKeys("keyVault.clientId"));
        } else {
            out.add(c.put(PARAMETERS, "clientID", vault.clientId(), RuleMode.AUTO, "the Workload ID identity that reads "
                    + "the vault (catalog K3; S19)"));
        }
        return out;
    }

    /** K2: the object list in the Azure provider's format, once every name is a Key Vault name. */
    private List<Change> objects(KubeObject spc) {
        JsonNode objects = spc.at(PARAMETERS + "/objects");
        if (!objects.isTextual()) {
            return List.of();
        }
        Changes c = Changes.of(spc, "K2");
        AwsSecretObjects.Result result = AwsSecretObjects.convert(objects.asText(),
                spc.at(PARAMETERS + "/pathTranslation").asText(null), names);
        List<Change> out = new ArrayList<>();
        result.decisions().forEach(d -> out.add(c.decision(PARAMETERS + "/objects", d.reason() + " (catalog K2; S18, S19)")
                .withMappingKeys(d.mappingKeys())));
        result.objects().ifPresent(text -> out.add(c.replace(PARAMETERS + "/objects", text,
                result.dropped().isEmpty() ? RuleMode.AUTO : RuleMode.AUTO_WARN,
                "Secrets Manager secrets and SSM parameters become Key Vault secrets (objectType secret), each mounted "
                        + "under the file name it had" + (result.dropped().isEmpty() ? "" : "; dropped, as Key Vault has "
                        + "no equivalent (versions differ, no failover region or templates): " + String.join(", ", result.dropped()))
                        + " (catalog K2; S18, S19)")));
        return out;
    }
}
