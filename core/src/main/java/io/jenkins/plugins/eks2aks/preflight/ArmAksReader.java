package io.jenkins.plugins.eks2aks.preflight;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.containerservice.ContainerServiceManager;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.ManagedClusterAddonProfile;
import com.azure.resourcemanager.containerservice.models.UserAssignedIdentity;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.util.Map;
import java.util.TreeSet;

/** Reads the managed cluster from Azure Resource Manager ({@code Microsoft.ContainerService/managedClusters}). */
public final class ArmAksReader {

    private final ContainerServiceManager manager;
    private final String credentialSource;

    public ArmAksReader(ContainerServiceManager manager, String credentialSource) {
        this.manager = manager;
        this.credentialSource = credentialSource;
    }

    /**
     * The cluster, and when {@code acr} is given whether its kubelet identity may pull from that registry (role
     * assignments on the registry, in the cluster's subscription).
     */
    public AksFacts read(String resourceGroup, String name, String acr) {
        AksFacts facts = read(resourceGroup, name);
        if (acr == null || acr.isBlank()) {
            return facts;
        }
        AcrPullReader pull = new AcrPullReader(manager.httpPipeline(), manager.serviceClient().getEndpoint(),
                manager.serviceClient().getSubscriptionId());
        return facts.withAcrPull(pull.read(acr.trim(), facts.kubeletObjectId()));
    }

    public AksFacts read(String resourceGroup, String name) {
        ManagedClusterInner mc;
        try {
            mc = manager.serviceClient().getManagedClusters().getByResourceGroup(resourceGroup, name);
        } catch (ManagementException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            String code = e.getValue() == null ? "" : e.getValue().getCode();
            if (status == 404) {
                throw new MigrationException("AKS cluster '" + name + "' was not found in resource group '" + resourceGroup
                        + "' (" + code + "): check the name, the resource group and the subscription", e);
            }
            if (status == 401 || status == 403) {
                throw new MigrationException("Azure denied reading AKS cluster '" + name + "' in resource group '" + resourceGroup
                        + "' to the identity from " + credentialSource + " (" + status + " " + code + "): it needs Reader on the cluster", e);
            }
            throw new MigrationException("Azure Resource Manager failed reading AKS cluster '" + name + "': " + status + " " + code, e);
        } catch (ClientAuthenticationException e) {
            throw new MigrationException("Azure rejected the credentials from " + credentialSource + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                throw new MigrationException("Cannot reach Azure Resource Manager for AKS cluster '" + name + "': " + e.getMessage(), e);
            }
            throw e;
        }
        var storage = mc.storageProfile();
        var security = mc.securityProfile();
        var ingress = mc.ingressProfile();
        TreeSet<String> addons = new TreeSet<>();
        if (mc.addonProfiles() != null) {
            for (Map.Entry<String, ManagedClusterAddonProfile> a : mc.addonProfiles().entrySet()) {
                if (a.getValue() != null && a.getValue().enabled()) {
                    addons.add(a.getKey());
                }
            }
        }
        UserAssignedIdentity kubelet = mc.identityProfile() == null ? null : mc.identityProfile().get("kubeletidentity");
        return new AksFacts(mc.name(), resourceGroup,
                mc.currentKubernetesVersion() != null ? mc.currentKubernetesVersion() : mc.kubernetesVersion(), mc.provisioningState(),
                // A feature ARM does not mention is off, as az aks show reads it: a cluster created with the defaults
                // returns securityProfile: {} and no blobCSIDriver.
                mc.oidcIssuerProfile() != null && Boolean.TRUE.equals(mc.oidcIssuerProfile().enabled()),
                mc.oidcIssuerProfile() == null ? null : mc.oidcIssuerProfile().issuerUrl(),
                security != null && security.workloadIdentity() != null && Boolean.TRUE.equals(security.workloadIdentity().enabled()),
                storage == null || storage.diskCsiDriver() == null ? null : storage.diskCsiDriver().enabled(),
                storage == null || storage.fileCsiDriver() == null ? null : storage.fileCsiDriver().enabled(),
                storage != null && storage.blobCsiDriver() != null && Boolean.TRUE.equals(storage.blobCsiDriver().enabled()),
                storage == null || storage.snapshotController() == null ? null : storage.snapshotController().enabled(),
                ingress == null || ingress.webAppRouting() == null ? null : ingress.webAppRouting().enabled(),
                kubelet == null ? null : kubelet.objectId(),
                mc.nodeProvisioningProfile() == null || mc.nodeProvisioningProfile().mode() == null ? null
                        : mc.nodeProvisioningProfile().mode().toString(), addons);
    }
}
