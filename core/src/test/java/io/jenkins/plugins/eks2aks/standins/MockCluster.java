package io.jenkins.plugins.eks2aks.standins;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;

/**
 * A Kubernetes API server for tests: fabric8's mock server in CRUD mode over HTTPS with its own self-signed
 * certificate, paginating lists (see {@link PagingCrudDispatcher}). Load it with a cluster dump, then point the
 * code under test at {@link #url()} trusting {@link #certificateAuthority()}, or at a kubeconfig.
 */
public final class MockCluster implements AutoCloseable {

    /** Held so the setting sticks: the mock server logs every request at INFO. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final KubernetesMockServer server;
    private final PagingCrudDispatcher dispatcher = new PagingCrudDispatcher();
    private final KubernetesClient admin;

    public MockCluster() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, true);
        server.init(InetAddress.getLoopbackAddress(), 0);
        admin = server.createClient();
    }

    /** A client with full access (trusting the mock's certificate), for loading and inspecting. */
    public KubernetesClient admin() {
        return admin;
    }

    public PagingCrudDispatcher dispatcher() {
        return dispatcher;
    }

    /** {@code https://localhost:PORT}: the certificate names localhost. */
    public String url() {
        return "https://localhost:" + server.getPort();
    }

    /** The server certificate as base64 PEM, as EKS returns {@code certificateAuthority.data} and kubeconfigs hold it. */
    public String certificateAuthority() {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(server.getSelfSignedCertificate().certificatePath())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockCluster shop;

    /**
     * One cluster per test JVM holding the bundled example's dump (as EKS serves it, with discovery): starting and
     * loading a mock server takes seconds, so read-only tests share it. Never closed; the JVM's exit ends it.
     */
    public static synchronized MockCluster sharedShop() {
        if (shop == null) {
            Path dump = io.jenkins.plugins.eks2aks.testservers.TestServerInstall.repositoryRoot().resolve("examples/eks-sample/cluster-dump");
            shop = new MockCluster().load(List.of(dump.resolve("config.yaml"), dump.resolve("network.yaml"), dump.resolve("workloads.yaml")));
            shop.dispatcher().discovery(EKS_GROUPS);
        }
        return shop;
    }

    /** The API groups a 1.29 cluster with the Secrets Store CSI driver serves, for discovery. */
    public static final List<String> EKS_GROUPS = List.of("apps/v1", "batch/v1", "autoscaling/v2", "policy/v1", "networking.k8s.io/v1",
            "storage.k8s.io/v1", "apiextensions.k8s.io/v1", "secrets-store.csi.x-k8s.io/v1");

    /** Creates every object of these dump files (kubectl get -o yaml lists). */
    public MockCluster load(List<Path> dumpFiles) {
        for (Path file : dumpFiles) {
            KubernetesList list;
            try (InputStream in = Files.newInputStream(file)) {
                list = Serialization.unmarshal(in, KubernetesList.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (HasMetadata item : list.getItems()) {
                item.getMetadata().setResourceVersion(null);
                if (item instanceof GenericKubernetesResource custom) {
                    // A custom kind: the mock has no discovery for it, so say where it lives.
                    String kind = custom.getKind().toLowerCase(java.util.Locale.ROOT);
                    String group = custom.getApiVersion().contains("/") ? custom.getApiVersion().substring(0, custom.getApiVersion().indexOf('/')) : "";
                    ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(group)
                            .withVersion(custom.getApiVersion().substring(custom.getApiVersion().indexOf('/') + 1)).withKind(custom.getKind())
                            .withPlural(kind.endsWith("s") ? kind + "es" : kind + "s").withNamespaced(custom.getMetadata().getNamespace() != null).build();
                    var resources = admin.genericKubernetesResources(context);
                    (custom.getMetadata().getNamespace() == null ? resources.resource(custom)
                            : resources.inNamespace(custom.getMetadata().getNamespace()).resource(custom)).create();
                } else {
                    admin.resource(item).create();
                }
            }
        }
        return this;
    }

    /** A kubeconfig for this server: CA data and a static bearer token. */
    public Path writeKubeconfig(Path file, String token) {
        String text = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: tester
                  user:
                    token: %s
                contexts:
                - name: mock
                  context: {cluster: mock, user: tester, namespace: default}
                current-context: mock
                """.formatted(url(), certificateAuthority(), token);
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
        server.destroy();
    }
}
