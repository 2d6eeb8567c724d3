package io.jenkins.plugins.eks2aks.velero;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.eks2aks.clusters.ClusterAccessOptions;
import io.jenkins.plugins.eks2aks.standins.MockCluster;
import io.jenkins.plugins.eks2aks.velero.model.BackupStorageLocation;
import io.jenkins.plugins.eks2aks.velero.model.BackupStorageLocationSpec;
import io.jenkins.plugins.eks2aks.velero.model.BackupStorageLocationStatus;
import io.jenkins.plugins.eks2aks.velero.model.ObjectStorageLocation;

import java.nio.file.Path;
import java.util.Map;

/**
 * A fabric8 mock API server (CRUD mode) with Velero installed the way {@code velero install --use-node-agent}
 * leaves a cluster: Velero's CRDs (with their real names, groups, scopes; the BackupStorageLocation with its status
 * subresource), the {@code velero} namespace, deployment and {@code node-agent} daemon set, and a {@code default}
 * storage location Velero validated. {@link VeleroController} plays Velero's part.
 */
final class VeleroCluster implements AutoCloseable {

    final MockCluster cluster = new MockCluster();
    final KubernetesClient admin = cluster.admin();

    VeleroCluster crds() {
        for (String kind : new String[] {"Backup", "Restore", "BackupStorageLocation", "PodVolumeBackup", "PodVolumeRestore"}) {
            admin.apiextensions().v1().customResourceDefinitions().resource(crd(kind)).create();
        }
        return this;
    }

    /** Velero fully installed, its default location Available. */
    VeleroCluster installed() {
        crds();
        namespace("velero");
        admin.apps().deployments().inNamespace("velero").resource(new DeploymentBuilder()
                .withMetadata(new ObjectMetaBuilder().withName("velero").withNamespace("velero").build())
                .withNewSpec().withReplicas(1).endSpec()
                .withStatus(new DeploymentStatusBuilder().withReplicas(1).withAvailableReplicas(1).withReadyReplicas(1).build()).build()).create();
        admin.apps().daemonSets().inNamespace("velero").resource(new DaemonSetBuilder()
                .withMetadata(new ObjectMetaBuilder().withName("node-agent").withNamespace("velero").build()).build()).create();
        location("default", "shop-backups", "Available");
        return this;
    }

    void namespace(String name) {
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    }

    void location(String name, String bucket, String phase) {
        BackupStorageLocation bsl = new BackupStorageLocation();
        bsl.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("velero").build());
        BackupStorageLocationSpec spec = new BackupStorageLocationSpec();
        spec.setProvider("aws");
        ObjectStorageLocation os = new ObjectStorageLocation();
        os.setBucket(bucket);
        spec.setObjectStorage(os);
        spec.setConfig(Map.of("region", "us-east-1"));
        spec.setDefault(true);
        bsl.setSpec(spec);
        BackupStorageLocation created = admin.resource(bsl).create();
        BackupStorageLocationStatus status = new BackupStorageLocationStatus();
        status.setPhase(phase);
        created.setStatus(status);
        admin.resource(created).updateStatus();
    }

    ClusterAccessOptions kubeconfig(Path dir) {
        return new ClusterAccessOptions(cluster.writeKubeconfig(dir.resolve("kubeconfig-" + System.nanoTime()), "t"), null,
                null, null, null, null, null);
    }

    private static CustomResourceDefinition crd(String kind) {
        String plural = kind.toLowerCase(java.util.Locale.ROOT) + "s";
        var versions = new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder()
                .withName("v1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema();
        if (kind.equals("BackupStorageLocation")) {
            versions.withNewSubresources().withNewStatus().endStatus().endSubresources();
        }
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName(plural + ".velero.io").endMetadata()
                .withNewSpec().withGroup("velero.io").withScope("Namespaced")
                .withNewNames().withKind(kind).withPlural(plural).withSingular(kind.toLowerCase(java.util.Locale.ROOT)).withListKind(kind + "List").endNames()
                .withVersions(versions.build())
                .endSpec().build();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
