package io.jenkins.plugins.eks2aks.kubeconfig;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.EksClients;
import io.jenkins.plugins.eks2aks.clusters.EksToken;
import io.jenkins.plugins.eks2aks.clusters.EksTokenGenerator;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.inventory.EksApiReader;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The kubeconfig {@code aws eks update-kubeconfig} would write, with the token {@code aws eks get-token} would make
 * inlined, so no AWS CLI is needed where it is used: the endpoint and CA from DescribeCluster, an EKS token presigned
 * with the given credentials. The token lasts 14 minutes; a longer job makes a new file.
 */
public final class EksKubeconfig {

    private EksKubeconfig() {
    }

    public static Kubeconfig create(AwsSettings aws, String clusterName, Duration timeout, Clock clock, EventSink events) {
        if (clusterName == null || clusterName.isBlank()) {
            throw new MigrationException("No EKS cluster name given");
        }
        Cluster cluster;
        try (EksClient eks = EksClients.create(aws, timeout)) {
            cluster = new EksApiReader(eks, aws.region().id(), aws.credentialsSource(), events).describe(clusterName);
        }
        if (cluster.endpoint() == null || cluster.certificateAuthority() == null || cluster.certificateAuthority().data() == null) {
            throw new MigrationException("EKS cluster '" + clusterName + "' has no API endpoint yet (status "
                    + cluster.statusAsString() + "): wait until it is ACTIVE");
        }
        EksToken token = token(aws, clusterName, clock);
        String name = cluster.arn() != null ? cluster.arn() : clusterName;
        String yaml = KubeconfigYaml.forToken(name, cluster.endpoint(), cluster.certificateAuthority().data(), token.value());
        events.info("kubeconfig", "EKS cluster " + clusterName + " (" + cluster.endpoint() + "): token valid until " + token.expiresAt());
        return new Kubeconfig(yaml, token.value(), List.of(token.value()), token.expiresAt());
    }

    /** A new EKS token for the cluster (what {@code aws eks get-token} prints), to renew a kubeconfig's before it expires. */
    public static EksToken token(AwsSettings aws, String clusterName, Clock clock) {
        return new EksTokenGenerator(aws.credentials(), aws.region(), aws.stsEndpoint(), clock).generate(clusterName);
    }
}
