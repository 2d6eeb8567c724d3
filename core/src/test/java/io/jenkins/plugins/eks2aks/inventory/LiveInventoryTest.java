package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.KubernetesClients;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.standins.EksApiStandIn;
import io.jenkins.plugins.eks2aks.standins.MockCluster;
import io.jenkins.plugins.eks2aks.standins.PagingCrudDispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live mode end to end: the EKS API stand-in says where the API server is and which CA signs it; fabric8's mock API
 * server (HTTPS, CRUD, paginating) holds the bundled cluster; the inventory authenticates with EKS tokens.
 */
class LiveInventoryTest {

    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKENv3ry5ecret";
    private static final ObjectMapper JSON = new ObjectMapper();

    static MockCluster cluster;
    static EksApiStandIn eksApi;

    @BeforeAll
    static void start() {
        cluster = MockCluster.sharedShop();
        eksApi = new EksApiStandIn("shop-prod");
        eksApi.apiServer(cluster.url(), cluster.certificateAuthority());
    }

    @AfterAll
    static void stop() {
        eksApi.close();
    }

    private static Map<String, String> env() {
        return Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", SECRET_KEY, "AWS_SESSION_TOKEN", SESSION_TOKEN,
                "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_EKS", eksApi.uri().toString());
    }

    @Test
    void inventoriesTheLiveClusterWithEksTokensTheClusterCaAndPagedLists(@TempDir Path out) throws IOException {
        List<String> log = new ArrayList<>();
        EventSink events = e -> log.add(e.toLogLine());
        AwsSettings aws = AwsSettings.resolve(env(), null, null, null, "--region");
        InventorySummary summary;
        try (EksConnection eks = EksConnection.open(aws, "shop-prod", Duration.ofSeconds(10), OfflineInventoryTest.NOV_2026, events)) {
            LiveObjects objects = new LiveObjects(eks.kubernetes(), "EKS cluster shop-prod", 2, events);
            summary = new EksInventory(events, OfflineInventoryTest.NOV_2026).run(new InventoryRequest(objects, eks.controlPlane(), null, null, out));
        }

        JsonNode inv = JSON.readTree(summary.inventoryJson().toFile());
        assertEquals("1.29", inv.path("cluster").path("version").asText());
        assertEquals("EKS 1.29: past the end of extended support (2026-03-23); EKS upgrades it automatically",
                inv.path("cluster").path("supportStatus").asText());
        assertEquals(3, inv.path("nodePools").size());
        assertEquals("Standard_D2s_v5", inv.path("nodePools").get(0).path("vmSize").asText());
        assertEquals("Spot", inv.path("nodePools").get(1).path("scaleSetPriority").asText());
        assertEquals("HIGH", OfflineInventoryTest.finding(inv, "W8", "shop-api").path("severity").asText(), "Pod Identity association");
        assertEquals("HIGH", OfflineInventoryTest.finding(inv, "KP2", "gpu-custom").path("severity").asText(), "custom AMI");
        assertEquals(2, inv.path("eks").path("accessEntries").size());
        assertTrue(inv.path("compute").get(0).asText().startsWith("Fargate (1 profiles"));
        assertEquals(5, summary.ecrImages(), "the same workload images as the dump");
        assertEquals(2, inv.path("counts").path("Deployment").path("shop").asInt());
        assertEquals("HIGH", OfflineInventoryTest.finding(inv, "K1", "shop-api-secrets").path("severity").asText(),
                "custom resources are listed when discovery says their group is served");
        assertTrue(inv.path("servedApiVersions").toString().contains("secrets-store.csi.x-k8s.io/v1"));
        assertTrue(StreamSupportHelper.texts(inv.path("apiUsages"), "source").contains("EKS upgrade insight"));

        List<PagingCrudDispatcher.Seen> seen = cluster.dispatcher().seen();
        List<String> deploymentPages = seen.stream().map(PagingCrudDispatcher.Seen::path)
                .filter(p -> p.startsWith("/apis/apps/v1/deployments") && p.contains("limit=2")).toList();
        assertEquals(3, deploymentPages.size(), "5 deployments, 2 per page: " + deploymentPages);
        assertTrue(deploymentPages.get(1).contains("continue=offset-2"), deploymentPages.toString());
        String bearer = seen.stream().filter(s -> s.path().startsWith("/apis/apps/v1/deployments") && s.path().contains("limit=2"))
                .findFirst().orElseThrow().authorization();
        assertTrue(bearer.startsWith("Bearer k8s-aws-v1."), "the API server got an EKS token");
        String presigned = new String(Base64.getUrlDecoder().decode(bearer.substring("Bearer k8s-aws-v1.".length())), StandardCharsets.UTF_8);
        assertTrue(presigned.startsWith("https://sts.us-east-1.amazonaws.com/?Action=GetCallerIdentity"), presigned);
        assertTrue(log.stream().anyMatch(l -> l.equals("[inventory] Listed 5 apps/v1 Deployment in 3 page(s)")), log.toString());

        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                assertFalse(text.contains(SECRET_KEY) || text.contains(SESSION_TOKEN) || text.contains("k8s-aws-v1."), file + " holds a secret");
            }
        }
        assertTrue(log.stream().noneMatch(l -> l.contains(SECRET_KEY) || l.contains(SESSION_TOKEN) || l.contains("k8s-aws-v1.")));
    }

    @Test
    void aKubeconfigIsEnoughForTheKubernetesSide(@TempDir Path tmp) throws IOException {
        Path kubeconfig = cluster.writeKubeconfig(tmp.resolve("kubeconfig"), "static-test-token");
        InventorySummary summary;
        try (KubernetesClient client = KubernetesClients.fromKubeconfig(kubeconfig, null, Duration.ofSeconds(10))) {
            summary = new EksInventory(EventSink.NONE, OfflineInventoryTest.NOV_2026).run(new InventoryRequest(
                    new LiveObjects(client, "kubeconfig", 500, EventSink.NONE), null, "1.29", null, tmp.resolve("out")));
        }

        assertEquals(5, summary.ecrImages());
        assertEquals(0, summary.nodePools(), "no EKS API and no Node objects: no node-pool plan");
    }

    @Test
    void anUnreachableApiServerIsNamedInTheError(@TempDir Path tmp) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        KubernetesClient client = KubernetesClients.forEks("https://127.0.0.1:" + port, cluster.certificateAuthority(),
                () -> "token", Duration.ofSeconds(2));

        MigrationException e = assertThrows(MigrationException.class, () -> new EksInventory(EventSink.NONE, OfflineInventoryTest.NOV_2026)
                .run(new InventoryRequest(new LiveObjects(client, "x", 500, EventSink.NONE), null, "1.29", null, tmp.resolve("out"))));

        assertTrue(e.getMessage().startsWith("Cannot reach the Kubernetes API server https://127.0.0.1:" + port), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")));
        client.close();
    }

    @Test
    void anApiServerThatNeverAnswersTimesOutNamingTheEndpoint(@TempDir Path tmp) throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String url = "https://127.0.0.1:" + silent.getLocalPort();
            KubernetesClient client = KubernetesClients.forEks(url, cluster.certificateAuthority(), () -> "token", Duration.ofSeconds(1));

            long start = System.nanoTime();
            MigrationException e = assertThrows(MigrationException.class, () -> new EksInventory(EventSink.NONE, OfflineInventoryTest.NOV_2026)
                    .run(new InventoryRequest(new LiveObjects(client, "x", 500, EventSink.NONE), null, "1.29", null, tmp.resolve("out"))));

            assertTrue(e.getMessage().startsWith("The Kubernetes API server " + url + "/ did not answer in time"), e.getMessage());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "bounded by the timeout, not retried for ever");
            client.close();
        }
    }

    /** Small helper to collect one text field of every element. */
    static final class StreamSupportHelper {
        static List<String> texts(JsonNode array, String field) {
            List<String> out = new ArrayList<>();
            array.forEach(n -> out.add(n.path(field).asText()));
            return out;
        }
    }
}
