package io.jenkins.plugins.eks2aks.mapping;

import java.util.Map;

/**
 * The Azure Key Vault that replaces AWS Secrets Manager and SSM Parameter Store.
 *
 * @param name        the vault name
 * @param tenantId    its tenant, or null when not given
 * @param clientId    client id of the Workload ID identity that SecretProviderClasses read the vault as, or null
 *                    when not given (catalog K3)
 * @param objectNames AWS secret or parameter name (or ARN; {@code name#jmesPath} for one key of a JSON secret) →
 *                    the Key Vault secret that holds it, for names Key Vault does not allow (catalog K2, E3)
 */
public record KeyVaultTarget(String name, String tenantId, String clientId, Map<String, String> objectNames) {

    public KeyVaultTarget {
        objectNames = objectNames == null ? Map.of() : Map.copyOf(objectNames);
    }

    public KeyVaultTarget(String name, String tenantId) {
        this(name, tenantId, null, Map.of());
    }

    /** The vault's URI, e.g. {@code https://shop-kv.vault.azure.net}. */
    public String uri() {
        return "https://" + name + ".vault.azure.net";
    }
}
