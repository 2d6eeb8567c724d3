/**
 * Secrets rules of the EKS→AKS catalog (§5: K1–K5, E1–E3): Secrets Store CSI SecretProviderClasses and External
 * Secrets Operator stores move from AWS Secrets Manager / SSM Parameter Store to Azure Key Vault. The vault, its
 * tenant, the identity that reads it and names Key Vault does not allow come from {@code keyVault} in the mapping
 * file.
 */
package io.jenkins.plugins.eks2aks.manifests.rules.secrets;
