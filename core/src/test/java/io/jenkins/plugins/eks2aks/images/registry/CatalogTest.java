package io.jenkins.plugins.eks2aks.images.registry;

import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.auth.RegistryCredentials;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistry;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistryExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing repositories and tags of a real token-auth registry, two entries a page so every listing pages. */
class CatalogTest {

    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = DockerRegistryExtension.tokenAuth();

    private static final Runnable NO_RETRY = () -> { };
    private static final List<String> REPOSITORIES = List.of("shop/web", "shop/cart", "shop/api", "tools/debug", "web");

    static RegistryHttp http() {
        DockerRegistry r = REGISTRY.get();
        return new RegistryHttp(r.hostPort(), true, new UrlConnectionTransport(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                CredentialsProvider.perHost(Map.of(r.hostPort(), new RegistryCredentials(r.username(), r.password()))),
                RetryPolicy.DEFAULT, Clock.systemUTC());
    }

    @BeforeAll
    static void push() throws Exception {
        Registry registry = new Registry(http());
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        String configDigest = Digests.sha256(config);
        for (String repository : REPOSITORIES) {
            String location = registry.uploads().start(repository, NO_RETRY);
            registry.uploads().putMonolithic(repository, location, configDigest, config.length, new ByteArrayInputStream(config), NO_RETRY);
            for (String tag : List.of("1.0", "1.1", "2.0")) {
                byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                        + "\",\"size\":" + config.length + "},\"layers\":[],\"annotations\":{\"tag\":\"" + tag + "\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                registry.manifests().put(repository, tag, new ManifestContent(MediaTypes.OCI_MANIFEST, Digests.sha256(manifest), manifest),
                        NO_RETRY);
            }
        }
    }

    @Test
    void listsEveryRepositoryAcrossPages() throws Exception {
        List<String> repositories = new Catalog(http(), 2).repositories(NO_RETRY);
        List<String> expected = new ArrayList<>(REPOSITORIES);
        expected.sort(null);
        assertEquals(expected, repositories);
    }

    @Test
    void listsEveryTagAcrossPagesAndNothingForAnUnknownRepository() throws Exception {
        Catalog catalog = new Catalog(http(), 2);
        assertEquals(List.of("1.0", "1.1", "2.0"), catalog.tags("shop/cart", NO_RETRY).orElseThrow());
        assertEquals(Optional.empty(), catalog.tags("shop/missing", NO_RETRY));
    }

    @Test
    void theNextPageComesFromTheLinkHeader() {
        assertEquals("/v2/_catalog?last=shop%2Fweb&n=2", Links.next("</v2/_catalog?last=shop%2Fweb&n=2>; rel=\"next\""));
        assertEquals("/v2/a/tags/list?n=2&last=1.1", Links.next("<https://r.example/v2/a/tags/list?n=2&last=1.1>;rel=next"));
        assertNull(Links.next("</v2/_catalog?n=2>; rel=\"prev\""));
    }

    @Test
    void wrongCredentialsFailWithTheHost() {
        DockerRegistry r = REGISTRY.get();
        RegistryHttp wrong = new RegistryHttp(r.hostPort(), true, new UrlConnectionTransport(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                CredentialsProvider.perHost(Map.of(r.hostPort(), new RegistryCredentials(r.username(), "wrong"))),
                RetryPolicy.DEFAULT, Clock.systemUTC());
        RegistryException e = assertThrows(RegistryException.class, () -> new Catalog(wrong, 2).repositories(NO_RETRY));
        assertTrue(e.getMessage().contains(r.hostPort()), e.getMessage());
        assertTrue(!e.getMessage().contains("wrong"), "no secret in the message: " + e.getMessage());
    }
}
