package io.jenkins.plugins.eks2aks.preflight;

import java.util.Set;

/**
 * What Azure Resource Manager says about the managed cluster. Null means ARM did not say (an older API version or
 * a field the caller may not read); the disk and file drivers are on unless ARM says they are off; the OIDC issuer,
 * Workload ID and the blob driver are off unless ARM says they are on (as {@code az aks show} reads a missing field).
 *
 * @param kubeletObjectId the kubelet identity's object id: the principal that needs AcrPull
 * @param enabledAddons   add-on profiles that are enabled, e.g. {@code ingressApplicationGateway}
 * @param acrPull         what the kubelet identity's role assignments on the ACR say, or null when no ACR was asked about
 */
public record AksFacts(String name, String resourceGroup, String kubernetesVersion, String provisioningState, Boolean oidcIssuer,
                       String oidcIssuerUrl, Boolean workloadIdentity, Boolean diskCsi, Boolean fileCsi, Boolean blobCsi,
                       Boolean snapshotController, Boolean webAppRouting, String kubeletObjectId, String nodeProvisioningMode,
                       Set<String> enabledAddons, AcrPull acrPull) {

    public AksFacts(String name, String resourceGroup, String kubernetesVersion, String provisioningState, Boolean oidcIssuer,
                    String oidcIssuerUrl, Boolean workloadIdentity, Boolean diskCsi, Boolean fileCsi, Boolean blobCsi,
                    Boolean snapshotController, Boolean webAppRouting, String kubeletObjectId, String nodeProvisioningMode,
                    Set<String> enabledAddons) {
        this(name, resourceGroup, kubernetesVersion, provisioningState, oidcIssuer, oidcIssuerUrl, workloadIdentity, diskCsi, fileCsi,
                blobCsi, snapshotController, webAppRouting, kubeletObjectId, nodeProvisioningMode, enabledAddons, null);
    }

    public AksFacts withAcrPull(AcrPull pull) {
        return new AksFacts(name, resourceGroup, kubernetesVersion, provisioningState, oidcIssuer, oidcIssuerUrl, workloadIdentity, diskCsi,
                fileCsi, blobCsi, snapshotController, webAppRouting, kubeletObjectId, nodeProvisioningMode, enabledAddons, pull);
    }
}
