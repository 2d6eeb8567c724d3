package io.jenkins.plugins.eks2aks.connect;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.ClusterAccess;
import io.jenkins.plugins.eks2aks.clusters.ClusterAccessOptions;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.standins.EksApiStandIn;
import io.jenkins.plugins.eks2aks.standins.MockCluster;
import io.jenkins.plugins.eks2aks.standins.PagingCrudDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connecting to an EKS cluster (backup, restore, verify-restore, migrate) asks the EKS API for DescribeCluster and
 * nothing else, so a least-privilege role that may only describe the cluster can run those commands; the EKS token
 * is presigned locally. The EKS API stand-in records every request; fabric8's mock API server plays the cluster.
 */
class ClusterConnectorEksTest {

    private final MockCluster cluster = MockCluster.sharedShop();
    private final EksApiStandIn eksApi = new EksApiStandIn("shop-prod");
    private final List<String> log = new ArrayList<>();
    private final ClusterConnector connector = new ClusterConnector(Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_ENDPOINT_URL_EKS", eksApi.uri().toString()),
            null, null, null, Duration.ofSeconds(10), Clock.systemUTC(), e -> log.add(e.toLogLine()));
    private final ClusterAccess shopProd = ClusterAccess.eks("shop-prod", "us-east-1", ClusterAccessOptions.Names.CLI);

    @AfterEach
    void close() {
        eksApi.close();
    }

    @Test
    void connectingCallsDescribeClusterOnlyAndTheApiServerGetsAnEksToken() {
        eksApi.apiServer(cluster.url(), cluster.certificateAuthority());

        try (KubernetesClient client = connector.connect(shopProd)) {
            client.apps().deployments().inNamespace("shop").list(new ListOptionsBuilder().withLimit(7L).build());
        }

        assertEquals(List.of("GET /clusters/shop-prod"), eksApi.requests().stream().map(r -> r.method() + " " + r.path()).toList(),
                "no node groups, add-ons, Fargate profiles, Pod Identity, access entries, versions or insights");
        PagingCrudDispatcher.Seen listed = cluster.dispatcher().seen().stream()
                .filter(s -> s.path().startsWith("/apis/apps/v1/namespaces/shop/deployments") && s.path().contains("limit=7"))
                .reduce((first, last) -> last).orElseThrow();
        assertTrue(listed.authorization().startsWith("Bearer k8s-aws-v1."), "the API server got an EKS token");
        assertEquals(List.of("[connect] EKS cluster shop-prod: API server " + cluster.url()), log);
    }

    @Test
    void aRoleThatMayNotListNodeGroupsStillConnects() {
        eksApi.apiServer(cluster.url(), cluster.certificateAuthority());
        eksApi.deny("/node-groups");

        try (KubernetesClient client = connector.connect(shopProd)) {
            assertEquals(2, client.apps().deployments().inNamespace("shop").list().getItems().size());
        }
    }

    @Test
    void aDeniedDescribeClusterNamesTheOneActionNeeded() {
        eksApi.deny("/clusters/shop-prod");

        MigrationException e = assertThrows(MigrationException.class, () -> connector.connect(shopProd));

        assertEquals("AWS denied DescribeCluster on cluster 'shop-prod' in region 'us-east-1' to the identity from "
                + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY: it needs eks:DescribeCluster (User: arn:aws:iam::123456789012:user/ci "
                + "is not authorized to perform this action)", e.getMessage());
    }
}
