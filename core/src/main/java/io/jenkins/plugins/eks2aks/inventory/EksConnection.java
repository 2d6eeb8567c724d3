package io.jenkins.plugins.eks2aks.inventory;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.EksApiServer;
import io.jenkins.plugins.eks2aks.clusters.EksClients;
import io.jenkins.plugins.eks2aks.events.EventSink;
import software.amazon.awssdk.services.eks.EksClient;

import java.time.Clock;
import java.time.Duration;

/**
 * A live EKS cluster for the inventory: what the whole EKS control plane says about it (node groups, add-ons,
 * insights, ...), and a Kubernetes client for its API server that trusts the cluster's own CA and authenticates with
 * refreshed EKS tokens. Close it to close the Kubernetes client. Commands that only connect use
 * {@link EksApiServer} (DescribeCluster alone) instead.
 *
 * @param controlPlane the EKS API's view
 * @param kubernetes   the API server client
 */
public record EksConnection(EksControlPlane controlPlane, KubernetesClient kubernetes) implements AutoCloseable {

    public static EksConnection open(AwsSettings aws, String clusterName, Duration timeout, Clock clock, EventSink events) {
        EksControlPlane cp;
        try (EksClient eks = EksClients.create(aws, timeout)) {
            cp = new EksApiReader(eks, aws.region().id(), aws.credentialsSource(), events).read(clusterName);
        }
        EksApiServer server = EksApiServer.of(clusterName, cp.arn(), cp.endpoint(), cp.certificateAuthority(), cp.status());
        return new EksConnection(cp, server.connect(aws, timeout, clock));
    }

    /** The cluster's objects, read page by page. */
    public LiveObjects objects(EventSink events) {
        return new LiveObjects(kubernetes, "EKS cluster " + controlPlane.name() + " (" + controlPlane.endpoint() + ")",
                LiveObjects.DEFAULT_PAGE_SIZE, events);
    }

    @Override
    public void close() {
        kubernetes.close();
    }
}
