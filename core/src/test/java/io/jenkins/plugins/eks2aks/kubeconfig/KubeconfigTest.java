package io.jenkins.plugins.eks2aks.kubeconfig;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AksClients;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;
import io.jenkins.plugins.eks2aks.clusters.KubernetesClients;
import io.jenkins.plugins.eks2aks.credentials.SecretMask;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.standins.ArmAksStandIn;
import io.jenkins.plugins.eks2aks.standins.EksApiStandIn;
import io.jenkins.plugins.eks2aks.standins.MockCluster;
import io.jenkins.plugins.eks2aks.standins.PagingCrudDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kubeconfigs made from the cloud APIs' stand-ins, read back by fabric8 the way kubectl reads them: the EKS one
 * against a mock API server that records the bearer token it received.
 */
class KubeconfigTest {

    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void anEksKubeconfigReachesTheClusterWithAnEksTokenAndTrustsOnlyItsCa(@TempDir Path tmp) throws Exception {
        MockCluster cluster = MockCluster.sharedShop();
        try (EksApiStandIn eksApi = new EksApiStandIn("shop-prod")) {
            eksApi.apiServer(cluster.url(), cluster.certificateAuthority());
            AwsSettings aws = AwsSettings.resolve(Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
                    "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_EKS", eksApi.uri().toString()), null, null, null, "--region");

            Kubeconfig kubeconfig = EksKubeconfig.create(aws, "shop-prod", TIMEOUT, Clock.systemUTC(), EventSink.NONE);

            assertTrue(kubeconfig.token().startsWith("k8s-aws-v1."));
            assertEquals(List.of(kubeconfig.token()), kubeconfig.secrets());
            assertFalse(kubeconfig.yaml().contains(SECRET_KEY), "the file holds a token, never the keys");
            assertFalse(kubeconfig.toString().contains("k8s-aws-v1"));
            Path file = Files.writeString(tmp.resolve("kubeconfig"), kubeconfig.yaml());
            Config config = Config.fromKubeconfig(null, kubeconfig.yaml(), file.toString());
            assertEquals(cluster.url().replaceAll("/$", ""), config.getMasterUrl().replaceAll("/$", ""));
            assertEquals(cluster.certificateAuthority(), config.getCaCertData());
            try (KubernetesClient client = KubernetesClients.fromKubeconfig(file, null, TIMEOUT)) {
                assertFalse(client.namespaces().list().getItems().isEmpty());
            }
            String bearer = cluster.dispatcher().seen().stream().map(PagingCrudDispatcher.Seen::authorization)
                    .filter(a -> a != null && a.startsWith("Bearer ")).reduce((a, b) -> b).orElseThrow();
            assertEquals("Bearer " + kubeconfig.token(), bearer);
            assertEquals("Bearer ****", SecretMask.of(kubeconfig.secrets()).mask(bearer));
        }
    }

    @Test
    void anUnknownEksClusterFailsNamingItAndTheRegion() {
        try (EksApiStandIn eksApi = new EksApiStandIn("shop-prod")) {
            AwsSettings aws = AwsSettings.resolve(Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
                    "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_EKS", eksApi.uri().toString()), null, null, null, "--region");
            MigrationException e = assertThrows(MigrationException.class,
                    () -> EksKubeconfig.create(aws, "nope", TIMEOUT, Clock.systemUTC(), EventSink.NONE));
            assertTrue(e.getMessage().startsWith("EKS cluster 'nope' was not found in region 'us-east-1'"), e.getMessage());
        }
    }

    /** An Entra credential that records the scopes it is asked for. */
    static final class Entra implements TokenCredential {
        final List<String> scopes = new CopyOnWriteArrayList<>();
        final String token;

        Entra(String token) {
            this.token = token;
        }

        @Override
        public Mono<AccessToken> getToken(com.azure.core.credential.TokenRequestContext request) {
            scopes.addAll(request.getScopes());
            return Mono.just(new AccessToken(token, OffsetDateTime.parse("2026-12-05T10:00:00Z")));
        }
    }

    private static AksKubeconfig aks(ArmAksStandIn arm, Entra entra) {
        AzureSettings settings = new AzureSettings(entra, "a test credential", "00000000-0000-0000-0000-000000000001", arm.uri());
        return new AksKubeconfig(AksClients.containerService(settings, arm.httpClient()), entra, settings.credentialSource(), TIMEOUT);
    }

    @Test
    void anEntraIntegratedAksClusterGetsAnEntraTokenForTheAksServerAppInsteadOfKubelogin() {
        Entra entra = new Entra("entra-token-for-the-aks-server-app");
        try (ArmAksStandIn arm = new ArmAksStandIn("rg-shop", "shop-aks")) {
            arm.access(true, false);

            Kubeconfig kubeconfig = aks(arm, entra).create("rg-shop", "shop-aks", false, EventSink.NONE);

            assertTrue(entra.scopes.contains(AksKubeconfig.AKS_SERVER_APP_ID + "/.default"), entra.scopes.toString());
            assertEquals("entra-token-for-the-aks-server-app", kubeconfig.token());
            assertEquals(List.of("entra-token-for-the-aks-server-app"), kubeconfig.secrets());
            assertFalse(kubeconfig.yaml().contains("kubelogin"), kubeconfig.yaml());
            Config config = Config.fromKubeconfig(null, kubeconfig.yaml(), null);
            assertEquals("https://shop-aks-6c1f2b.hcp.eastus.azmk8s.io:443", config.getMasterUrl().replaceAll("/$", ""));
            assertEquals("entra-token-for-the-aks-server-app", config.getAutoOAuthToken());
            assertEquals("2026-12-05T10:00:00Z", String.valueOf(kubeconfig.expiresAt()));

            MigrationException e = assertThrows(MigrationException.class, () -> aks(arm, entra).create("rg-shop", "shop-aks", true, EventSink.NONE));
            assertTrue(e.getMessage().contains("disable local accounts"), e.getMessage());
        }
    }

    @Test
    void adminCredentialsOnlyWhenAskedAndTheirKeyAndTokenAreListedAsSecrets() {
        Entra entra = new Entra("unused");
        try (ArmAksStandIn arm = new ArmAksStandIn("rg-shop", "shop-aks")) {
            Kubeconfig kubeconfig = aks(arm, entra).create("rg-shop", "shop-aks", true, EventSink.NONE);

            assertFalse(entra.scopes.contains(AksKubeconfig.AKS_SERVER_APP_ID + "/.default"), "no Entra token for a local account");
            assertEquals(ArmAksStandIn.LOCAL_TOKEN, kubeconfig.token());
            assertEquals(List.of(ArmAksStandIn.LOCAL_TOKEN, ArmAksStandIn.CLIENT_KEY_DATA), kubeconfig.secrets());
            assertNull(kubeconfig.expiresAt());
            assertTrue(kubeconfig.yaml().contains("clusterAdmin_rg-shop_shop-aks"), kubeconfig.yaml());

            MigrationException e = assertThrows(MigrationException.class, () -> aks(arm, entra).create("rg-shop", "other", false, EventSink.NONE));
            assertTrue(e.getMessage().startsWith("AKS cluster 'other' was not found in resource group 'rg-shop'"), e.getMessage());
        }
    }
}
