package io.jenkins.plugins.eks2aks.clusters;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.nio.file.Path;

/**
 * How a command reaches a cluster, as the CLI options and the step parameters give it: a kubeconfig (with a
 * context), an EKS cluster by name and region (EKS token, as {@code inventory} reads it), or an AKS cluster by
 * resource group and name (its user kubeconfig from Azure Resource Manager, as {@code preflight} reads it). Both
 * edges read them the same way; only the names they show differ.
 *
 * @param kubeconfig    a kubeconfig file, or null
 * @param context       with {@code kubeconfig}: the context, or null for the current one
 * @param eksCluster    the EKS cluster's name, or null
 * @param region        with {@code eksCluster}: the AWS region, or null for the environment's
 * @param resourceGroup the AKS cluster's resource group, or null
 * @param aksName       the AKS cluster's name, or null
 * @param subscription  with {@code aksName}: the subscription, or null for the environment's
 */
public record ClusterAccessOptions(Path kubeconfig, String context, String eksCluster, String region,
                                   String resourceGroup, String aksName, String subscription) {

    /** What the edge calls each option, for its messages: {@code --kubeconfig} on the command line, {@code kubeconfig} in a step. */
    public record Names(String kubeconfig, String context, String eksCluster, String region, String resourceGroup,
                        String aksName, String subscription) {

        /** The command line's spellings, shared by every command that reaches a cluster. */
        public static final Names CLI = new Names("--kubeconfig", "--context", "--cluster", "--region", "--resource-group",
                "--name", "--subscription");
    }

    /** Which cluster a command may reach. */
    public enum Side { EKS, AKS, ANY }

    /**
     * The validated access.
     *
     * @param side which kinds of cluster the command accepts: EKS commands take no AKS options and the reverse
     * @throws MigrationException one line naming the option, in {@code names}' words
     */
    public ClusterAccess access(Names names, Side side) {
        if (context != null && kubeconfig == null) {
            throw new MigrationException(names.context() + " chooses a context of the " + names.kubeconfig() + " file: give " + names.kubeconfig());
        }
        if (region != null && eksCluster == null) {
            throw new MigrationException(names.region() + " is the region of the EKS cluster: give " + names.eksCluster() + " too");
        }
        if ((resourceGroup == null) != (aksName == null) && side != Side.EKS) {
            throw new MigrationException("Give both " + names.resourceGroup() + " and " + names.aksName() + " to reach the AKS cluster through Azure, or neither");
        }
        if (subscription != null && aksName == null && side == Side.AKS) {
            throw new MigrationException(names.subscription() + " is the AKS cluster's subscription: give " + names.resourceGroup()
                    + " and " + names.aksName() + " too");
        }
        int given = (kubeconfig != null ? 1 : 0) + (eksCluster != null ? 1 : 0) + (aksName != null ? 1 : 0);
        if (given > 1) {
            throw new MigrationException("Give one way to reach the cluster: " + names.kubeconfig() + " FILE"
                    + (side != Side.AKS ? ", or " + names.eksCluster() + " NAME" : "")
                    + (side != Side.EKS ? ", or " + names.resourceGroup() + " GROUP with " + names.aksName() + " NAME" : ""));
        }
        if (side == Side.AKS && eksCluster != null) {
            throw new MigrationException(names.eksCluster() + " names an EKS cluster; this command works on AKS: give "
                    + names.kubeconfig() + " or " + names.resourceGroup() + " with " + names.aksName());
        }
        if (side == Side.EKS && aksName != null) {
            throw new MigrationException(names.aksName() + " names an AKS cluster; this command works on EKS: give "
                    + names.kubeconfig() + " or " + names.eksCluster() + " with " + names.region());
        }
        if (kubeconfig != null) {
            return ClusterAccess.kubeconfig(kubeconfig, context, names);
        }
        if (eksCluster != null) {
            return ClusterAccess.eks(eksCluster, region, names);
        }
        if (aksName != null) {
            return ClusterAccess.aks(resourceGroup, aksName, subscription, names);
        }
        throw new MigrationException("No cluster: give " + names.kubeconfig() + " FILE"
                + (side != Side.AKS ? ", or " + names.eksCluster() + " NAME [" + names.region() + " R]" : "")
                + (side != Side.EKS ? ", or " + names.resourceGroup() + " GROUP " + names.aksName() + " NAME" : ""));
    }
}
