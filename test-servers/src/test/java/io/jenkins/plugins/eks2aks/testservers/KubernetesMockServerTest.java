package io.jenkins.plugins.eks2aks.testservers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fabric8's mock API server in CRUD mode, loaded with the bundled EKS cluster dump, stands in for a cluster. */
@EnableKubernetesMockClient(crud = true)
class KubernetesMockServerTest {

    static KubernetesClient client;

    @Test
    void theBundledClusterDumpCanBeLoadedAndListedBack() throws IOException {
        Path dump = TestServerInstall.repositoryRoot().resolve("examples/eks-sample/cluster-dump/workloads.yaml");
        KubernetesList list;
        try (InputStream in = Files.newInputStream(dump)) {
            list = Serialization.unmarshal(in, KubernetesList.class);
        }
        for (HasMetadata item : list.getItems()) {
            item.getMetadata().setResourceVersion(null);
            client.resource(item).create();
        }

        List<String> shopDeployments = client.apps().deployments().inNamespace("shop").list().getItems().stream()
                .map(d -> d.getMetadata().getName()).sorted().toList();
        assertEquals(List.of("api", "web"), shopDeployments);
        Deployment web = client.apps().deployments().inNamespace("shop").withName("web").get();
        assertTrue(web.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().contains(".dkr.ecr."));
        assertEquals("0 2 * * *", client.batch().v1().cronjobs().inNamespace("shop").withName("nightly-report").get()
                .getSpec().getSchedule());
    }
}
