package io.jenkins.plugins.eks2aks.mapping;

import io.jenkins.plugins.eks2aks.images.RegistryMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The migration's decisions, from the mapping file ({@code eks2aks.yaml}) with command-line flags or step
 * parameters applied on top. Immutable: resolved once at the edge, then handed to the engine.
 *
 * @param registries        ECR host or host/prefix → ACR login server or server/prefix
 * @param acr               ACR for every other ECR image, or null
 * @param storageClasses    EKS class → AKS class, defaults included (see {@link #defaults()})
 * @param efsNfs            convert EFS classes into Azure Files NFS classes (the default: EFS is NFS, with POSIX
 *                          semantics) instead of mapping them to the built-in SMB class
 * @param identities        IAM role ARN → Workload ID identity
 * @param ingress           the AKS ingress that replaces ALB ingresses
 * @param internalIngressClass ingress class of the internal app-routing controller
 * @param regions           AWS region → Azure region
 * @param zones             AWS zone → AKS zone
 * @param nodePools         EKS node group → AKS node pool
 * @param keyVault          the Key Vault that replaces Secrets Manager, or null
 * @param targetAksVersion  Kubernetes minor version on AKS, e.g. {@code 1.33}
 * @param includeNamespaces namespaces to convert (empty: all)
 * @param excludeNamespaces namespaces to leave out
 * @param disabledRules     rule ids not to run
 * @param diskEncryptionSets AWS KMS key ARN → Azure disk encryption set resource id (catalog SC7)
 * @param volumeHandles     EBS volume id or EFS volume handle of a static PersistentVolume → its Azure volume
 *                          handle, once the data has been copied (catalog PV4, PV5)
 * @param nodeClassImageFamily AKS node image family ({@code Ubuntu} or {@code AzureLinux}) for the AKSNodeClasses
 *                          that replace EC2NodeClasses, or null when not decided (catalog KP2)
 * @param certificates      ACM certificate ARN → its re-issued replacement: a Key Vault certificate URI (app routing)
 *                          or an Application Gateway certificate name (AGIC) (catalog N4)
 * @param ingressAuthHandled Ingresses ({@code namespace/name}) whose ALB Cognito/OIDC sign-in is replaced on AKS;
 *                          any other Ingress with ALB sign-in stays on an internal class (catalog N15)
 * @param registryMap       {@code registries} and {@code acr} parsed and validated once, when the mapping is built:
 *                          build mappings with the constructor without it, which derives it
 */
public record MigrationMapping(Map<String, String> registries, String acr, Map<String, String> storageClasses,
                               boolean efsNfs, Map<String, WorkloadIdentity> identities, IngressTarget ingress,
                               String internalIngressClass, Map<String, String> regions, Map<String, String> zones,
                               Map<String, String> nodePools, KeyVaultTarget keyVault, String targetAksVersion,
                               List<String> includeNamespaces, List<String> excludeNamespaces,
                               Set<String> disabledRules, Map<String, String> diskEncryptionSets,
                               Map<String, String> volumeHandles, String nodeClassImageFamily,
                               Map<String, String> certificates, Set<String> ingressAuthHandled,
                               RegistryMap registryMap) {

    /**
     * The AKS version a mapping built without a date converts for when none is given. The front ends resolve the
     * default by the support calendar instead ({@link MappingOverrides#resolve(java.nio.file.Path, java.time.LocalDate)}), as inventory does.
     */
    public static final String DEFAULT_TARGET_AKS_VERSION = "1.34";
    public static final String DEFAULT_INTERNAL_INGRESS_CLASS = "nginx-internal";

    /** AWS classes every EKS cluster has, and the AKS class each maps to unless the file says otherwise. */
    static final Map<String, String> DEFAULT_STORAGE_CLASSES = Map.of(
            "gp2", "managed-csi-premium",
            "gp3", "managed-csi-premium");

    public MigrationMapping {
        registries = Map.copyOf(registries);
        storageClasses = Map.copyOf(storageClasses);
        identities = Map.copyOf(identities);
        regions = Map.copyOf(regions);
        zones = Map.copyOf(zones);
        nodePools = Map.copyOf(nodePools);
        includeNamespaces = List.copyOf(includeNamespaces);
        excludeNamespaces = List.copyOf(excludeNamespaces);
        disabledRules = Set.copyOf(disabledRules);
        certificates = Map.copyOf(certificates);
        diskEncryptionSets = Map.copyOf(diskEncryptionSets);
        volumeHandles = Map.copyOf(volumeHandles);
        ingressAuthHandled = Set.copyOf(ingressAuthHandled);
        java.util.Objects.requireNonNull(registryMap, "registryMap");
    }

    /**
     * A mapping with its registry map parsed from {@code registries} and {@code acr}.
     *
     * @throws io.jenkins.plugins.eks2aks.MigrationException naming the registry entry or ACR that is not valid
     */
    public MigrationMapping(Map<String, String> registries, String acr, Map<String, String> storageClasses,
                            boolean efsNfs, Map<String, WorkloadIdentity> identities, IngressTarget ingress,
                            String internalIngressClass, Map<String, String> regions, Map<String, String> zones,
                            Map<String, String> nodePools, KeyVaultTarget keyVault, String targetAksVersion,
                            List<String> includeNamespaces, List<String> excludeNamespaces,
                            Set<String> disabledRules, Map<String, String> diskEncryptionSets,
                            Map<String, String> volumeHandles, String nodeClassImageFamily,
                            Map<String, String> certificates, Set<String> ingressAuthHandled) {
        this(registries, acr, storageClasses, efsNfs, identities, ingress, internalIngressClass, regions, zones,
                nodePools, keyVault, targetAksVersion, includeNamespaces, excludeNamespaces, disabledRules,
                diskEncryptionSets, volumeHandles, nodeClassImageFamily, certificates, ingressAuthHandled,
                parse(registries, acr));
    }

    private static RegistryMap parse(Map<String, String> registries, String acr) {
        List<String> entries = new ArrayList<>();
        registries.forEach((k, v) -> entries.add(k + "=" + v));
        return RegistryMap.of(entries, acr);
    }

    /** No file: every default, no decisions made. */
    public static MigrationMapping defaults() {
        return new MigrationMapping(Map.of(), null, DEFAULT_STORAGE_CLASSES, true, Map.of(), IngressTarget.WEBAPPROUTING,
                DEFAULT_INTERNAL_INGRESS_CLASS, Map.of(), Map.of(), Map.of(), null, null,
                List.of(), List.of(), Set.of(), Map.of(), Map.of(), null, Map.of(), Set.of());
    }

    /** The AKS version to convert for: the file's or the flag's, else {@link #DEFAULT_TARGET_AKS_VERSION}. */
    @Override
    public String targetAksVersion() {
        return targetAksVersion == null ? DEFAULT_TARGET_AKS_VERSION : targetAksVersion;
    }

    /** Whether the file or a flag named the AKS version. */
    public boolean targetAksVersionGiven() {
        return targetAksVersion != null;
    }

    /** This mapping with a default ACR set (a command-line flag wins over the file). */
    public MigrationMapping withAcr(String newAcr) {
        return new MigrationMapping(registries, newAcr, storageClasses, efsNfs, identities, ingress,
                internalIngressClass, regions, zones, nodePools, keyVault, targetAksVersion, includeNamespaces,
                excludeNamespaces, disabledRules, diskEncryptionSets, volumeHandles, nodeClassImageFamily, certificates, ingressAuthHandled);
    }

    /** This mapping with more registry entries; an entry for the same source replaces the file's. */
    public MigrationMapping withRegistries(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(registries);
        merged.putAll(more);
        return new MigrationMapping(merged, acr, storageClasses, efsNfs, identities, ingress, internalIngressClass,
                regions, zones, nodePools, keyVault, targetAksVersion, includeNamespaces, excludeNamespaces,
                disabledRules, diskEncryptionSets, volumeHandles, nodeClassImageFamily, certificates, ingressAuthHandled);
    }

    /** This mapping converting for another AKS version. */
    public MigrationMapping withTargetAksVersion(String version) {
        return new MigrationMapping(registries, acr, storageClasses, efsNfs, identities, ingress, internalIngressClass,
                regions, zones, nodePools, keyVault, version, includeNamespaces, excludeNamespaces, disabledRules,
                diskEncryptionSets, volumeHandles, nodeClassImageFamily, certificates, ingressAuthHandled);
    }

    /** This mapping with another ingress target. */
    public MigrationMapping withIngress(IngressTarget target) {
        return new MigrationMapping(registries, acr, storageClasses, efsNfs, identities, target, internalIngressClass,
                regions, zones, nodePools, keyVault, targetAksVersion, includeNamespaces, excludeNamespaces,
                disabledRules, diskEncryptionSets, volumeHandles, nodeClassImageFamily, certificates, ingressAuthHandled);
    }

    /** Whether objects of {@code namespace} (null: cluster-scoped or unset) are converted. */
    public boolean includesNamespace(String namespace) {
        if (namespace == null) {
            return true;
        }
        if (excludeNamespaces.contains(namespace)) {
            return false;
        }
        return includeNamespaces.isEmpty() || includeNamespaces.contains(namespace);
    }

    /** Minor version of the target, e.g. 33 for {@code 1.33}. */
    public int targetMinor() {
        String version = targetAksVersion();
        return Integer.parseInt(version.substring(version.indexOf('.') + 1));
    }
}
