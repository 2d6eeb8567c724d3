package io.jenkins.plugins.eks2aks.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.kubernetes.KubernetesVersion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the target must offer, from the source inventory and the operator's choices.
 *
 * @param sourceVersion       the EKS version (AKS must not be older), or null when unknown
 * @param needsWorkloadIdentity IRSA or Pod Identity was found
 * @param storageClasses      the AKS storage classes the migrated claims will use
 * @param needsBlob           a claim or a volume needs the Blob CSI driver (S3 Mountpoint, FSx)
 * @param ingressTarget       {@code app-routing}, {@code agc}, {@code agic}, {@code nginx}, or null
 * @param needsIngress        the source has ALB ingresses
 * @param acr                 the ACR that images are pulled from, or null
 * @param veleroNamespace     where Velero runs
 * @param fromInventory       whether an inventory said what the workloads need; without one a "not needed" is unknown
 */
public record PreflightRequirements(KubernetesVersion sourceVersion, boolean needsWorkloadIdentity, Set<String> storageClasses,
                                    boolean needsBlob, String ingressTarget, boolean needsIngress, String acr, String veleroNamespace,
                                    boolean fromInventory) {

    /**
     * Reads an {@code inventory.json}: the version, IRSA/Pod Identity findings (W1, W8), ALB ingresses (N1), and the
     * claims' provisioners mapped to the AKS built-in classes (EBS → managed-csi-premium, EFS → azurefile-csi-premium,
     * S3/FSx → azureblob-fuse-premium).
     */
    public static PreflightRequirements fromInventory(Path inventoryJson, String ingressTarget, String acr, String veleroNamespace) {
        JsonNode inv;
        try {
            inv = new ObjectMapper().readTree(inventoryJson.toFile());
        } catch (IOException e) {
            throw new MigrationException("Cannot read the inventory '" + inventoryJson + "': " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (!inv.path("schema").asText().startsWith("eks2aks.io/inventory/")) {
            throw new MigrationException("'" + inventoryJson + "' is not an eks2aks inventory (no schema eks2aks.io/inventory/…)");
        }
        boolean identity = false;
        boolean ingress = false;
        boolean blob = false;
        for (JsonNode f : inv.path("findings")) {
            String rule = f.path("rule").asText();
            boolean system = "INFO".equals(f.path("severity").asText());
            identity |= !system && (rule.equals("W1") || rule.equals("W8"));
            ingress |= !system && rule.equals("N1");
            // SC13: a class or a volume of the S3 Mountpoint or FSx driver; a static volume's claim names no provisioner.
            blob |= rule.equals("SC13");
        }
        Set<String> classes = new TreeSet<>();
        for (JsonNode c : inv.path("persistentVolumeClaims")) {
            String provisioner = c.path("provisioner").asText();
            if (provisioner.contains("ebs.csi") || provisioner.equals("kubernetes.io/aws-ebs")) {
                classes.add("managed-csi-premium");
            } else if (provisioner.contains("efs.csi")) {
                classes.add("azurefile-csi-premium");
            } else if (provisioner.contains("s3.csi") || provisioner.contains("fsx.csi")) {
                classes.add("azureblob-fuse-premium");
                blob = true;
            }
            String volume = c.path("volume").asText();
            blob |= volume.startsWith("s3.csi") || volume.startsWith("fsx.csi");
        }
        return new PreflightRequirements(KubernetesVersion.parse(inv.path("cluster").path("version").asText(null)).orElse(null),
                identity, classes, blob, ingressTarget, ingress, acr, veleroNamespace, true);
    }

    /** Requirements without an inventory: only what the operator said. */
    public static PreflightRequirements withoutInventory(String sourceVersion, String ingressTarget, String acr, String veleroNamespace) {
        return new PreflightRequirements(KubernetesVersion.parse(sourceVersion).orElse(null), false, Set.of(), false, ingressTarget,
                false, acr, veleroNamespace, false);
    }
}
