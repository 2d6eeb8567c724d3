package io.jenkins.plugins.eks2aks.preflight;

import java.nio.file.Path;

/**
 * What to check and where to write the reports.
 *
 * @param target        how reports name the target, e.g. {@code AKS shop-aks in rg-shop}
 * @param requirements  what the target must offer
 * @param aks           ARM's view of the cluster, or null when not read
 * @param cluster       the Kubernetes API's view, or null without a kubeconfig
 * @param resourceGroup for the fix commands, or null
 * @param name          for the fix commands, or null
 * @param output        the report directory, replaced as a whole
 * @param forceOutput   replace {@code output} even when eks2aks did not write it
 */
public record PreflightRequest(String target, PreflightRequirements requirements, AksFacts aks, ClusterFacts cluster,
                               String resourceGroup, String name, Path output, boolean forceOutput) {

    /** An output folder eks2aks wrote, or a new or empty one. */
    public PreflightRequest(String target, PreflightRequirements requirements, AksFacts aks, ClusterFacts cluster,
                            String resourceGroup, String name, Path output) {
        this(target, requirements, aks, cluster, resourceGroup, name, output, false);
    }
}
