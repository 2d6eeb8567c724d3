package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.clusters.ClusterAccessOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options that reach an EKS cluster, spelled as {@code inventory} spells them. */
final class EksClusterOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "A kubeconfig for the EKS cluster (instead of --cluster).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "With --kubeconfig: the context (default: the current one).")
    String context;

    @Option(names = "--cluster", paramLabel = "NAME", description = "The EKS cluster, reached with an EKS token (AWS settings as every AWS tool reads them).")
    String cluster;

    @Option(names = "--region", paramLabel = "REGION", description = "With --cluster: its AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile).")
    String region;

    ClusterAccessOptions options() {
        return new ClusterAccessOptions(kubeconfig, context, cluster, region, null, null, null);
    }
}
