package io.jenkins.plugins.eks2aks.clusters;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.eks2aks.MigrationException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;

import java.time.Clock;
import java.time.Duration;

/**
 * Where an EKS cluster's Kubernetes API server is and which CA signs it, from DescribeCluster alone: all a backup,
 * a restore or a migration needs to connect, so a least-privilege role with only {@code eks:DescribeCluster} (and
 * an access entry on the cluster) can run them. The inventory reads the rest of the control plane itself.
 *
 * @param name                 the cluster name
 * @param arn                  the cluster ARN (null when EKS gave none)
 * @param endpoint             the API server URL
 * @param certificateAuthority the base64 PEM of the cluster CA
 */
public record EksApiServer(String name, String arn, String endpoint, String certificateAuthority) {

    /** DescribeCluster through {@code aws}'s EKS client (one call). */
    public static EksApiServer describe(AwsSettings aws, String clusterName, Duration timeout) {
        try (EksClient eks = EksClients.create(aws, timeout)) {
            Cluster cluster = new EksApiCalls(eks, aws.region().id(), aws.credentialsSource()).describeCluster(clusterName);
            return of(clusterName, cluster.arn(), cluster.endpoint(),
                    cluster.certificateAuthority() == null ? null : cluster.certificateAuthority().data(), cluster.statusAsString());
        }
    }

    /** The API server EKS gave the cluster; fails while it has none yet (a cluster still CREATING). */
    public static EksApiServer of(String clusterName, String arn, String endpoint, String certificateAuthority, String status) {
        if (endpoint == null || certificateAuthority == null) {
            throw new MigrationException("EKS cluster '" + clusterName + "' has no API endpoint yet (status " + status
                    + "): wait until it is ACTIVE");
        }
        return new EksApiServer(clusterName, arn, endpoint, certificateAuthority);
    }

    /** A Kubernetes client for this API server that trusts the cluster CA and sends EKS tokens, presigned locally. */
    public KubernetesClient connect(AwsSettings aws, Duration timeout, Clock clock) {
        EksTokenSource tokens = new EksTokenSource(new EksTokenGenerator(aws.credentials(), aws.region(), aws.stsEndpoint(), clock),
                name, clock);
        return KubernetesClients.forEks(endpoint, certificateAuthority, tokens, timeout);
    }
}
