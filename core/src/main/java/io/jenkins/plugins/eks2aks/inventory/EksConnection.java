package io.jenkins.plugins.eks2aks.inventory;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.EksClients;
import io.jenkins.plugins.eks2aks.clusters.EksTokenGenerator;
import io.jenkins.plugins.eks2aks.clusters.EksTokenSource;
import io.jenkins.plugins.eks2aks.clusters.KubernetesClients;
import io.jenkins.plugins.eks2aks.events.EventSink;
import software.amazon.awssdk.services.eks.EksClient;

import java.time.Clock;
import java.time.Duration;

/**
 * A live EKS cluster: what the EKS API says about it, and a Kubernetes client for its API server that trusts the
 * cluster's own CA and authenticates with refreshed EKS tokens. Close it to close the Kubernetes client.
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
        if (cp.endpoint() == null || cp.certificateAuthority() == null) {
            throw new MigrationException("EKS cluster '" + clusterName + "' has no API endpoint yet (status " + cp.status() + ")");
        }
        EksTokenSource tokens = new EksTokenSource(new EksTokenGenerator(aws.credentials(), aws.region(), aws.stsEndpoint(), clock),
                clusterName, clock);
        return new EksConnection(cp, KubernetesClients.forEks(cp.endpoint(), cp.certificateAuthority(), tokens, timeout));
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
