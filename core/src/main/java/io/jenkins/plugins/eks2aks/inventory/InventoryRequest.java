package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;

import java.nio.file.Path;

/**
 * What to inventory and where to write it.
 *
 * @param objects       the cluster's objects (live or a dump)
 * @param controlPlane  what the EKS API said, or null (dumps, kubeconfig-only runs)
 * @param sourceVersion the EKS version when neither the EKS API nor the server says it (dumps), or null
 * @param targetVersion the AKS version to review API removals for, or null for the oldest supported one not older
 *                      than the source
 * @param output        the output directory, replaced as a whole when everything succeeded
 * @param forceOutput   replace {@code output} even when eks2aks did not write it
 * @param frontEnd      how the front end names the commands and steps the findings send the user to (the image copy)
 */
public record InventoryRequest(ObjectSource objects, EksControlPlane controlPlane, String sourceVersion, String targetVersion,
                               Path output, boolean forceOutput, FrontEndNames frontEnd) {

    /** Tests: an output folder eks2aks wrote, or a new or empty one, in the command line's words. */
    public InventoryRequest(ObjectSource objects, EksControlPlane controlPlane, String sourceVersion, String targetVersion,
                            Path output) {
        this(objects, controlPlane, sourceVersion, targetVersion, output, false, FrontEndNames.CLI);
    }
}
