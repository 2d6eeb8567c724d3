package io.jenkins.plugins.eks2aks.standins;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.KubernetesClient;
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

    private final KubernetesMockServer server;
    private final PagingCrudDispatcher dispatcher = new PagingCrudDispatcher();
    private final KubernetesClient admin;

    public MockCluster() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, true);
        try {
            server.init(InetAddress.getLoopbackAddress(), 0);
        } catch (RuntimeException e) {
            throw e;
        }
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
                admin.resource(item).create();
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
