package io.jenkins.plugins.eks2aks.velero;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.connect.ClusterConnector;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.velero.verify.VerifyCheck;
import io.jenkins.plugins.eks2aks.velero.verify.VerifyOptions;
import io.jenkins.plugins.eks2aks.velero.verify.VerifyRestore;
import io.jenkins.plugins.eks2aks.velero.verify.VerifyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** verify-restore against a mock AKS API server holding what a restore left behind. */
@Timeout(300)
class VerifyRestoreTest {

    @TempDir
    Path tmp;

    private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void findsWhatCompletedDoesNotProveAndWaitsForARolloutToFinish() throws Exception {
        try (VeleroCluster aks = new VeleroCluster()) {
            aks.namespace("shop");
            var c = aks.admin;
            c.persistentVolumeClaims().inNamespace("shop").resource(new PersistentVolumeClaimBuilder().withNewMetadata().withName("data-db-0")
                    .endMetadata().withNewSpec().withStorageClassName("managed-csi-premium").withVolumeName("pvc-1").endSpec()
                    .withNewStatus().withPhase("Bound").endStatus().build()).create();
            c.persistentVolumeClaims().inNamespace("shop").resource(new PersistentVolumeClaimBuilder().withNewMetadata().withName("uploads")
                    .endMetadata().withNewSpec().withStorageClassName("gp2").endSpec().withNewStatus().withPhase("Pending").endStatus().build()).create();
            c.apps().deployments().inNamespace("shop").resource(deployment("web", "contoso.azurecr.io/shop/web:1.4", 0)).create();
            c.apps().deployments().inNamespace("shop").resource(deployment("report", "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/report:2", 1)).create();
            c.serviceAccounts().inNamespace("shop").resource(new ServiceAccountBuilder().withNewMetadata().withName("api")
                    .addToAnnotations("azure.workload.identity/client-id", "3f6c2b1e-8d4a-4c2f-9b7e-1a2b3c4d5e6f").endMetadata().build()).create();
            c.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName("api-1").endMetadata()
                    .withNewSpec().withServiceAccountName("api").addNewContainer().withName("api").withImage("contoso.azurecr.io/shop/api:3").endContainer().endSpec()
                    .withNewStatus().withContainerStatuses(new ContainerStatusBuilder().withName("api").withImage("contoso.azurecr.io/shop/api:3")
                            .withNewState().withNewWaiting().withReason("ImagePullBackOff").endWaiting().endState().build()).endStatus().build()).create();
            c.services().inNamespace("shop").resource(new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
                    .withNewSpec().withType("LoadBalancer").endSpec().build()).create();
            Thread rollout = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                c.apps().deployments().inNamespace("shop").withName("web").edit(d -> {
                    d.getStatus().setUpdatedReplicas(2);
                    d.getStatus().setAvailableReplicas(2);
                    return d;
                });
            });
            rollout.start();

            VerifyResult result = new VerifyRestore(events::add, Clock.systemUTC()).run(new VerifyOptions(List.of("shop"), null, "2s",
                    tmp.resolve("out"), false, Duration.ofMillis(200), aks.kubeconfig(tmp)).request(VerifyOptions.Names.CLI),
                    ClusterConnector.kubeconfigOnly(Duration.ofSeconds(10)));
            rollout.join();

            assertFalse(result.passed());
            Map<String, VerifyCheck.Status> byCheck = new java.util.TreeMap<>();
            result.checks().forEach(k -> byCheck.put(k.object() + " " + k.check(), k.status()));
            assertEquals(VerifyCheck.Status.PASS, byCheck.get("PersistentVolumeClaim shop/data-db-0 bound"));
            assertEquals(VerifyCheck.Status.FAIL, byCheck.get("PersistentVolumeClaim shop/uploads bound"));
            assertEquals(VerifyCheck.Status.PASS, byCheck.get("Deployment shop/web rolled-out"), byCheck.toString());
            assertEquals(VerifyCheck.Status.FAIL, byCheck.get("Deployment shop/report no-ecr-image"));
            assertEquals(VerifyCheck.Status.FAIL, byCheck.get("Pod shop/api-1 not-stuck"));
            assertEquals(VerifyCheck.Status.FAIL, byCheck.get("Pod shop/api-1 workload-identity"));
            assertEquals(VerifyCheck.Status.WARN, byCheck.get("Service shop/web load-balancer"));
            assertTrue(log().contains("FAIL Pod shop/api-1 not-stuck: api ImagePullBackOff (image contoso.azurecr.io/shop/api:3)"), log());
            assertTrue(log().contains("checking again in"), log());
            String junit = Files.readString(tmp.resolve("out/verify-restore-junit.xml"));
            assertTrue(junit.contains("<testcase classname=\"Deployment shop/report\" name=\"no-ecr-image\" time=\"0\">"), junit);
            assertTrue(Files.readString(tmp.resolve("out/verify-restore.json")).contains("\"passed\" : false"));
        }
    }

    @Test
    void aMissingNamespaceFailsAndNoNamespaceIsBadInput() {
        try (VeleroCluster aks = new VeleroCluster()) {
            VerifyResult result = new VerifyRestore(events::add, Clock.systemUTC()).run(new VerifyOptions(List.of("shop-aks"), null, "1s",
                    tmp.resolve("out"), false, Duration.ofMillis(200), aks.kubeconfig(tmp)).request(VerifyOptions.Names.CLI),
                    ClusterConnector.kubeconfigOnly(Duration.ofSeconds(10)));
            assertEquals("Namespace shop-aks", result.checks().get(0).object());
            assertEquals("not found: the restore did not create it (check the restore's namespace mapping)", result.checks().get(0).detail(),
                    "no option of one front end: the restore's mapping is --namespace-mapping, 'namespaceMapping', or none in migrate");
            assertFalse(result.passed());
        }
        assertEquals("Give --namespaces: the restored namespaces to check", assertThrows(MigrationException.class,
                () -> new VerifyOptions(List.of(), null, null, tmp, false, null, null).request(VerifyOptions.Names.CLI)).getMessage());
    }

    private static Deployment deployment(String name, String image, int available) {
        return new DeploymentBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(2).withNewTemplate().withNewSpec().addNewContainer().withName(name).withImage(image).endContainer()
                .endSpec().endTemplate().endSpec()
                .withNewStatus().withReplicas(2).withUpdatedReplicas(2).withAvailableReplicas(available).endStatus().build();
    }

    private String log() {
        return String.join("\n", events.stream().map(MigrationEvent::toLogLine).toList());
    }
}
