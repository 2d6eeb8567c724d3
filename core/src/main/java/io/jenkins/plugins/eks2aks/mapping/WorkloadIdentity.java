package io.jenkins.plugins.eks2aks.mapping;

/**
 * The Microsoft Entra Workload ID identity that replaces an IAM role.
 *
 * @param clientId the client id of the user-assigned managed identity or app registration
 * @param tenantId its tenant, or null for the cluster's default tenant
 */
public record WorkloadIdentity(String clientId, String tenantId) {
}
