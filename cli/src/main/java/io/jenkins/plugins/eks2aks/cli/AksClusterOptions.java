package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.clusters.ClusterAccessOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options that reach an AKS cluster, spelled as {@code preflight} spells them. */
final class AksClusterOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "A kubeconfig for the AKS cluster (instead of -g/-n).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "With --kubeconfig: the context (default: the current one).")
    String context;

    @Option(names = {"-g", "--resource-group"}, paramLabel = "GROUP", description = "Resource group of the AKS cluster.")
    String resourceGroup;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Name of the AKS cluster: its user kubeconfig comes from Azure "
            + "(AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_TENANT_ID), with an Entra token when the cluster uses Entra ID.")
    String name;

    @Option(names = "--subscription", paramLabel = "ID", description = "Azure subscription of the AKS cluster (default: AZURE_SUBSCRIPTION_ID).")
    String subscription;

    ClusterAccessOptions options() {
        return new ClusterAccessOptions(kubeconfig, context, null, null, resourceGroup, name, subscription);
    }
}
