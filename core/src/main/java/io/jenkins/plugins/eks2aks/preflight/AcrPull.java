package io.jenkins.plugins.eks2aks.preflight;

/**
 * Whether the kubelet identity may pull from the ACR, as its role assignments on the registry say.
 *
 * @param registryId the registry's ARM id, or null when it was not found
 * @param grantedBy  the role that grants {@code Microsoft.ContainerRegistry/registries/pull/read} (e.g. AcrPull), or
 *                   null when none does
 * @param unknown    why the answer is unknown (the registry is not visible, the assignments cannot be read), or null
 */
public record AcrPull(String registryId, String grantedBy, String unknown) {

    public static AcrPull unknown(String why) {
        return new AcrPull(null, null, why);
    }
}
