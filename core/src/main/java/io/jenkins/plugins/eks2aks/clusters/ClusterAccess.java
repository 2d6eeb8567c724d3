package io.jenkins.plugins.eks2aks.clusters;

import java.nio.file.Path;

/**
 * One validated way to reach a cluster (see {@link ClusterAccessOptions});
 * {@link io.jenkins.plugins.eks2aks.connect.ClusterConnector} turns it into a client. Exactly one of the three groups
 * of fields is set.
 *
 * @param kubeconfig    a kubeconfig file
 * @param context       its context, or null
 * @param eksCluster    an EKS cluster's name
 * @param region        its region, or null
 * @param resourceGroup an AKS cluster's resource group
 * @param aksName       its name
 * @param subscription  its subscription, or null
 * @param names         how the front end spells the options, for the message when the region or the
 *                      subscription is found nowhere
 */
public record ClusterAccess(Path kubeconfig, String context, String eksCluster, String region, String resourceGroup,
                            String aksName, String subscription, ClusterAccessOptions.Names names) {

    public static ClusterAccess kubeconfig(Path file, String context, ClusterAccessOptions.Names names) {
        return new ClusterAccess(file, context, null, null, null, null, null, names);
    }

    public static ClusterAccess eks(String cluster, String region, ClusterAccessOptions.Names names) {
        return new ClusterAccess(null, null, cluster, region, null, null, null, names);
    }

    public static ClusterAccess aks(String resourceGroup, String name, String subscription, ClusterAccessOptions.Names names) {
        return new ClusterAccess(null, null, null, null, resourceGroup, name, subscription, names);
    }

    /** How logs and reports name the cluster, e.g. {@code EKS cluster shop-prod} or {@code kubeconfig k.yaml context a}. */
    public String describe() {
        if (kubeconfig != null) {
            return "kubeconfig " + kubeconfig + (context == null ? "" : " context " + context);
        }
        if (eksCluster != null) {
            return "EKS cluster " + eksCluster + (region == null ? "" : " in " + region);
        }
        return "AKS cluster " + aksName + " in " + resourceGroup;
    }
}
