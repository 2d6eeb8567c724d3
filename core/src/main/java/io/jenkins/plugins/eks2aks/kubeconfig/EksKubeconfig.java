package io.jenkins.plugins.eks2aks.kubeconfig;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.EksApiServer;
import io.jenkins.plugins.eks2aks.clusters.EksToken;
import io.jenkins.plugins.eks2aks.clusters.EksTokenGenerator;
import io.jenkins.plugins.eks2aks.events.EventSink;

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
        EksApiServer server = EksApiServer.describe(aws, clusterName, timeout);
        EksToken token = token(aws, clusterName, clock);
        String name = server.arn() != null ? server.arn() : clusterName;
        String yaml = KubeconfigYaml.forToken(name, server.endpoint(), server.certificateAuthority(), token.value());
        events.info("kubeconfig", "EKS cluster " + clusterName + " (" + server.endpoint() + "): token valid until " + token.expiresAt());
        return new Kubeconfig(yaml, token.value(), List.of(token.value()), token.expiresAt());
    }

    /** A new EKS token for the cluster (what {@code aws eks get-token} prints), to renew a kubeconfig's before it expires. */
    public static EksToken token(AwsSettings aws, String clusterName, Clock clock) {
        return new EksTokenGenerator(aws.credentials(), aws.region(), aws.stsEndpoint(), clock).generate(clusterName);
    }
}
